import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { amountInMinorUnits, compact, currencyCode, requiredId, textOf } from '../validate';

/** The transaction fields shared by order creation, purchases and refunds. */
export const transactionFields: INodeProperties[] = [
	{
		displayName: 'Amount (Minor Units)',
		name: 'amount',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description:
			"The amount in the currency's smallest unit, such as cents: 1999 for 19.99 USD, 500 for 500 JPY",
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: 'USD',
		placeholder: 'USD',
		description: 'The ISO 4217 currency code, such as USD, EUR or GBP',
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		description: "The payment provider's reference for the transaction, such as a charge ID",
	},
];

export function transactionBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: 'purchase' | 'refund',
): IDataObject {
	return compact({
		amount: amountInMinorUnits(ctx, itemIndex, 'amount', 'Amount (Minor Units)'),
		currency: currencyCode(ctx, itemIndex, 'currency', 'Currency'),
		reference: textOf(ctx.getNodeParameter('reference', itemIndex, '')) || undefined,
		action,
	});
}

/** The fields of Record Purchase and Record Refund: the order, then the transaction. */
export const transactionOperationFields: INodeProperties[] = [
	{
		displayName: 'External Order ID',
		name: 'externalOrderId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID Thinkific gave the external order when it was created',
	},
	...transactionFields,
];

/** Reports a purchase or a refund of an existing external order. */
export async function recordTransaction(
	this: IExecuteFunctions,
	itemIndex: number,
	action: 'purchase' | 'refund',
): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'externalOrderId', 'External Order ID');
	const body = transactionBody(this, itemIndex, action);
	const answer = await apiRequest.call(
		this,
		{ method: 'POST', path: `/external_orders/${id}/transactions/${action}`, body },
		itemIndex,
	);
	return { recorded: true, external_order_id: id, ...body, ...answer };
}
