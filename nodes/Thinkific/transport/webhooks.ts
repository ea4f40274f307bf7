import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { apiError } from '../../shared/errors';
import type { Page } from '../../shared/pagination';
import type { Registration } from '../../shared/registrations';
import { registrationError, statusOf } from '../../shared/registrations';
import type { Paging } from '../../shared/transport';
import { apiRequest, apiRequestAllItems } from './index';
import { WEBHOOKS_API_ALTERNATIVE, WEBHOOKS_API_DEFAULT } from './site';

/**
 * Thinkific's Webhooks API v2 (an OAuth2 token, or the API key as a bearer token),
 * on the credential's Webhooks API Base URL: `GET /webhooks` (cursor paging:
 * `limit`, then `next` = the previous
 * page's `meta.page.next_page` while `meta.page.has_next`), `POST /webhooks
 * {topic, target_url}` → 201 `{id, topic, target_url, status, …}`, and
 * `DELETE /webhooks/{id}` → 204. Webhook IDs are 23-digit strings, kept as text.
 */

interface WebhookList {
	items?: IDataObject[];
	meta?: {
		page?: { has_next?: boolean; next_page?: string | number | null };
		pagination?: { next_page?: number | null };
	};
}

/** The list's cursor paging: the page after `n` is asked for with page `n`'s cursor. */
function webhookPaging(): Partial<Paging> {
	const cursors = new Map<number, string>();
	return {
		// The spec's default page size; it documents no maximum.
		maxPageSize: 25,
		query(page, pageSize) {
			if (page === 1) return { limit: pageSize };
			const cursor = cursors.get(page);
			// A copy answering with the Admin API's numbered pages is read by page number.
			return cursor === undefined ? { limit: pageSize, page } : { limit: pageSize, next: cursor };
		},
		read(body, page): Page<IDataObject> {
			const answer = body as WebhookList | undefined;
			const items = Array.isArray(answer?.items) ? answer.items : [];
			const cursor = answer?.meta?.page;
			if (cursor) {
				const next =
					cursor.next_page === null || cursor.next_page === undefined
						? ''
						: String(cursor.next_page);
				const hasMore = cursor.has_next === true && next !== '';
				if (hasMore) cursors.set(page + 1, next);
				return { items, hasMore };
			}
			const numbered = answer?.meta?.pagination;
			return { items, hasMore: numbered?.next_page !== undefined && numbered.next_page !== null };
		},
	};
}

const ADVICE: Record<number, string> = {
	401: 'The credential is not connected, or Thinkific refused its token. Reconnect the Thinkific OAuth2 credential.',
	403: 'The Thinkific app may not manage webhooks: give the app the webhooks permission in your Thinkific partner account, reinstall it on the site (reconnect the credential), and activate the workflow again. Thinkific plans without API access also answer 403.',
	404: `The Webhooks API was not found at the credential's "Webhooks API Base URL". Thinkific documents ${WEBHOOKS_API_DEFAULT}; some accounts use ${WEBHOOKS_API_ALTERNATIVE}.`,
	422: "Thinkific refused the webhook's address or event. Thinkific only calls https addresses that it can reach: set n8n's WEBHOOK_URL to n8n's public https address.",
};

function explained(hook: IHookFunctions, error: unknown, action: string): Error {
	return registrationError(hook.getNode(), error, action, { ...ADVICE, 0: ADVICE[404] });
}

/** Every webhook of the site. */
export async function listWebhooks(this: IHookFunctions): Promise<Registration[]> {
	let items: IDataObject[];
	try {
		items = await apiRequestAllItems.call(this, {
			path: '/webhooks',
			base: 'webhooks',
			paging: webhookPaging(),
		});
	} catch (error) {
		throw explained(this, error, "list the site's Thinkific webhooks");
	}
	return items.map((item) => ({
		id: String(item.id),
		topic: String(item.topic ?? ''),
		url: String(item.target_url ?? ''),
	}));
}

/** Registers `topic` for `targetUrl`; returns the new webhook's ID. */
export async function createWebhook(
	this: IHookFunctions,
	topic: string,
	targetUrl: string,
): Promise<string> {
	let answer: IDataObject;
	try {
		answer = await apiRequest.call(this, {
			method: 'POST',
			path: '/webhooks',
			base: 'webhooks',
			body: { topic, target_url: targetUrl },
		});
	} catch (error) {
		throw explained(this, error, `register the Thinkific webhook for ${topic}`);
	}
	if (answer.id === undefined || answer.id === null || String(answer.id) === '') {
		throw apiError(
			this.getNode(),
			undefined,
			`Thinkific accepted the webhook for ${topic} but sent no ID for it. Remove it in your Thinkific admin (Settings → Code & analytics → Webhooks), then publish the workflow again.`,
			'Remove the webhook in your Thinkific admin (Settings → Code & analytics → Webhooks), then publish the workflow again.',
			undefined,
			[],
		);
	}
	return String(answer.id);
}

/** Removes a webhook; one that no longer exists (404) counts as removed. */
export async function deleteWebhook(this: IHookFunctions, id: string): Promise<void> {
	try {
		await apiRequest.call(this, {
			method: 'DELETE',
			path: `/webhooks/${encodeURIComponent(id)}`,
			base: 'webhooks',
		});
	} catch (error) {
		if (statusOf(error) === 404) return;
		throw explained(this, error, `remove the Thinkific webhook ${id}`);
	}
}
