import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { optionalWholeNumberOf } from '../../../shared/numbers';
import { couponLocator, couponPromotionLocator, promotionLocator } from '../locators';
import { pickedId } from '../records';
import { compact, textOf } from '../validate';

/** The fields of a coupon and the request body built from them, checked first. */

export const noteField: INodeProperties = {
	displayName: 'Note',
	name: 'note',
	type: 'string',
	default: '',
	description: 'A note on the coupon, for the admin (Thinkific plans to retire it)',
};

export const quantityField: INodeProperties = {
	displayName: 'Quantity',
	name: 'quantity',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	description: 'How many times the code can be used in all. Leave out for no limit.',
};

/** Which coupon: the promotion (for the list only), then the coupon. */
export const couponFields: INodeProperties[] = [couponPromotionLocator, couponLocator];

/** The promotion a coupon operation works in, as the `promotion_id` query Thinkific wants. */
export function promotionQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return { promotion_id: pickedId(ctx, itemIndex, promotionLocator) };
}

/** The API body for the coupon fields given (`code`, `quantity`, `quantityUsed`, `note`). */
export function couponBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	if (fields.code !== undefined && textOf(fields.code) === '') {
		throw invalidParameter(ctx.getNode(), itemIndex, 'Code', 'it is empty');
	}
	return compact({
		code: textOf(fields.code) || undefined,
		quantity: optionalWholeNumberOf(ctx, itemIndex, fields.quantity, 'Quantity', { min: 1 }),
		quantity_used: optionalWholeNumberOf(ctx, itemIndex, fields.quantityUsed, 'Quantity Used', {
			min: 0,
		}),
		note: textOf(fields.note) || undefined,
	});
}
