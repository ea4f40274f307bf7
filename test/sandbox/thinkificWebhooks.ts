import { createHmac } from 'node:crypto';

import type { SandboxRequest, SandboxResponse } from './server';
import { json } from './server';
import { Deliveries } from './webhooks';

/**
 * Thinkific's Webhooks API v2 as its OpenAPI file (version 2.0.1) describes it, and
 * its deliveries as its "Webhooks Documentation" and third-party receivers show them:
 *
 * - `GET /webhooks` (`limit`, default 25; the page after is asked for with
 *   `next` = `meta.page.next_page` while `meta.page.has_next`), `POST /webhooks
 *   {topic, target_url}` → 201, `GET|PUT /webhooks/{id}`, `DELETE /webhooks/{id}`
 *   → 204, unknown IDs → 404 `{"error":"Record not found."}`, a bad topic or URL →
 *   422 `{"errors":{"topic":"invalid format"}}` / `{"errors":{"url":"is not valid"}}`;
 * - an OAuth2 bearer token, or the site's API key as a bearer token
 *   (`Authorization: Bearer <api key>`, as Thinkific's Webhooks API page shows it
 *   and as Pipedream and Make register webhooks; `apiKeyAccepted = false` plays a
 *   site that refuses it with 401); the `X-Auth-API-Key` headers get 401; an app
 *   without the webhooks permission gets 403 with Thinkific's scope message;
 * - webhook and event IDs are 23-digit strings;
 * - a delivery is a POST of `{id, resource, action, tenant_id, created_at, payload}`
 *   with `X-Thinkific-Hmac-Sha256`: the hex HMAC-SHA256 of the body, keyed with the
 *   app's client secret (webhooks an app registered) or the site's API key
 *   (webhooks registered with it, and those added in the admin); and
 *   `X-Thinkific-Topic`, seen in third-party receivers only. Webhooks added in the
 *   admin may come unsigned ("only webhooks created through the API are documented
 *   as verifiable"): `addAdminWebhook(…, { signed: false })`.
 */

export const THINKIFIC_TOPICS = [
	'app.uninstalled',
	'course.created',
	'course.deleted',
	'course.updated',
	'enrollment.completed',
	'enrollment.created',
	'enrollment.progress',
	'enrollment.trial',
	'lead.created',
	'lesson.completed',
	'order.created',
	'order_transaction.failed',
	'order_transaction.refunded',
	'order_transaction.succeeded',
	'plan.updated',
	'product.created',
	'product.deleted',
	'product.updated',
	'quiz.attempted',
	'subscription.cancelled',
	'subscription.past_due',
	'subscription.unpaid',
	'user.signin',
	'user.signup',
	'user.updated',
];

const SCOPE_REFUSAL =
	'App does not have permission to perform this action. Please check the access token permissions';

export interface ThinkificWebhook {
	id: string;
	topic: string;
	target_url: string;
	status: string;
	created_at: string;
	created_by: string;
	updated_at: string;
	updated_by: string;
	/** Which host (sandbox mount) it was registered on. */
	host: string;
	/** Registered through the API by an OAuth app or with the API key, or added by the site admin. */
	by: WebhookMaker;
	/** Whether its deliveries are signed (admin-UI webhooks may not be). */
	signed: boolean;
}

export type WebhookMaker = 'app' | 'apiKey' | 'admin';

export type ThinkificEvent = {
	id: string;
	resource: string;
	action: string;
	tenant_id: string;
	created_at: string;
	payload: Record<string, unknown>;
};

const USER = { email: 'ninjas@example.com', first_name: 'Robert', id: 123456, last_name: 'Smith' };
const COURSE = { id: 101, name: 'Intro to Pottery' };

