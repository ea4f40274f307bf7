import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { Page } from '../../shared/pagination';
import { collectPages } from '../../shared/pagination';
import type { ProviderApi, RequestContext } from '../../shared/transport';
import { apiRequest } from '../../shared/transport';
import { SUBDOMAIN_HINT, normalizeSubdomain } from './site';

/** Thinkific answers at most 250 items per page. */
export const MAX_PAGE_SIZE = 250;

export const thinkificApi: ProviderApi = {
	name: 'Thinkific',
	credentials: {
		thinkificApi: {
			baseUrlField: 'apiBaseUrl',
			urlFields: { apiBaseUrl: 'API Base URL' },
		},
		thinkificOAuth2Api: {
			baseUrlField: 'apiBaseUrl',
			urlFields: { apiBaseUrl: 'API Base URL', siteUrl: 'Site URL' },
			optionalUrlFields: ['siteUrl'],
		},
	},
	authenticationParameter: 'authentication',
	secretFields: ['apiKey', 'clientSecret'],
	oauth2: { tokenType: 'Bearer' },
	checkCredentials(credentials) {
		if (normalizeSubdomain(credentials.subdomain)) return undefined;
		const given = String(credentials.subdomain ?? '').slice(0, 80);
		return `The credential's "Subdomain" (${JSON.stringify(given)}) is not a Thinkific site subdomain. ${SUBDOMAIN_HINT}.`;
	},
};

/** One request to the Thinkific Admin API with the node's credential. */
export async function thinkificRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject } = {},
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	return (await apiRequest.call(this, thinkificApi, { method, path, ...options }, itemIndex)) as
		| IDataObject
		| undefined;
}

interface ListAnswer {
	items?: IDataObject[];
	meta?: {
		pagination?: { next_page?: number | null; current_page?: number; total_pages?: number };
	};
}

/** One page of a list, read from `items` and `meta.pagination`. */
export async function getPage(
	this: RequestContext,
	path: string,
	qs: IDataObject,
	page: number,
	pageSize: number,
	itemIndex?: number,
): Promise<Page<IDataObject> & { nextPage?: number }> {
	const answer = (await thinkificRequest.call(
		this,
		'GET',
		path,
		{ qs: { ...qs, page, limit: pageSize } },
		itemIndex,
	)) as unknown as ListAnswer | undefined;
	const items = Array.isArray(answer?.items) ? answer.items : [];
	const pagination = answer?.meta?.pagination;
	let hasMore: boolean;
	if (pagination && pagination.next_page !== undefined) hasMore = pagination.next_page !== null;
	else if (pagination?.total_pages !== undefined) hasMore = page < pagination.total_pages;
	else hasMore = items.length === pageSize;
	return { items, hasMore, nextPage: hasMore ? page + 1 : undefined };
}

/** Every item of a list (or the first `limit`), at the largest page size. */
export async function getAllItems(
	this: RequestContext,
	path: string,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectPages(
		{ maxPageSize: MAX_PAGE_SIZE, limit },
		async (page, pageSize) => await getPage.call(this, path, qs, page, pageSize, itemIndex),
	);
}

/** The site's custom profile field definitions (`{id, label, field_type, required}`). */
export async function listCustomProfileFields(this: RequestContext): Promise<IDataObject[]> {
	return await getAllItems.call(this, '/custom_profile_field_definitions', {}, undefined);
}
