import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { apiRequestAllItems } from '../../transport';
import { compact, optionalEmailOf, optionalIsoDate, textOf, toId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many enrollments',
	description: 'List enrollments, optionally filtered',
};

const FLAGS: Array<[string, string, string]> = [
	['completed', 'Completed', 'completed'],
	['expired', 'Expired', 'expired'],
	['freeTrial', 'Free Trial', 'free_trial'],
	['full', 'Full', 'full'],
];

const DATES: Array<[string, string, string]> = [
	['createdAfter', 'Created After', 'created_after'],
	['createdBefore', 'Created Before', 'created_before'],
	['updatedAfter', 'Updated After', 'updated_after'],
	['updatedBefore', 'Updated Before', 'updated_before'],
];

export const description: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Completed',
				name: 'completed',
				type: 'boolean',
				default: true,
				description: 'Whether to return only completed enrollments',
			},
			{
				displayName: 'Course ID',
				name: 'courseId',
				type: 'string',
				default: '',
				description: 'Only enrollments in this course',
			},
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only enrollments of the user with this email',
			},
			{
				displayName: 'Expired',
				name: 'expired',
				type: 'boolean',
				default: true,
				description: 'Whether to return only expired enrollments',
			},
			{
				displayName: 'Free Trial',
				name: 'freeTrial',
				type: 'boolean',
				default: true,
				description: 'Whether to return only free-trial enrollments',
			},
			{
				displayName: 'Full',
				name: 'full',
				type: 'boolean',
				default: true,
				description: 'Whether to return only full (not free-trial) enrollments',
			},
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Updated Before',
				name: 'updatedBefore',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				description: 'Only enrollments of this user',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = compact({
		'query[user_id]':
			textOf(filters.userId) === '' ? undefined : toId(this, itemIndex, filters.userId, 'User ID'),
		'query[course_id]':
			textOf(filters.courseId) === ''
				? undefined
				: toId(this, itemIndex, filters.courseId, 'Course ID'),
		'query[email]': optionalEmailOf(this, itemIndex, filters.email, 'Email'),
	});
	// Thinkific documents these filters for "true" only; false means no filter.
	for (const [name, , key] of FLAGS) {
		if (filters[name] === true) qs[`query[${key}]`] = true;
	}
	for (const [name, label, key] of DATES) {
		const date = optionalIsoDate(this, itemIndex, filters[name], label);
		if (date !== undefined) qs[`query[${key}]`] = date;
	}
	return await apiRequestAllItems.call(this, { path: '/enrollments', qs }, limit, itemIndex);
}
