import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { optionalWholeNumberOf } from '../../../shared/numbers';
import { compact, optionalIsoDate, textOf, toId } from '../validate';

/** The fields of a promotion and the request body built from them, checked first. */

export const DISCOUNT_TYPES = [
	{ name: 'Percentage', value: 'percentage' },
	{ name: 'Fixed Amount', value: 'fixed' },
];

const AMOUNT_DESCRIPTION =
	'How much is taken off: for a percentage, above 0 and at most 100; for a fixed amount, the amount in the currency of the price (dollars, not cents), such as 10 or 9.99';

export const discountTypeField: INodeProperties = {
	displayName: 'Discount Type',
	name: 'discountType',
	type: 'options',
	options: DISCOUNT_TYPES,
	default: 'percentage',
	description: 'Whether the discount is a percentage of the price or a fixed amount off it',
};

export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 10,
	description: AMOUNT_DESCRIPTION,
};

/** The fields both Create (as Additional Fields) and Update offer. */
export const optionalPromotionFields: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Duration',
		name: 'duration',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'For subscriptions and payment plans: for how many payments the discount applies',
	},
	{
		displayName: 'Expires At',
		name: 'expiresAt',
		type: 'dateTime',
		default: '',
		description: 'When the promotion ends',
	},
	{
		displayName: 'Product Names or IDs',
		name: 'productIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getProducts' },
		default: [],
		description:
			'The products the promotion applies to; none for every product. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Starts At',
		name: 'startsAt',
		type: 'dateTime',
		default: '',
		description: 'When the promotion begins. Leave empty for now.',
	},
];

/** Product IDs given as a list, or as text separated by commas (from an expression). */
function productIdsOf(ctx: IExecuteFunctions, itemIndex: number, value: unknown): number[] {
	const list = Array.isArray(value) ? value : textOf(value).split(',');
	return list
		.filter((entry) => textOf(entry) !== '')
		.map((entry) => toId(ctx, itemIndex, entry, 'Products'));
}

/**
 * The amount of a discount of `type` (when known): a number above 0; for a
 * percentage at most 100, for a fixed amount with at most two decimals. `context`
 * is added to the problem, to say where the type or the amount came from.
 */
export function checkAmount(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	type: unknown,
	context = '',
): number {
	const amount = typeof value === 'number' ? value : Number(textOf(value));
	const refuse = (problem: string) =>
		invalidParameter(ctx.getNode(), itemIndex, 'Amount', `${problem}${context}`);
	if (textOf(value) === '' || !Number.isFinite(amount)) throw refuse('it is not a number');
	if (type === 'percentage' && !(amount > 0 && amount <= 100)) {
		throw refuse('a percentage must be above 0 and at most 100');
	}
	if (amount <= 0) throw refuse('it must be above 0');
	if (type === 'fixed' && !/^\d+(\.\d{1,2})?$/.test(String(amount))) {
		throw refuse(`${amount} has more than two decimals`);
	}
	return amount;
}

/**
 * The API body for the promotion fields given: `name`, `discountType` and
 * `amount` when present, then the optional ones. Everything is checked first.
 */
export function promotionBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const node = ctx.getNode();
	if (fields.name !== undefined && textOf(fields.name) === '') {
		throw invalidParameter(node, itemIndex, 'Name', 'it is empty');
	}
	const type = fields.discountType;
	if (type !== undefined && !DISCOUNT_TYPES.some((t) => t.value === type)) {
		throw invalidParameter(
			node,
			itemIndex,
			'Discount Type',
			`"${textOf(type).slice(0, 40)}" is not percentage or fixed`,
		);
	}
	const startsAt = optionalIsoDate(ctx, itemIndex, fields.startsAt, 'Starts At');
	const expiresAt = optionalIsoDate(ctx, itemIndex, fields.expiresAt, 'Expires At');
	if (startsAt && expiresAt && expiresAt <= startsAt) {
		throw invalidParameter(node, itemIndex, 'Expires At', 'it is before "Starts At"');
	}
	return compact({
		name: fields.name === undefined ? undefined : textOf(fields.name),
		discount_type: type,
		amount:
			fields.amount === undefined ? undefined : checkAmount(ctx, itemIndex, fields.amount, type),
		description: textOf(fields.description) || undefined,
		starts_at: startsAt,
		expires_at: expiresAt,
		product_ids:
			fields.productIds === undefined ? undefined : productIdsOf(ctx, itemIndex, fields.productIds),
		duration: optionalWholeNumberOf(ctx, itemIndex, fields.duration, 'Duration', { min: 1 }),
	});
}
