import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { courseLocator, readUserId, userLocator } from '../locators';
import { compact, optionalIsoDate, requiredId } from '../validate';

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
	{
		displayName: 'Free Trial',
		name: 'freeTrial',
		type: 'boolean',
		default: false,
		description:
			'Whether the enrollment is a free trial, giving access to the free preview lessons only, until it is activated',
	},
	{
		displayName: 'Activated At',
		name: 'activatedAt',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { freeTrial: [false] } },
		description: 'When full access starts. Leave empty for now.',
	},
	{
		displayName: 'Expiry Date',
		name: 'expiryDate',
		type: 'dateTime',
		default: '',
		description: 'When access ends. Leave empty for access that does not expire.',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const freeTrial = this.getNodeParameter('freeTrial', itemIndex, false) as boolean;
	const courseId = requiredId(this, itemIndex, 'courseId', 'Course');
	// Without activated_at Thinkific makes the enrollment a free trial.
	const activatedAt = freeTrial
		? undefined
		: (optionalIsoDate(
				this,
				itemIndex,
				this.getNodeParameter('activatedAt', itemIndex, ''),
				'Activated At',
			) ?? new Date().toISOString());
	const expiryDate = optionalIsoDate(
		this,
		itemIndex,
		this.getNodeParameter('expiryDate', itemIndex, ''),
		'Expiry Date',
	);
	// Read last: a user given by email is looked up with a request.
	const userId = await readUserId(this, itemIndex, 'userId', 'User');
	const body = compact({
		course_id: courseId,
		user_id: userId,
		activated_at: activatedAt,
		expiry_date: expiryDate,
	});
	return await apiRequest.call(this, { method: 'POST', path: '/enrollments', body }, itemIndex);
}
