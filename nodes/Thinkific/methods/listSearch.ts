import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SearchableList } from '../../shared/listSearch';
import { normaliseTerm, searchList } from '../../shared/listSearch';
import { isEmailAddress, textOf } from '../../shared/parameters';
import type { ListRequest } from '../../shared/transport';
import { apiRequestPage } from '../transport';

/**
 * Searchable lists of the resource locators. Thinkific's courses, products,
 * categories, orders, promotions and coupons take only `page` and `limit` (coupons
 * the promotion too), and its users only an exact `query[email]` filter: a name is
 * looked for on this side, page after page (250 a page, the most Thinkific gives),
 * until a page holds a match.
 */

/** One look into the records of a list request, page after page (see `searchList`). */
async function searchRecords(
	ctx: ILoadOptionsFunctions,
	request: ListRequest,
	list: Omit<SearchableList, 'page'>,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = async (n: number) => await apiRequestPage.call(ctx, request, n);
	return await searchList({ ...list, page }, filter, paginationToken);
}

/** Records listed by name, searched in `texts`, with a description when `describe` gives one. */
function byName(
	texts: SearchableList['texts'],
	describe: (record: IDataObject) => string | undefined = () => undefined,
): Omit<SearchableList, 'page'> {
	return {
		texts,
		entry: (record) => ({
			name: String(record.name),
			value: String(record.id),
			description: describe(record),
		}),
	};
}

/** Records with a name and a slug, searched by either. */
const BY_NAME = byName((record) => [record.name, record.slug]);

export async function searchCourses(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(this, { path: '/courses' }, BY_NAME, filter, paginationToken);
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const list = byName(
		(product) => [product.name, product.slug],
		(product) => (product.productable_type ? String(product.productable_type) : undefined),
	);
	return await searchRecords(this, { path: '/products' }, list, filter, paginationToken);
}

/** Categories (the API's collections) by name or slug. */
export async function searchCategories(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(this, { path: '/collections' }, BY_NAME, filter, paginationToken);
}

/** Orders by their number, buyer (name or email), product or coupon code. */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(
		this,
		{ path: '/orders' },
		{
			texts: (order) => [
				`#${String(order.id)}`,
				order.user_name,
				order.user_email,
				order.product_name,
				order.coupon_code,
			],
			entry: (order) => ({
				name: `#${String(order.id)} ${String(order.user_name ?? '')} (${String(order.user_email ?? '')}): ${String(order.product_name ?? '')}`,
				value: String(order.id),
				description: [order.status, order.amount_dollars, textOf(order.created_at).slice(0, 10)]
					.filter((part) => textOf(part) !== '')
					.join(', '),
			}),
		},
		filter,
		paginationToken,
	);
}

/** Promotions by name or description; each entry says its discount. */
export async function searchPromotions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const list = byName(
		(promotion) => [promotion.name, promotion.description],
		(promotion) =>
			`${String(promotion.amount)}${promotion.discount_type === 'percentage' ? '%' : ''} off`,
	);
	return await searchRecords(this, { path: '/promotions' }, list, filter, paginationToken);
}

/**
 * The coupon codes of the promotion chosen in the node (Thinkific lists coupons
 * per promotion only), by code or note.
 */
export async function searchCoupons(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// A resource locator's value, read as it is saved (no mode of it rewrites the value).
	const chosen = this.getCurrentNodeParameter('promotionId') as { value?: unknown } | undefined;
	const promotion = textOf(typeof chosen === 'object' ? chosen?.value : chosen);
	if (!/^\d+$/.test(promotion)) {
		throw new NodeOperationError(
			this.getNode(),
			'Choose the promotion first: its coupons are listed here',
		);
	}
	return await searchRecords(
		this,
		{ path: '/coupons', qs: { promotion_id: promotion } },
		{
			texts: (coupon) => [coupon.code, coupon.note],
			entry: (coupon) => ({
				name: String(coupon.code),
				value: String(coupon.id),
				description:
					coupon.quantity === null || coupon.quantity === undefined
						? `used ${String(coupon.quantity_used ?? 0)}, no limit`
						: `used ${String(coupon.quantity_used ?? 0)} of ${String(coupon.quantity)}`,
			}),
		},
		filter,
		paginationToken,
	);
}

function userEntry(user: IDataObject) {
	const name =
		String(user.full_name ?? '').trim() ||
		`${String(user.first_name ?? '')} ${String(user.last_name ?? '')}`.trim();
	return {
		name: name ? `${name} (${String(user.email)})` : String(user.email),
		value: String(user.id),
	};
}

/**
 * Users by name or email. A whole email address is one request with Thinkific's
 * own `query[email]` filter; anything else is looked for in the users' names and
 * email addresses, page after page.
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = normaliseTerm(filter);
	if (isEmailAddress(term) && paginationToken === undefined) {
		const { items } = await apiRequestPage.call(
			this,
			{ path: '/users', qs: { 'query[email]': term } },
			1,
		);
		return {
			results: items
				.filter((user) => normaliseTerm(user.email) === term)
				.map((user) => userEntry(user)),
		};
	}
	return await searchRecords(
		this,
		{ path: '/users' },
		{
			texts: (user) => [
				user.full_name,
				`${String(user.first_name ?? '')} ${String(user.last_name ?? '')}`,
				user.email,
			],
			entry: userEntry,
		},
		filter,
		paginationToken,
	);
}
