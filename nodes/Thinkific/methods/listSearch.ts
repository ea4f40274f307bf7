import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SearchableList } from '../../shared/listSearch';
import { SEARCH_MAX_PAGES_PER_LOOK, normaliseTerm, searchList } from '../../shared/listSearch';
import { isEmailAddress, textOf } from '../../shared/parameters';
import type { ListRequest } from '../../shared/transport';
import { apiRequestPage } from '../transport';

/**
 * Searchable lists of the resource locators. Thinkific's lists take only `page` and
 * `limit` (coupons the promotion too; users and enrollments also an exact
 * `query[email]` filter): a name is looked for on this side, page after page (250 a
 * page, the most Thinkific gives), until a page holds a match. Every search is made
 * by `searchOf` from the list's request and how its records are searched and shown.
 */

type Search = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** How a list's records are searched (`texts`) and shown (`entry`). */
type Records = Omit<SearchableList, 'page'>;

/** The list search of the records `request` lists (read from the node when a function). */
function searchOf(
	request: ListRequest | ((ctx: ILoadOptionsFunctions) => ListRequest),
	records: Records,
): Search {
	return async function (this: ILoadOptionsFunctions, filter, paginationToken) {
		const list = typeof request === 'function' ? request(this) : request;
		const page = async (n: number) => await apiRequestPage.call(this, list, n);
		return await searchList({ ...records, page }, filter, paginationToken);
	};
}

/** Records shown by name, searched in `texts`, described by `describe` when it gives a text. */
function byName(
	texts: Records['texts'],
	describe: (record: IDataObject) => string | undefined = () => undefined,
): Records {
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

/**
 * The ID chosen in another field of the node (a resource locator's value as saved,
 * or a plain value), for a list Thinkific gives per parent record only.
 */
function chosenId(ctx: ILoadOptionsFunctions, name: string, ask: string): string {
	const chosen = ctx.getCurrentNodeParameter(name) as { value?: unknown } | undefined;
	const id = textOf(typeof chosen === 'object' ? chosen?.value : chosen);
	if (!/^\d+$/.test(id)) throw new NodeOperationError(ctx.getNode(), ask);
	return id;
}

/**
 * A list that Thinkific filters by exact email: a whole email address typed as the
 * term is one request with `query[email]` (kept when `email` of a record is that
 * address); anything else is searched on this side.
 */
function searchWithEmail(
	path: string,
	email: (record: IDataObject) => unknown,
	records: Records,
): Search {
	const search = searchOf({ path }, records);
	return async function (this: ILoadOptionsFunctions, filter, paginationToken) {
		const term = normaliseTerm(filter);
		if (!isEmailAddress(term) || paginationToken !== undefined) {
			return await search.call(this, filter, paginationToken);
		}
		const { items } = await apiRequestPage.call(this, { path, qs: { 'query[email]': term } }, 1);
		return {
			results: items.filter((item) => normaliseTerm(email(item)) === term).map(records.entry),
		};
	};
}

function fullName(record: IDataObject): string {
	return (
		textOf(record.full_name) ||
		`${String(record.first_name ?? '')} ${String(record.last_name ?? '')}`.trim()
	);
}

/** "Name (email)", or whichever of the two there is. */
function nameAndEmail(name: string, email: unknown): string {
	const address = textOf(email);
	if (!address) return name;
	return name ? `${name} (${address})` : address;
}

/** People (users, instructors) by name or email, shown as "Name (email)". */
function byPerson(more: (record: IDataObject) => unknown[] = () => []): Records {
	return {
		texts: (person) => [
			person.full_name,
			`${String(person.first_name ?? '')} ${String(person.last_name ?? '')}`,
			person.email,
			...more(person),
		],
		entry: (person) => ({
			name: nameAndEmail(fullName(person), person.email),
			value: String(person.id),
		}),
	};
}

export const searchCourses = searchOf({ path: '/courses' }, BY_NAME);

export const searchProducts = searchOf(
	{ path: '/products' },
	byName(
		(product) => [product.name, product.slug],
		(product) => (product.productable_type ? String(product.productable_type) : undefined),
	),
);

export const searchGroups = searchOf(
	{ path: '/groups' },
	byName((group) => [group.name, group.token]),
);

/**
 * Users by name or email. A whole email address is one request with Thinkific's
 * own `query[email]` filter; anything else is looked for in the users' names and
 * email addresses, page after page.
 */
export const searchUsers = searchWithEmail('/users', (user) => user.email, byPerson());

/** Enrollments by the student's name or email, or the course's name. */
export const searchEnrollments = searchWithEmail(
	'/enrollments',
	(enrollment) => enrollment.user_email,
	{
		texts: (enrollment) => [enrollment.user_name, enrollment.user_email, enrollment.course_name],
		entry: (enrollment) => ({
			name: `${String(enrollment.course_name)}: ${nameAndEmail(textOf(enrollment.user_name), enrollment.user_email)}`,
			value: String(enrollment.id),
		}),
	},
);

export const searchInstructors = searchOf(
	{ path: '/instructors' },
	byPerson((instructor) => [instructor.slug]),
);

const isBundle = (product: IDataObject) => product.productable_type === 'Bundle';

/** Bundles among the products (Thinkific has no list of bundles); others show no entry. */
const findBundles = searchOf(
	{ path: '/products' },
	{
		texts: (product) => (isBundle(product) ? [product.name, product.slug] : []),
		entry: (product) => ({
			name: String(product.name),
			value: isBundle(product) ? String(product.productable_id) : '',
		}),
	},
);

/**
 * Bundles, which Thinkific lists only among its products: products that are not
 * bundles never match and are left out. Without a term, pages are read on until
 * one holds a bundle (at most `SEARCH_MAX_PAGES_PER_LOOK` for one look).
 */
export async function searchBundles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	let token = paginationToken;
	for (let look = 1; ; look++) {
		const found = await findBundles.call(this, filter, token);
		const results = found.results.filter((result: INodeListSearchItems) => result.value !== '');
		const more = found.paginationToken;
		if (
			results.length ||
			!more ||
			normaliseTerm(filter) !== '' ||
			look >= SEARCH_MAX_PAGES_PER_LOOK
		) {
			return { results, paginationToken: more };
		}
		token = more;
	}
}

/** The chapters of the course chosen in the node: Thinkific lists chapters per course only. */
export const searchChapters = searchOf(
	(ctx) => ({
		path: `/courses/${chosenId(ctx, 'courseId', 'Choose the course first: the list shows the chapters of one course')}/chapters`,
	}),
	byName((chapter) => [chapter.name]),
);

/** Categories (the API's collections) by name or slug. */
export const searchCategories = searchOf({ path: '/collections' }, BY_NAME);

/** Orders by their number, buyer (name or email), product or coupon code. */
export const searchOrders = searchOf(
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
);

/** Promotions by name or description; each entry says its discount. */
export const searchPromotions = searchOf(
	{ path: '/promotions' },
	byName(
		(promotion) => [promotion.name, promotion.description],
		(promotion) =>
			`${String(promotion.amount)}${promotion.discount_type === 'percentage' ? '%' : ''} off`,
	),
);

/**
 * The coupon codes of the promotion chosen in the node (Thinkific lists coupons
 * per promotion only), by code or note.
 */
export const searchCoupons = searchOf(
	(ctx) => ({
		path: '/coupons',
		qs: {
			promotion_id: chosenId(
				ctx,
				'promotionId',
				'Choose the promotion first: its coupons are listed here',
			),
		},
	}),
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
);
