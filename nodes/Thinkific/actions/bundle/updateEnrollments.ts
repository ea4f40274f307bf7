import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { changeFields, readChanges } from '../enrollment/fields';
import { bundleUserFields, sendBundleEnrollment } from './fields';

export const option: OperationModule['option'] = {
	name: 'Update Enrollments',
	value: 'updateEnrollments',
	action: "Update a user's bundle enrollments",
	description:
		"Change the activation or expiry date of a user's enrollment in a bundle and each of its courses",
};

export const description: INodeProperties[] = [...bundleUserFields, changeFields];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sent = await sendBundleEnrollment(this, itemIndex, 'PUT', () =>
		readChanges(this, itemIndex),
	);
	return { updated: true, ...sent };
}
