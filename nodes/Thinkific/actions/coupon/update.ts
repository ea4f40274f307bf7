import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCollection } from '../../../shared/parameters';
import type { OperationModule } from '../../../shared/router';
import { collectionOf } from '../fields';
import { couponLocator } from '../locators';
import { recordPath, updateRecord } from '../records';
import { requireChanges } from '../validate';
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
	collectionOf('update', [
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
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = recordPath(this, itemIndex, '/coupons/{id}', couponLocator);
	const fields = readCollection(this, itemIndex, 'updateFields');
	const changes = requireChanges(this, itemIndex, couponBody(this, itemIndex, fields));
	// Thinkific's reference requires the code on every change of a coupon.
	return await updateRecord(this, itemIndex, path, changes, { required: ['code'] });
}
