import type { IDataObject } from 'n8n-workflow';

import { describeErrorBody } from '../../shared/errors';
import type { ProviderApi, RequestContext } from '../../shared/transport';
import { createTransport } from '../../shared/transport';
import { SUBDOMAIN_HINT, normalizeSubdomain } from './site';

interface ListAnswer {
	items?: IDataObject[];
	meta?: {
		pagination?: { next_page?: number | null; current_page?: number; total_pages?: number };
	};
}

export const thinkificApi: ProviderApi = {
	name: 'Thinkific',
	credentials: {
		thinkificApi: {
			baseUrlField: 'apiBaseUrl',
			otherBaseUrlFields: { webhooks: 'webhooksApiBaseUrl' },
			urlFields: { apiBaseUrl: 'API Base URL', webhooksApiBaseUrl: 'Webhooks API Base URL' },
		},
		thinkificOAuth2Api: {
			baseUrlField: 'apiBaseUrl',
			otherBaseUrlFields: { webhooks: 'webhooksApiBaseUrl' },
			urlFields: {
				apiBaseUrl: 'API Base URL',
				siteUrl: 'Site URL',
				webhooksApiBaseUrl: 'Webhooks API Base URL',
			},
			optionalUrlFields: ['siteUrl'],
			oauth2: true,
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
	// Some refusals name their fields under `error`: `{"error": {"group_id": ["Could not
	// find group with ID 1."]}}` or `{"error": ["Record not found."]}` (the Groups spec).
	describeError(body) {
		const error = (body as { error?: unknown } | undefined)?.error;
		const listed = error !== null && typeof error === 'object' && !('message' in error);
		return describeErrorBody(listed ? { errors: error } : body);
	},
	// `page` from 1 and `limit` up to 250; `{items, meta: {pagination: {next_page, total_pages}}}`.
	paging: {
		maxPageSize: 250,
		query: (page, pageSize) => ({ page, limit: pageSize }),
		read(body, page, pageSize) {
			const answer = body as ListAnswer | undefined;
			const items = Array.isArray(answer?.items) ? answer.items : [];
			const pagination = answer?.meta?.pagination;
			let hasMore: boolean;
			if (pagination && pagination.next_page !== undefined) hasMore = pagination.next_page !== null;
			else if (pagination?.total_pages !== undefined) hasMore = page < pagination.total_pages;
			else hasMore = items.length === pageSize;
			return { items, hasMore };
		},
	},
};

export const { apiRequest, apiRequestAllItems, apiRequestPage } = createTransport(thinkificApi);

/** The site's custom profile field definitions (`{id, label, field_type, required}`). */
export async function listCustomProfileFields(this: RequestContext): Promise<IDataObject[]> {
	return await apiRequestAllItems.call(this, { path: '/custom_profile_field_definitions' });
}

/**
 * The users with this email address, found with Thinkific's `query[email]` filter.
 * Only exact matches (ignoring case) are kept, whether Thinkific's filter is exact
 * or not (its documentation does not say).
 */
export async function findUsersByEmail(
	this: RequestContext,
	email: string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const wanted = email.trim().toLowerCase();
	const { items } = await apiRequestPage.call(
		this,
		{ path: '/users', qs: { 'query[email]': wanted } },
		1,
		undefined,
		itemIndex,
	);
	return items.filter((user) => String(user.email ?? '').toLowerCase() === wanted);
}
