import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { productLocator } from '../locators';
import { requiredId, requiredText } from '../validate';
import { transactionBody, transactionFields } from './fields';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	action: 'Create an external order',
	description: 'Report a sale made outside Thinkific, with its first transaction',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{
		displayName: 'Payment Provider',
		name: 'paymentProvider',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Stripe',
		description: 'The name of the system that took the payment',
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		description: 'The Thinkific ID of the user who bought',
	},
	productLocator,
	{
		displayName: 'Order Type',
		name: 'orderType',
		type: 'options',
		default: 'one-time',
		options: [
			{ name: 'One-Time', value: 'one-time' },
			{ name: 'Subscription', value: 'subscription' },
			{ name: 'Payment Plan', value: 'payment-plan' },
		],
		description:
			'How the product was sold. Report later payments of a subscription or payment plan with "Record Purchase".',
	},
	...transactionFields,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		payment_provider: requiredText(this, itemIndex, 'paymentProvider', 'Payment Provider'),
		user_id: requiredId(this, itemIndex, 'userId', 'User ID'),
		product_id: requiredId(this, itemIndex, 'productId', 'Product'),
		order_type: this.getNodeParameter('orderType', itemIndex, 'one-time') as string,
		transaction: transactionBody(this, itemIndex, 'purchase'),
	};
	const answer = await apiRequest.call(
		this,
		{ method: 'POST', path: '/external_orders', body },
		itemIndex,
	);
	return { ...body, ...answer };
}
