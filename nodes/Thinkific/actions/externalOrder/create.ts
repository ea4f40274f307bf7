import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { productLocator, readUserId, userLocator } from '../locators';
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
	{ ...userLocator, description: 'The user who bought: from the list, by ID or by email' },
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
	const paymentProvider = requiredText(this, itemIndex, 'paymentProvider', 'Payment Provider');
	const productId = requiredId(this, itemIndex, 'productId', 'Product');
	const orderType = this.getNodeParameter('orderType', itemIndex, 'one-time') as string;
	const transaction = transactionBody(this, itemIndex, 'purchase');
	// Checked last: a user given by email is looked up with a request.
	const body: IDataObject = {
		payment_provider: paymentProvider,
		user_id: await readUserId(this, itemIndex, 'userId', 'User'),
		product_id: productId,
		order_type: orderType,
		transaction,
	};
	const answer = await apiRequest.call(
		this,
		{ method: 'POST', path: '/external_orders', body },
		itemIndex,
	);
	return { ...body, ...answer };
}
