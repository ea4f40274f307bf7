import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalWholeNumberOf, wholeNumberOf } from '../../../shared/numbers';
import { readCollection } from '../../../shared/parameters';
import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { collectionOf } from '../fields';
import { promotionLocator } from '../locators';
import { compact } from '../validate';
import { promotionQuery } from './fields';

export const option: OperationModule['option'] = {
	name: 'Bulk Create',
	value: 'bulkCreate',
	action: 'Bulk create coupons',
	description:
		"Have Thinkific make up to 1,000 coupon codes for a promotion in one request, one output item per code; each code takes the promotion's discount off a purchase",
};

export const sendsOnce = true;

/** Thinkific makes at most this many codes a request, each at least this long. */
const MAX_COUPONS = 1000;
const MIN_CODE_LENGTH = 6;

export const description: INodeProperties[] = [
	{ ...promotionLocator, description: 'The promotion whose discount the codes give' },
	{
		displayName: 'Number of Coupons',
		name: 'numberOfCoupons',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, maxValue: MAX_COUPONS },
		default: 10,
		description: 'How many codes to make, at most 1,000',
	},
	{
		displayName: 'Code Length',
		name: 'codeLength',
		type: 'number',
		required: true,
		typeOptions: { minValue: MIN_CODE_LENGTH },
		default: 8,
		description: 'How many characters each code has, at least 6',
	},
	collectionOf('additional', [
		{
			displayName: 'Uses per Coupon',
			name: 'usesPerCoupon',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'How many times each code can be used. Leave out for no limit.',
		},
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs = promotionQuery(this, itemIndex);
	const fields = readCollection(this, itemIndex, 'additionalFields');
	const body = compact({
		bulk_quantity: wholeNumberOf(
			this,
			itemIndex,
			this.getNodeParameter('numberOfCoupons', itemIndex, ''),
			'Number of Coupons',
			{ min: 1, max: MAX_COUPONS },
		),
		bulk_coupon_code_length: wholeNumberOf(
			this,
			itemIndex,
			this.getNodeParameter('codeLength', itemIndex, ''),
			'Code Length',
			{ min: MIN_CODE_LENGTH },
		),
		bulk_quantity_per_coupon: optionalWholeNumberOf(
			this,
			itemIndex,
			fields.usesPerCoupon,
			'Uses per Coupon',
			{ min: 1 },
		),
	});
	const answer: unknown = await apiRequest.call(
		this,
		{ method: 'POST', path: '/coupons/bulk_create', qs, body },
		itemIndex,
	);
	// The reference's schema answers {items: [...]}; a published client reads a bare array.
	if (Array.isArray(answer)) return answer as IDataObject[];
	const items = (answer as { items?: unknown }).items;
	return Array.isArray(items) ? (items as IDataObject[]) : [answer as IDataObject];
}
