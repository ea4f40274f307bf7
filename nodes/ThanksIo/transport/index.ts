import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { Page } from '../../shared/pagination';
import { collectPages } from '../../shared/pagination';
import type { ProviderApi, RequestContext } from '../../shared/transport';
import { apiRequest } from '../../shared/transport';

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
	// thanks.io answers an expired or revoked token with 403: n8n refreshes on 401 and 403.
	// A 403 is a refusal before processing, so repeating the request once is safe, sends included.
	oauth2: { tokenType: 'Bearer', tokenExpiredStatusCode: [401, 403] },
};

export async function thanksIoRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject | IDataObject[] } = {},
	itemIndex?: number,
): Promise<IDataObject> {
	const answer = await apiRequest.call(this, thanksIoApi, { method, path, ...options }, itemIndex);
	return (answer ?? {}) as IDataObject;
}

/** Largest page sizes the API accepts: `items_per_page` up to 100, recipient `limit` up to 10,000. */
export const MAX_ITEMS_PER_PAGE = 100;
export const MAX_RECIPIENTS_PER_PAGE = 10_000;

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
export function readPage(body: LaravelPage | IDataObject[] | undefined): Page<IDataObject> {
	if (Array.isArray(body)) return { items: body, hasMore: false };
	const items = Array.isArray(body?.data) ? body.data : [];
	const next = body?.links?.next ?? body?.next_page_url;
	const current = Number(body?.meta?.current_page ?? body?.current_page);
	const last = Number(body?.meta?.last_page ?? body?.last_page);
	const hasMore =
		(typeof next === 'string' && next !== '') ||
		(Number.isFinite(current) && Number.isFinite(last) && current < last);
	return { items, hasMore };
}

/** Every item of a paged list (or up to `limit`), at the largest page size allowed. */
export async function listAll(
	this: RequestContext,
	path: string,
	options: { qs?: IDataObject; limit?: number; sizeParameter?: string; maxPageSize?: number } = {},
	itemIndex?: number,
): Promise<IDataObject[]> {
	const sizeParameter = options.sizeParameter ?? 'items_per_page';
	const maxPageSize = options.maxPageSize ?? MAX_ITEMS_PER_PAGE;
	return await collectPages({ maxPageSize, limit: options.limit }, async (page, pageSize) =>
		readPage(
			(await thanksIoRequest.call(
				this,
				'GET',
				path,
				{ qs: { ...options.qs, [sizeParameter]: pageSize, page } },
				itemIndex,
			)) as LaravelPage,
		),
	);
}

export interface HandwritingStyle extends IDataObject {
	handwriting_style_id: number;
	name: string;
	type?: string;
}

export async function listHandwritingStyles(this: RequestContext): Promise<HandwritingStyle[]> {
	const answer = (await thanksIoRequest.call(this, 'GET', '/handwriting-styles')) as
		| { data?: HandwritingStyle[] }
		| HandwritingStyle[]
		| undefined;
	return Array.isArray(answer) ? answer : (answer?.data ?? []);
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
 * The gift card brands, flattened. `/giftcard-brands` answers with groups
 * (`{main: {title, brands: […]}, food: …}`); an array of groups or a flat
 * `{brands: […]}` list is read as well.
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

export async function listGiftCardBrands(this: RequestContext): Promise<GiftCardBrand[]> {
	return flattenBrands(await thanksIoRequest.call(this, 'GET', '/giftcard-brands'));
}

export async function listSubAccounts(this: RequestContext): Promise<IDataObject[]> {
	return await listAll.call(this, '/sub-accounts');
}

export async function listMailingLists(this: RequestContext): Promise<IDataObject[]> {
	return await listAll.call(this, '/mailing-lists/');
}

/** The template types thanks.io uses, per mailer. */
export type MailerType = 'postcard' | 'letter' | 'windowlessletter' | 'notecard' | 'giftcard';

export async function listMessageTemplates(
	this: RequestContext,
	type?: MailerType,
): Promise<IDataObject[]> {
	const templates = await listAll.call(this, '/message-templates/', {
		qs: type ? { type } : {},
	});
	return templates.filter((t) => !type || !t.type || t.type === type);
}

export async function listImageTemplates(
	this: RequestContext,
	type?: MailerType,
): Promise<IDataObject[]> {
	const templates = await listAll.call(this, '/image-templates', { qs: type ? { type } : {} });
	return templates.filter((t) => !type || !t.type || t.type === type);
}
