import type { OperationRow, RequestRow } from './types';
import { getRow, listRow, operationRow, READ_BACK } from './thinkificRows';

/**
 * The Thinkific table's rows for products, categories, orders, promotions and
 * coupons (see thinkific.ts for the sources).
 */

const PROMOTION = 'name discount_type amount description starts_at expires_at product_ids duration';
const COUPON = 'code note quantity';

/** A change Thinkific's reference gives the same required fields as a create. */
const readFirst = (required: string, source: string) =>
	`Read before the change when it leaves out ${required}, which ${source}; the node sends them as the record has them, as the PHP client sends every field. ${READ_BACK}`;

const promotion = (operation: string, ...requests: RequestRow[]) =>
	operationRow('promotion', operation, ...requests);
const coupon = (operation: string, ...requests: RequestRow[]) =>
	operationRow('coupon', operation, ...requests);

export const THINKIFIC_COMMERCE_ROWS: OperationRow[] = [
	operationRow('product', 'get', getRow('/products/{id}', ['spec', 'saloon'])),
	operationRow('product', 'getAll', listRow('/products', ['spec', 'saloon'])),
	operationRow('product', 'getRelated', listRow('/products/{id}/related', ['spec', 'saloon'])),
	operationRow(
		'category',
		'get',
		getRow('/collections/{id}', ['spec', 'specTags'], {
			decision:
				'Thinkific calls categories collections in its routes; the spec says `/collections` is to be renamed `/categories` in a later API version.',
		}),
	),
	operationRow('category', 'getAll', listRow('/collections', ['spec', 'specTags'])),
	operationRow(
		'category',
		'getProducts',
		listRow('/collections/{id}/products', ['spec', 'specTags']),
	),
	operationRow('order', 'get', getRow('/orders/{id}', ['spec', 'saloon'])),
	operationRow(
		'order',
		'getAll',
		listRow('/orders', ['spec', 'saloon'], {
			decision:
				'Every version of the spec and every client seen documents only `page` and `limit` here: the node offers no order filters.',
		}),
	),
	promotion('create', {
		method: 'POST',
		route: '/promotions',
		body: PROMOTION,
		sources: ['spec', 'saloon'],
		decision:
			'A fixed `amount` is in the currency of the price ("must be a dollar value"), not in cents; `coupon_ids`, which the spec and the PHP client also take, is not offered (coupons are made with Coupon: Create).',
	}),
	promotion('get', getRow('/promotions/{id}', ['spec', 'saloon'])),
	promotion('getAll', listRow('/promotions', ['spec', 'saloon'])),
	promotion(
		'update',
		getRow('/promotions/{id}', ['spec', 'saloon'], {
			decision: readFirst(
				'`name`, `discount_type` or `amount`',
				'the spec requires on every change (one schema for create and change)',
			),
		}),
		{ method: 'PUT', route: '/promotions/{id}', body: PROMOTION, sources: ['spec', 'saloon'] },
	),
	promotion('delete', { method: 'DELETE', route: '/promotions/{id}', sources: ['spec', 'saloon'] }),
	promotion(
		'findByCoupon',
		getRow('/promotions/by_coupon', ['spec', 'specTags'], {
			query: 'product_id coupon_code',
			decision:
				'Both required by the spec (a third-party MCP tool sends the code alone): the spec wins. A 404, for an unknown code or product, gives no output item.',
		}),
	),
	coupon('create', {
		method: 'POST',
		route: '/coupons',
		query: 'promotion_id',
		body: COUPON,
		sources: ['spec', 'saloon'],
	}),
	coupon('bulkCreate', {
		method: 'POST',
		route: '/coupons/bulk_create',
		query: 'promotion_id',
		body: 'bulk_quantity bulk_coupon_code_length bulk_quantity_per_coupon',
		sources: ['spec', 'saloon'],
		decision:
			'The spec answers `{items: [coupons]}`; the PHP client reads a bare array of coupons. The node takes either, one output item per coupon.',
	}),
	coupon('get', getRow('/coupons/{id}', ['spec', 'saloon'])),
	coupon('getAll', listRow('/coupons', ['spec', 'saloon'], { query: 'promotion_id' })),
	coupon(
		'update',
		getRow('/coupons/{id}', ['spec', 'saloon'], {
			decision: readFirst('`code`', 'the spec requires on every change'),
		}),
		{
			method: 'PUT',
			route: '/coupons/{id}',
			body: `${COUPON} quantity_used`,
			sources: ['spec', 'saloon'],
			decision:
				'`quantity_used` is typed as text in the spec and as a number in its answers; the node sends a whole number.',
		},
	),
	coupon('delete', { method: 'DELETE', route: '/coupons/{id}', sources: ['spec', 'saloon'] }),
];
