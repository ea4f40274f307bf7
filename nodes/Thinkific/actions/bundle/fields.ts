import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { bundleLocator, readUserId, userLocator } from '../locators';
import { requiredId } from '../validate';

/** The bundle and the student of Enroll User and Update Enrollments. */
export const bundleUserFields: INodeProperties[] = [
	bundleLocator,
	{ ...userLocator, description: 'The student: from the list, by ID or by email' },
];

/**
 * Sends the user's enrollment in the bundle (`POST` to enroll, `PUT` to change it)
 * with the fields `read` gives, checked first; Thinkific answers without a body, so
 * what was sent is the output.
 */
export async function sendBundleEnrollment(
	ctx: IExecuteFunctions,
	itemIndex: number,
	method: 'POST' | 'PUT',
	read: () => IDataObject,
): Promise<IDataObject> {
	const bundleId = requiredId(ctx, itemIndex, 'bundleId', 'Bundle');
	const fields = read();
	// Read last: a user given by email is looked up with a request.
	const body = { user_id: await readUserId(ctx, itemIndex, 'userId', 'User'), ...fields };
	const path = `/bundles/${bundleId}/enrollments`;
	await apiRequest.call(ctx, { method, path, body }, itemIndex);
	return { bundle_id: bundleId, ...body };
}
