import type { IDataObject } from 'n8n-workflow';

import type { Page } from '../../shared/pagination';
import type { Paging, ProviderApi, RequestContext } from '../../shared/transport';
import { createTransport } from '../../shared/transport';

interface LaravelPage {
	data?: IDataObject[];
	links?: { next?: string | null };
	meta?: { current_page?: number | string; last_page?: number | string };
	next_page_url?: string | null;
	current_page?: number | string;
	last_page?: number | string;
}

/**
 * Reads one page of a Laravel paginator, in either of the two shapes thanks.io
 * uses: `{data, links: {next}, meta: {current_page, last_page}}` or the flat
 * `{data, next_page_url, current_page, last_page}`.
 */
export function readPage(body: unknown): Page<IDataObject> {
	if (Array.isArray(body)) return { items: body as IDataObject[], hasMore: false };
	const page = body as LaravelPage | undefined;
	const items = Array.isArray(page?.data) ? page.data : [];
	const next = page?.links?.next ?? page?.next_page_url;
	const current = Number(page?.meta?.current_page ?? page?.current_page);
	const last = Number(page?.meta?.last_page ?? page?.last_page);
	const hasMore =
		(typeof next === 'string' && next !== '') ||
		(Number.isFinite(current) && Number.isFinite(last) && current < last);
	return { items, hasMore };
}

export const thanksIoApi: ProviderApi = {
	name: 'thanks.io',
	credentials: {
		thanksIoOAuth2Api: {
			baseUrlField: 'apiBaseUrl',
			urlFields: { tokenUrl: 'Token URL', apiBaseUrl: 'API Base URL' },
			oauth2: true,
		},
		thanksIoApi: {
			baseUrlField: 'apiBaseUrl',
			urlFields: { apiBaseUrl: 'API Base URL' },
		},
	},
	authenticationParameter: 'authentication',
	secretFields: ['clientSecret', 'accessToken'],
	// thanks.io answers an expired or revoked token with 403, and n8n 2.x renews on 401 and
	// 403. With skipRefreshWhileTokenIsFresh (n8n-core 2.41 on; older versions ignore it), n8n
	// takes a 403 for what it says (no permission) while the stored token has not reached its
	// expiry time; the transport then renews the token once at most, if n8n did not.
	oauth2: {
		tokenType: 'Bearer',
		tokenExpiredStatusCode: [401, 403],
		skipRefreshWhileTokenIsFresh: true,
	},
	// Lists take `items_per_page` (the spec gives no maximum; 100 is the largest seen) and `page`.
	paging: {
		maxPageSize: 100,
		query: (page, pageSize) => ({ items_per_page: pageSize, page }),
		read: (body) => readPage(body),
	},
};

/** A mailing list's recipients come `limit` (up to 10,000) at a time. */
export const RECIPIENT_PAGING: Partial<Paging> = {
	maxPageSize: 10_000,
	query: (page, pageSize) => ({ limit: pageSize, page }),
};

export const { apiRequest, apiRequestAllItems, apiRequestPage } = createTransport(thanksIoApi);

export interface HandwritingStyle extends IDataObject {
	handwriting_style_id: number;
	name: string;
	type?: string;
}

export async function listHandwritingStyles(this: RequestContext): Promise<HandwritingStyle[]> {
	const answer = (await apiRequest.call(this, { method: 'GET', path: '/handwriting-styles' })) as
		| { data?: HandwritingStyle[] }
		| HandwritingStyle[];
	return Array.isArray(answer) ? answer : (answer.data ?? []);
}

export interface GiftCardBrand extends IDataObject {
	brand_code: string;
	title: string;
	available_amounts: number[];
	group?: string;
}

function isBrand(value: unknown): value is GiftCardBrand {
	return (
		!!value && typeof value === 'object' && typeof (value as IDataObject).brand_code === 'string'
	);
}

/**
 * The gift card brands, flattened. `/giftcard-brands-list` answers with one flat
 * `{brands: [{brand_code, title, available_amounts, group}]}` list; the grouped
 * shape of `/giftcard-brands` (`{main: {title, brands: […]}, food: …}`) and an
 * array of groups are read as well.
 */
export function flattenBrands(answer: unknown): GiftCardBrand[] {
	const brands: GiftCardBrand[] = [];
	const visit = (value: unknown, group?: string) => {
		if (Array.isArray(value)) {
			for (const entry of value) visit(entry, group);
		} else if (isBrand(value)) {
			brands.push({
				...value,
				available_amounts: Array.isArray(value.available_amounts)
					? value.available_amounts.map(Number)
					: [],
				group: value.group ?? group,
			});
		} else if (value && typeof value === 'object') {
			const object = value as IDataObject;
			if (Array.isArray(object.brands)) visit(object.brands, (object.title as string) ?? group);
			else for (const entry of Object.values(object)) visit(entry, group);
		}
	};
	visit(answer);
	return brands;
}

/** Brands and the amounts each offers, from the flat list the vendor's own n8n node reads. */
export async function listGiftCardBrands(this: RequestContext): Promise<GiftCardBrand[]> {
	return flattenBrands(
		await apiRequest.call(this, { method: 'GET', path: '/giftcard-brands-list' }),
	);
}

export async function listSubAccounts(this: RequestContext): Promise<IDataObject[]> {
	return await apiRequestAllItems.call(this, { path: '/sub-accounts' });
}

export async function listMailingLists(this: RequestContext): Promise<IDataObject[]> {
	return await apiRequestAllItems.call(this, { path: '/mailing-lists/' });
}

/** The template types thanks.io uses, per mailer. */
export type MailerType =
	| 'postcard'
	| 'letter'
	| 'windowlessletter'
	| 'notecard'
	| 'giftcard'
	| 'magnacard';

/** The templates of the given types (one list per type), or of every type when none is given. */
async function listTemplates(
	ctx: RequestContext,
	path: string,
	types: string[],
): Promise<IDataObject[]> {
	if (types.length === 0) return await apiRequestAllItems.call(ctx, { path });
	const found: IDataObject[] = [];
	for (const type of types) {
		const templates = await apiRequestAllItems.call(ctx, { path, qs: { type } });
		found.push(...templates.filter((t) => !t.type || t.type === type));
	}
	return found;
}

export async function listMessageTemplates(
	this: RequestContext,
	types: string[] = [],
): Promise<IDataObject[]> {
	return await listTemplates(this, '/message-templates/', types);
}

export async function listImageTemplates(
	this: RequestContext,
	types: string[] = [],
): Promise<IDataObject[]> {
	return await listTemplates(this, '/image-templates', types);
}
