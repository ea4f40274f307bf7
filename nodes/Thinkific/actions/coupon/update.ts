import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCollection } from '../../../shared/parameters';
import type { OperationModule } from '../../../shared/router';
import { coupon } from '../commerceRecords';
import { recordId, requireChanges, updateRecord } from '../records';
import { couponBody, couponFields, noteField, quantityField } from './fields';

export const option: OperationModule['option'] = {
	name: 'Update',
	value: 'update',
	action: 'Update a coupon',
	description:
		'Change a coupon code, how often it can be used, or its count of uses, and return it after the change',
};

export const description: INodeProperties[] = [
	...couponFields,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'The new code; the old one stops working',
			},
			noteField,
			quantityField,
			{
				displayName: 'Quantity Used',
				name: 'quantityUsed',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'How many times the code counts as used, such as 0 to reset it',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = recordId(this, itemIndex, coupon);
	const changes = couponBody(this, itemIndex, readCollection(this, itemIndex, 'updateFields'));
	requireChanges(this, itemIndex, changes);
	// Thinkific's reference requires the code on every change of a coupon.
	return await updateRecord(this, itemIndex, coupon.path(id), changes, ['code']);
}
