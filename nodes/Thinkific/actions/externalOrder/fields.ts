import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { amountInMinorUnits, compact, currencyCode, text } from '../validate';

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
		reference: text(ctx.getNodeParameter('reference', itemIndex, '')) || undefined,
		action,
	});
}