/** A payload of the shape Thinkific's examples show for `topic`. */
export function samplePayload(topic: string): Record<string, unknown> {
	const now = new Date().toISOString();
	const [resource] = topic.split('.');
	switch (resource) {
		case 'enrollment':
			return {
				activated_at: now,
				completed_at: topic === 'enrollment.completed' ? now : null,
				course: COURSE,
				course_id: COURSE.id,
				created_at: now,
				expiry_date: null,
				free_trial: topic === 'enrollment.trial',
				id: 97472,
				percentage_completed: topic === 'enrollment.completed' ? '100.0' : '24.0',
				started_at: now,
				updated_at: now,
				user: USER,
			};
		case 'lesson':
			return {
				chapter: { id: 123, name: 'Chapter 1' },
				course: COURSE,
				enrollment: { id: 97472 },
				lesson: { id: 24220, name: 'Getting started', position: 0, type: 'Video' },
				user: USER,
			};
		case 'order':
			return {
				affiliate_referral_code: null,
				amount_cents: 5000,
				amount_dollars: 50,
				billing_name: 'Robert Smith',
				coupon: null,
				created_at: now,
				id: 19796,
				order_number: 1010,
				payment_type: 'one-time',
				product_id: 201,
				product_name: 'Intro to Pottery',
				status: 'Complete',
				items: [{ product_id: 201, product_name: 'Intro to Pottery', amount_cents: 5000 }],
				user: USER,
			};
		case 'order_transaction':
			return { id: 5511, order_id: 19796, amount_cents: 5000, currency: 'USD', user: USER };
		case 'subscription':
			return { id: 881, order_id: 19796, status: topic.split('.')[1], user: USER };
		case 'user':
			return {
				administered_course_ids: null,
				affiliate_code: null,
				bio: null,
				company: null,
				created_at: now,
				custom_profile_fields: [],
				email: USER.email,
				external_source: null,
				first_name: USER.first_name,
				headline: null,
				id: USER.id,
				last_name: USER.last_name,
				roles: [],
			};
		case 'course':
			return { ...COURSE, slug: 'intro-to-pottery', product_id: 201 };
		case 'product':
			return { id: 201, name: 'Intro to Pottery', price: '49.0', productable_type: 'Course' };
		case 'quiz':
			return {
				attempts: 1,
				correct_count: 4,
				grade: 80,
				incorrect_count: 1,
				result_id: 3301,
				quiz: { id: 77, name: 'Glazes quiz' },
				user: USER,
			};
		case 'lead':
			return { email: 'lead@example.com', first_name: 'Lee', last_name: 'Lead' };
		default:
			return { id: 1 };
	}
}

export class ThinkificWebhooks {
	readonly webhooks = new Map<string, ThinkificWebhook>();
	readonly deliveries = new Deliveries();
	/** Every URL secret (`token`) a webhook's address carried (to check that none leaks). */
	readonly tokensSeen = new Set<string>();
	/** Whether the app's token may manage webhooks (false: 403 with Thinkific's scope message). */
	permitted = true;
	/** Whether the site's API key is accepted as a bearer token (false: 401). */
	apiKeyAccepted = true;
	/** After this many more webhooks are created, creating one fails with a 500 (undefined: never). */
	failCreatesAfter?: number;
	private counter = 0;

	constructor(
		private readonly keys: { clientSecret: string; apiKey: string },
		private readonly tenantId: string,
	) {}

	reset(): void {
		this.webhooks.clear();
		this.deliveries.clear();
		this.permitted = true;
		this.apiKeyAccepted = true;
		this.failCreatesAfter = undefined;
	}

	/** A new 23-digit ID, as Thinkific's webhook and event IDs are. */
	newId(): string {
		this.counter = (this.counter + 1) % 1e10;
		return `${Date.now()}${String(this.counter).padStart(10, '0')}`;
	}

	/** The site admin adds a webhook in Settings → Code & analytics → Webhooks. */
	addAdminWebhook(
		topic: string,
		url: string,
		options: { signed?: boolean } = {},
	): ThinkificWebhook {
		return this.add(topic, url, 'admin', 'admin', options.signed ?? true);
	}

	private add(
		topic: string,
		url: string,
		host: string,
		by: WebhookMaker,
		signed = true,
	): ThinkificWebhook {
		const now = new Date().toISOString();
		const token = URL.canParse(url) ? new URL(url).searchParams.get('token') : null;
		if (token) this.tokensSeen.add(token);
		const webhook: ThinkificWebhook = {
			id: this.newId(),
			topic,
			target_url: url,
			status: 'active',
			created_at: now,
			created_by: '156118',
			updated_at: now,
			updated_by: '156118',
			host,
			by,
			signed,
		};
		this.webhooks.set(webhook.id, webhook);
		return webhook;
	}

	/** Public view of a webhook, as the API answers (without the sandbox's own notes). */
	private view(webhook: ThinkificWebhook) {
		const view: Record<string, unknown> = { ...webhook };
		delete view.host;
		delete view.by;
		delete view.signed;
		return view;
	}

	/**
	 * `/api/v2/...` on either Webhooks API host; `authorized` says what came: a valid
	 * OAuth2 bearer token, the API key as a bearer token, or neither.
	 */
	handle(req: SandboxRequest, authorized: 'token' | 'apiKey' | 'none'): SandboxResponse {
		if (!req.path.startsWith('/api/v2/')) return json(404, { error: 'Not found' });
		if (authorized === 'none' || (authorized === 'apiKey' && !this.apiKeyAccepted)) {
			return json(401, { error: 'Authentication Error' });
		}
		if (!this.permitted) return json(403, { error: SCOPE_REFUSAL });
		const path = req.path.slice('/api/v2'.length);
		if (path === '/webhooks' && req.method === 'GET') return this.list(req);
		if (path === '/webhooks' && req.method === 'POST') {
			return this.create(req, authorized === 'apiKey' ? 'apiKey' : 'app');
		}
		const match = /^\/webhooks\/([^/]+)$/.exec(path);
		if (match) {
			const webhook = this.webhooks.get(decodeURIComponent(match[1]));
			if (!webhook) return json(404, { error: 'Record not found.' });
			if (req.method === 'GET') return json(200, this.view(webhook));
			if (req.method === 'DELETE') {
				this.webhooks.delete(webhook.id);
				return { status: 204 };
			}
			if (req.method === 'PUT') {
				const problem = this.invalid(req.body ?? {});
				if (problem) return problem;
				Object.assign(webhook, {
					topic: req.body!.topic,
					target_url: req.body!.target_url,
					updated_at: new Date().toISOString(),
				});
				return json(200, this.view(webhook));
			}
		}
		return json(404, { error: 'Not found' });
	}

