import { randomUUID } from 'node:crypto';

import { Deliveries } from './webhooks';

/**
 * thanks.io's webhooks as its API reference describes them (added March 2025,
 * "Webhooks are available on paid subscriptions only"):
 *
 * - `POST /webhooks {url, type, verb, description?, mailing_list_id?}` → 201 with the
 *   webhook; `type` one of `order_item.status_update`, `order.status_update`,
 *   `order_item.delivered`, `scans.scan_update`; `GET /webhooks` → Laravel page with
 *   `can_manage_webhooks`; `DELETE /webhooks/{id}` → 200 `{"status":"success"}`;
 *   404 `{"message":"Not Found"}`. On an account without a paid plan the list says
 *   `can_manage_webhooks: false` and the other routes answer 403 (the reference
 *   declares a 403 without a body; the message here is the sandbox's own);
 * - a delivery is a request with the registered verb (POST) and the body
 *   `{event_type, event_id (UUID), data (flat, dotted keys), timestamp, date_time}`.
 *   thanks.io documents no signature and no secret header: nothing is signed;
 * - sub-accounts: "events from a subaccount only fire that subaccount's webhooks,
 *   not the parent's"; a webhook belongs to the account context it was created in
 *   (the token's), and no documented payload names the sub-account.
 */

export const THANKSIO_WEBHOOK_TYPES = [
	'order_item.status_update',
	'order.status_update',
	'order_item.delivered',
	'scans.scan_update',
];

export interface ThanksIoWebhook {
	id: number;
	user_id: number;
	mailing_list_id: number | null;
	type: string;
	description: string | null;
	invoke_count: number;
	url: string;
	verb: string;
	created_at: string;
	updated_at: string;
	deleted_at: null;
}

export interface ThanksIoEvent {
	event_type: string;
	event_id: string;
	data: Record<string, unknown>;
	timestamp: number;
	date_time: string;
}

const RECIPIENT = {
	'recipient.name': 'Pat Jones',
	'recipient.company': null,
	'recipient.address': '1 Main Street',
	'recipient.address2': null,
	'recipient.city': 'Any Town',
	'recipient.province': 'NY',
	'recipient.postal_code': '12345',
	'recipient.country': 'US',
	'recipient.email': 'pat@example.com',
	'recipient.phone': null,
	'recipient.custom_1': null,
};

/** The flat `data` thanks.io sends with an event of `type`. */
export function sampleData(type: string, orderId = 1001): Record<string, unknown> {
	const order = {
		'order.id': orderId,
		'order.status': 'Printing',
		'order.metadata': null,
	};
	switch (type) {
		case 'order.status_update':
			return {
				'order.id': orderId,
				'order.status': 'Printing',
				'order.previous_status': 'reviewing',
				'order.current_status': 'processing',
				'order.metadata': null,
			};
		case 'scans.scan_update':
			return {
				'order_item.id': 5001,
				'order_item.scans': 1,
				'order_item.current_status': 'Delivered',
				'qrcode.url': 'https://example.com/offer',
				...RECIPIENT,
				...order,
			};
		default:
			return {
				'order_item.id': 5001,
				'order_item.scans': 0,
				'order_item.failure': null,
				'order_item.delivery_date': type === 'order_item.delivered' ? '2026-03-02' : null,
				'order_item.previous_status': 'In Local Area',
				'order_item.current_status': type === 'order_item.delivered' ? 'Delivered' : 'In Transit',
				...RECIPIENT,
				...order,
			};
	}
}

export class ThanksIoWebhooks {
	readonly webhooks = new Map<number, ThanksIoWebhook>();
	readonly deliveries = new Deliveries();
	/** Every `token` a registered URL carried (to check that none leaks). */
	readonly tokensSeen = new Set<string>();
	/** Whether the account has a paid plan (webhooks available). */
	paidPlan = true;
	/** After this many more webhooks are created, creating one fails with a 500 (undefined: never). */
	failCreatesAfter?: number;
	/** Refuses new webhooks with a 422 that repeats the URL given (as a proxy or a check of it may). */
	refuseUrls = false;
	private nextId = 1;
	private readonly lastEvents = new Map<string, ThanksIoEvent>();
	/** The account context each webhook was created in (null: the main account). */
	private readonly accounts = new Map<number, number | null>();

