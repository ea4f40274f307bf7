import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { soldProductLocator } from '../locators';
import { pickedId } from '../records';
import { requiredText } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Find by Coupon Code',
	value: 'findByCoupon',
	action: 'Find a promotion by coupon code',
	description:
		'Find the promotion a coupon code gives on a product; no output item when the code gives none',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [
	{
		displayName: 'Coupon Code',
		name: 'couponCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The code a buyer enters at checkout',
		hint: 'No promotion for this code and product gives no output item. To go on with an empty item, turn on "Always Output Data" in the node\'s settings.',
	},
	{ ...soldProductLocator, description: 'The product the code is to be used on' },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const couponCode = requiredText(this, itemIndex, 'couponCode', 'Coupon Code');
	const qs = { product_id: pickedId(this, itemIndex, soldProductLocator), coupon_code: couponCode };
	try {
		const found = await apiRequest.call(
			this,
			{ method: 'GET', path: '/promotions/by_coupon', qs },
			itemIndex,
		);
		return [found];
	} catch (error) {
		// Thinkific answers 404 when no promotion of the product has the code.
		if (error instanceof NodeApiError && error.httpCode === '404') return [];
		throw error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	}
}
