import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCollection } from '../../../shared/parameters';
import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { collectionOf } from '../fields';
import { promotionLocator } from '../locators';
import { couponBody, noteField, promotionQuery, quantityField } from './fields';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	action: 'Create a coupon',
	description:
		"Add a coupon code to a promotion: buyers who enter it pay less by the promotion's discount",
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{ ...promotionLocator, description: 'The promotion whose discount the code gives' },
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'SPRING20',
		description: 'The code buyers enter at checkout',
	},
	collectionOf('additional', [noteField, quantityField]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const qs = promotionQuery(this, itemIndex);
	const body = couponBody(this, itemIndex, {
		...readCollection(this, itemIndex, 'additionalFields'),
		code: this.getNodeParameter('code', itemIndex, ''),
	});
	return await apiRequest.call(this, { method: 'POST', path: '/coupons', qs, body }, itemIndex);
}
