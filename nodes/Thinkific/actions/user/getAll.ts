import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { apiRequestAllItems } from '../../transport';
import { compact, optionalEmailOf, textOf, toId } from '../validate';
import { ROLE_OPTIONS } from './fields';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many users',
	description: 'List users, optionally filtered',
};

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
				displayName: 'Custom Profile Field Label',
				name: 'customProfileFieldLabel',
				type: 'string',
				default: '',
				description: 'Only users whose custom profile field with this label has the value below',
			},
			{
				displayName: 'Custom Profile Field Value',
				name: 'customProfileFieldValue',
				type: 'string',
				default: '',
				description: 'The value the custom profile field must have (give the label too)',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only the user with this email',
			},
			{
				displayName: 'External Source',
				name: 'externalSource',
				type: 'string',
				default: '',
				description: 'Only users from this external source',
			},
			{
				displayName: 'Group ID',
				name: 'groupId',
				type: 'string',
				default: '',
				description: 'Only members of this group',
			},
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: ROLE_OPTIONS,
				default: 'affiliate',
				description: 'Only users with this role',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const label = textOf(filters.customProfileFieldLabel);
	const value = textOf(filters.customProfileFieldValue);
	if ((label === '') !== (value === '')) {
		throw invalidParameter(
			this.getNode(),
			itemIndex,
			label === '' ? 'Custom Profile Field Label' : 'Custom Profile Field Value',
			'it is empty; a custom profile field filter needs both the label and the value',
		);
	}
	const qs = compact({
		'query[email]': optionalEmailOf(this, itemIndex, filters.email, 'Email'),
		'query[role]': textOf(filters.role) || undefined,
		'query[external_source]': textOf(filters.externalSource) || undefined,
		'query[custom_profile_field_label]': label || undefined,
		'query[custom_profile_field_value]': value || undefined,
		'query[group_id]':
			textOf(filters.groupId) === ''
				? undefined
				: toId(this, itemIndex, filters.groupId, 'Group ID'),
	});
	return await apiRequestAllItems.call(this, { path: '/users', qs }, limit, itemIndex);
}
