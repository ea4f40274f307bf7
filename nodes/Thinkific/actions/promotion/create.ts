import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCollection } from '../../../shared/parameters';
import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { collectionOf } from '../fields';
import { requiredText } from '../validate';
import { amountField, discountTypeField, optionalPromotionFields, promotionBody } from './fields';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	action: 'Create a promotion',
	description:
		'Create a discount that lowers what buyers pay for the products it applies to; add coupon codes to it with Coupon: Create',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'The name of the promotion, as the admin sees it',
	},
	{ ...discountTypeField, required: true },
	{ ...amountField, required: true },
	collectionOf('additional', optionalPromotionFields),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = promotionBody(this, itemIndex, {
		...readCollection(this, itemIndex, 'additionalFields'),
		name: requiredText(this, itemIndex, 'name', 'Name'),
		discountType: this.getNodeParameter('discountType', itemIndex),
		amount: this.getNodeParameter('amount', itemIndex, ''),
	});
	return await apiRequest.call(this, { method: 'POST', path: '/promotions', body }, itemIndex);
}