	private list(req: SandboxRequest): SandboxResponse {
		const limit = Number(req.query.get('limit') ?? '25');
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
			return json(422, { errors: { limit: 'is invalid' } });
		}
		const all = [...this.webhooks.values()].sort((a, b) => a.id.localeCompare(b.id));
		const next = req.query.get('next');
		const start = next ? all.findIndex((w) => w.id === next) : 0;
		const items = start < 0 ? [] : all.slice(start, start + limit);
		const following = start < 0 ? undefined : all[start + limit];
		return json(200, {
			items: items.map((w) => this.view(w)),
			meta: {
				page: {
					has_next: following !== undefined,
					next_page: following?.id ?? '',
					page_items: items.length,
					total_items: all.length,
				},
			},
		});
	}

	private invalid(body: Record<string, unknown>): SandboxResponse | undefined {
		if (typeof body.topic !== 'string' || !THINKIFIC_TOPICS.includes(body.topic)) {
			return json(422, { errors: { topic: 'invalid format' } });
		}
		// Thinkific calls https addresses only; the sandbox also calls loopback http.
		const url = String(body.target_url ?? '');
		if (
			!/^https:\/\/[^\s/]+/.test(url) &&
			!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)
		) {
			return json(422, { errors: { url: 'is not valid' } });
		}
		return undefined;
	}

	private create(req: SandboxRequest, by: WebhookMaker): SandboxResponse {
		const body = req.body ?? {};
		const problem = this.invalid(body);
		if (problem) return problem;
		if (this.failCreatesAfter !== undefined) {
			if (this.failCreatesAfter <= 0) return json(500, { error: 'Internal Server Error' });
			this.failCreatesAfter--;
		}
		const webhook = this.add(String(body.topic), String(body.target_url), req.mount, by);
		return json(201, this.view(webhook));
	}

	/** A new event of `topic`, with Thinkific's envelope. */
	event(topic: string, payload: Record<string, unknown> = {}): ThinkificEvent {
		const [resource, action] = topic.split('.');
		return {
			id: this.newId(),
			resource,
			action,
			tenant_id: this.tenantId,
			created_at: new Date().toISOString(),
			payload: { ...samplePayload(topic), ...payload },
		};
	}

	/** The signature Thinkific sends: hex HMAC-SHA256 of the body. */
	sign(body: string, key: string): string {
		return createHmac('sha256', key).update(body).digest('hex');
	}

	/**
	 * Delivers `event` to every webhook registered for its topic (or only those for
	 * `url`), signed as Thinkific signs it: with the app's client secret for webhooks
	 * an app registered, the API key for those the admin added. `signWith` signs
	 * with another key (a forgery), `signature: null` leaves the signature out,
	 * `body` sends other bytes than `JSON.stringify(event)` (the same event, spaced).
	 */
	async deliver(event: ThinkificEvent, options: DeliveryOptions & { url?: string } = {}) {
		const topic = `${event.resource}.${event.action}`;
		const targets = [...this.webhooks.values()].filter(
			(w) => w.topic === topic && (options.url === undefined || w.target_url === options.url),
		);
		const results = [];
		for (const webhook of targets) {
			const unsigned = webhook.signed ? {} : { signature: null };
			results.push(
				await this.deliverTo(webhook.target_url, event, webhook.by, { ...options, ...unsigned }),
			);
		}
		return results;
	}

	/** Delivers `event` to `url`, signed with the key of a webhook made `by` an app, the API key or the admin. */
	async deliverTo(
		url: string,
		event: ThinkificEvent,
		by: WebhookMaker,
		options: DeliveryOptions = {},
	) {
		const topic = `${event.resource}.${event.action}`;
		const body = options.body ?? JSON.stringify(event);
		const key = by === 'app' ? this.keys.clientSecret : this.keys.apiKey;
		const signature =
			options.signature === null
				? undefined
				: (options.signature ?? this.sign(body, options.signWith ?? key));
		const headers: Record<string, string> = { 'x-thinkific-topic': topic };
		if (signature !== undefined) headers['x-thinkific-hmac-sha256'] = signature;
		return await this.deliveries.post(topic, url, body, headers);
	}
}

export interface DeliveryOptions {
	signWith?: string;
	signature?: string | null;
	body?: string;
}
