import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectionOf } from '../fields';
import {
	compact,
	optionalEmailOf,
	optionalIsoDate,
	requireChanges,
	textOf,
	toId,
} from '../validate';

/**
 * Enrollment fields shared by course and bundle enrollments: when access starts and
 * ends, the changes of an update, and the filters of a list.
 */

/** When access starts (or a free trial) and ends, for a new enrollment. */
export const accessFields: INodeProperties[] = [
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

/** `activated_at` and `expiry_date` of a new enrollment; no `activated_at` makes a free trial. */
export function readAccess(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const freeTrial = ctx.getNodeParameter('freeTrial', itemIndex, false) as boolean;
	const date = (name: string, label: string) =>
		optionalIsoDate(ctx, itemIndex, ctx.getNodeParameter(name, itemIndex, ''), label);
	return compact({
		activated_at: freeTrial
			? undefined
			: (date('activatedAt', 'Activated At') ?? new Date().toISOString()),
		expiry_date: date('expiryDate', 'Expiry Date'),
	});
}

/** The dates an update can change. */
export const changeFields = collectionOf('update', [
	{
		displayName: 'Activated At',
		name: 'activatedAt',
		type: 'dateTime',
		default: '',
		description: 'When full access starts; setting it turns a free trial into a full enrollment',
	},
	{
		displayName: 'Expiry Date',
		name: 'expiryDate',
		type: 'dateTime',
		default: '',
		description: 'When access ends',
	},
]);

/** The changed dates; refused when none was chosen. */
export function readChanges(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	return requireChanges(
		ctx,
		itemIndex,
		compact({
			activated_at: optionalIsoDate(ctx, itemIndex, fields.activatedAt, 'Activated At'),
			expiry_date: optionalIsoDate(ctx, itemIndex, fields.expiryDate, 'Expiry Date'),
		}),
	);
}

const flag = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: true,
	description,
});

const date = (name: string, displayName: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
});

/** Filters that course and bundle enrollment lists both take. */
export const commonFilters: INodeProperties[] = [
	flag('completed', 'Completed', 'Whether to return only completed enrollments'),
	date('createdAfter', 'Created After'),
	date('createdBefore', 'Created Before'),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Only enrollments of the user with this email',
	},
	flag('expired', 'Expired', 'Whether to return only expired enrollments'),
	date('updatedAfter', 'Updated After'),
	date('updatedBefore', 'Updated Before'),
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		description: 'Only enrollments of this user',
	},
];

/** The filters of enrollment lists that only course enrollments take. */
export const courseFilters: INodeProperties[] = [
	{
		displayName: 'Course ID',
		name: 'courseId',
		type: 'string',
		default: '',
		description: 'Only enrollments in this course',
	},
	flag('freeTrial', 'Free Trial', 'Whether to return only free-trial enrollments'),
	flag('full', 'Full', 'Whether to return only full (not free-trial) enrollments'),
];

/** A Filters collection of these options, sorted by name. */
export function filtersOf(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

const FLAGS: Record<string, string> = {
	completed: 'completed',
	expired: 'expired',
	freeTrial: 'free_trial',
	full: 'full',
};

const DATES: Array<[string, string, string]> = [
	['createdAfter', 'Created After', 'created_after'],
	['createdBefore', 'Created Before', 'created_before'],
	['updatedAfter', 'Updated After', 'updated_after'],
	['updatedBefore', 'Updated Before', 'updated_before'],
];

/** The `query[…]` parameters of the chosen filters, checked first. */
export function filterQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const id = (name: string, label: string) =>
		textOf(filters[name]) === '' ? undefined : toId(ctx, itemIndex, filters[name], label);
	const qs: IDataObject = compact({
		'query[user_id]': id('userId', 'User ID'),
		'query[course_id]': id('courseId', 'Course ID'),
		'query[email]': optionalEmailOf(ctx, itemIndex, filters.email, 'Email'),
	});
	// Thinkific documents these filters for "true" only; false means no filter.
	for (const [name, key] of Object.entries(FLAGS)) {
		if (filters[name] === true) qs[`query[${key}]`] = true;
	}
	for (const [name, label, key] of DATES) {
		const value = optionalIsoDate(ctx, itemIndex, filters[name], label);
		if (value !== undefined) qs[`query[${key}]`] = value;
	}
	return qs;
}