	reset(): void {
		this.webhooks.clear();
		this.accounts.clear();
		this.deliveries.clear();
		this.lastEvents.clear();
		this.paidPlan = true;
		this.failCreatesAfter = undefined;
		this.refuseUrls = false;
		this.nextId = 1;
	}

	/** Whether the next create fails (see `failCreatesAfter`). */
	createFails(): boolean {
		if (this.failCreatesAfter === undefined) return false;
		if (this.failCreatesAfter <= 0) return true;
		this.failCreatesAfter--;
		return false;
	}

	/** The account context a webhook was created in (null: the main account). */
	accountOf(webhook: ThanksIoWebhook): number | null {
		return this.accounts.get(webhook.id) ?? null;
	}

	/** The webhooks of one account context, as that account lists them. */
	of(account: number | null): ThanksIoWebhook[] {
		return [...this.webhooks.values()].filter((w) => this.accountOf(w) === account);
	}

	add(body: Record<string, unknown>, account: number | null = null): ThanksIoWebhook {
		const now = new Date().toISOString();
		const url = String(body.url);
		const token = new URL(url).searchParams.get('token');
		if (token) this.tokensSeen.add(token);
		const webhook: ThanksIoWebhook = {
			id: this.nextId++,
			user_id: 2,
			mailing_list_id:
				body.mailing_list_id === undefined || body.mailing_list_id === null
					? null
					: Number(body.mailing_list_id),
			type: String(body.type),
			description: (body.description as string | undefined) ?? null,
			invoke_count: 0,
			url,
			verb: String(body.verb),
			created_at: now,
			updated_at: now,
			deleted_at: null,
		};
		this.webhooks.set(webhook.id, webhook);
		this.accounts.set(webhook.id, account);
		return webhook;
	}

	/** Field errors of a create request, Laravel style. */
	invalid(body: Record<string, unknown>): Record<string, string[]> {
		const errors: Record<string, string[]> = {};
		try {
			const url = new URL(String(body.url ?? ''));
			if (!['http:', 'https:'].includes(url.protocol)) throw new Error('scheme');
		} catch {
			errors.url = ['The url must be a valid URL.'];
		}
		if (!THANKSIO_WEBHOOK_TYPES.includes(String(body.type))) {
			errors.type = ['The selected type is invalid.'];
		}
		if (typeof body.verb !== 'string' || body.verb === '') {
			errors.verb = ['The verb field is required.'];
		}
		if (this.refuseUrls && !errors.url) {
			errors.url = [`The url ${String(body.url)} did not answer.`];
		}
		return errors;
	}

	event(type: string, data: Record<string, unknown> = {}): ThanksIoEvent {
		const now = new Date();
		return {
			event_type: type,
			event_id: randomUUID(),
			data: { ...sampleData(type), ...data },
			timestamp: Math.floor(now.getTime() / 1000),
			date_time: now.toISOString().slice(0, 19).replace('T', ' '),
		};
	}

	/**
	 * Sends an event of `type` to every webhook registered for it (of the list
	 * `mailingListId` or of every list), or only to those whose URL starts with `to`.
	 * `withoutToken` removes the URL's `token` (a call from someone who only knows
	 * the address); `repeat` sends the last genuine event of that type again. The event
	 * is of the main account, or of `subAccount`: it fires only the webhooks created
	 * in that account's context.
	 */
	async fire(
		type: string,
		options: {
			data?: Record<string, unknown>;
			mailingListId?: number;
			to?: string;
			withoutToken?: boolean;
			repeat?: boolean;
			subAccount?: number;
		} = {},
	) {
		const event =
			options.repeat && this.lastEvents.has(type)
				? this.lastEvents.get(type)!
				: this.event(type, options.data);
		if (!options.withoutToken) this.lastEvents.set(type, event);
		const targets = [...this.webhooks.values()].filter(
			(w) =>
				w.type === type &&
				this.accountOf(w) === (options.subAccount ?? null) &&
				(options.to === undefined || w.url.startsWith(options.to)) &&
				(w.mailing_list_id === null || w.mailing_list_id === options.mailingListId),
		);
		const results = [];
		for (const webhook of targets) {
			const url = new URL(webhook.url);
			if (options.withoutToken) url.searchParams.delete('token');
			webhook.invoke_count++;
			results.push(await this.deliveries.post(type, url.toString(), JSON.stringify(event), {}));
		}
		return results;
	}
}
