import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { courseLocator, readUserId, userLocator } from '../locators';
import { requiredId } from '../validate';
import { accessFields, readAccess } from './fields';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	action: 'Enroll a user in a course',
	description: 'Enroll a user in a course, fully or as a free trial',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{ ...courseLocator, description: 'The course to enroll the user in' },
	{ ...userLocator, description: 'The user to enroll: from the list, by ID or by email' },
	...accessFields,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const courseId = requiredId(this, itemIndex, 'courseId', 'Course');
	const access = readAccess(this, itemIndex);
	// Read last: a user given by email is looked up with a request.
	const userId = await readUserId(this, itemIndex, 'userId', 'User');
	const body = { course_id: courseId, user_id: userId, ...access };
	return await apiRequest.call(this, { method: 'POST', path: '/enrollments', body }, itemIndex);
}
