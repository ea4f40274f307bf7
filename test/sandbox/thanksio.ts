import { TokenAuthority } from './oauth';
import type { Provider, Sandbox, SandboxRequest, SandboxResponse } from './server';
import { json, randomToken } from './server';
import { ThanksIoWebhooks } from './thanksioWebhooks';
import { controlBody } from './webhooks';

/**
 * thanks.io as its documentation and OpenAPI file describe it, mounted at
 * `/thanksio`:
 * - OAuth 2.0 authorization code at `/oauth/authorize` (consent is granted at
 *   once: 302 to the redirect URI with code and state) and `/oauth/token`
 *   (form body only, client id and secret in the body — a Basic header is
 *   refused), refresh tokens that rotate (a used one fails with invalid_grant);
 * - the v2 API under `/api/v2`, with a personal access token or an OAuth token
 *   as Bearer; a missing, bad or expired token gets `403 {"message":"Unauthorized"}`;
 * - Laravel pagination (`{data, links: {next}, meta}` and, for a list's
 *   recipients, the flat `{data, next_page_url, current_page, last_page}`), with
 *   `items_per_page` up to 100 and recipient `limit` up to 10,000;
 * - validation errors as `422 {message, errors: {field: [reasons]}}`, other
 *   refusals as `400 {message}`, unknown records as `404 {"message":"Not Found"}`;
 * - 60 requests a minute, then `429 {"message":"Too Many Attempts."}` with
 *   `Retry-After` (as Laravel's throttle answers).
 *
 * - webhooks (`/webhooks`) and their deliveries, see thanksioWebhooks.ts, each made in
 *   the account context of the token that created it (the main account, or a
 *   sub-account with its own token) and listed only in that context; order
 *   statuses that move on (`setOrderStatus`) for the polling trigger;
 * - sandbox controls (not thanks.io's) under `/thanksio/_sandbox/`: `POST events
 *   {type, data?, withoutToken?, repeat?, subAccount?, mailingListId?}` delivers an event
 *   (of mail to that list, when given) to every webhook registered for its type (the test
 *   URL n8n registers while a trigger's panel listens included), `GET webhooks` lists
 *   them, `POST orders {status?}` adds an order and `POST orders/{id}/status {status}`
 *   moves one on.
 *
 * Sends: a field given under both its names (`mailing_list_ids` and
 * `mailing_lists`, …, see TWO_NAMES) is refused with 422 naming the field; either
 * name alone is read. Recipient requests likewise (`mailing_list_id` and
 * `mailing_list`, see RECIPIENT_TWO_NAMES). `POST /recipients-utils/create-multiple`
 * takes a JSON array of any length (no limit is documented) and answers, in order,
 * each recipient as stored or, where refused, with an `error`.
 *
 * Counters (via `sandbox.count`): "token requests", "refresh requests",
 * "mailers sent" (orders placed), "mail pieces", "previews", "records created".
 */

export const THANKSIO_CLIENT = {
	id: 'tio-client-id',
	secret: randomToken('tio_cs'),
	redirectUris: ['http://127.0.0.1:5678/rest/oauth2-credential/callback'],
};

/** A personal access token the sandbox accepts; new in every test run. */
export const THANKSIO_PERSONAL_TOKEN = randomToken('tio_pat');

/** A personal access token of the sub-account 7 ("Downtown Office"): it acts in that account's context. */
export const THANKSIO_SUB_ACCOUNT_TOKEN = randomToken('tio_pat');
export const THANKSIO_SUB_ACCOUNT_ID = 7;

const MAX_ITEMS_PER_PAGE = 100;
const MAX_RECIPIENTS_PER_PAGE = 10_000;

const HANDWRITING_STYLES = [
	{ handwriting_style_id: 1, name: 'Hi Clarice', type: 'Realistic' },
	{ handwriting_style_id: 2, name: 'Practiced Sharpie', type: 'Bold' },
	{ handwriting_style_id: 4, name: 'Foxy Lady', type: 'Realistic' },
	{ handwriting_style_id: 13, name: 'Arabic', type: 'International' },
	{ handwriting_style_id: 101, name: 'Optimus Prime', type: 'AI' },
].map((s) => ({
	...s,
	sample: `https://d2md0c8rpvzmz5.cloudfront.net/handwriting_examples/${s.handwriting_style_id}.png`,
}));

const GIFT_CARD_GROUPS = {
	main: {
		title: 'Featured',
		brands: [
			{
				brand_code: 'amazonus',
				title: 'Amazon.com',
				image: 'https://d2md0c8rpvzmz5.cloudfront.net/giftcards/amazonus.png',
				available_amounts: [500, 1000, 1500, 2000, 2500, 5000, 10000],
			},
			{
				brand_code: 'starbucksus',
				title: 'Starbucks',
				image: 'https://d2md0c8rpvzmz5.cloudfront.net/giftcards/starbucks.png',
				available_amounts: [500, 1000, 2500],
			},
		],
	},
	food: {
		title: 'Food',
		brands: [
			{
				brand_code: 'chipotle',
				title: 'Chipotle',
				image: 'https://d2md0c8rpvzmz5.cloudfront.net/giftcards/chipotle.png',
				available_amounts: [1000, 2500, 5000],
			},
		],
	},
};

const ALL_BRANDS = Object.values(GIFT_CARD_GROUPS).flatMap((g) => g.brands);

/** `GET /giftcard-brands-list`: the same brands in one flat list, each with its group's title. */
const GIFT_CARD_LIST = {
	brands: Object.values(GIFT_CARD_GROUPS).flatMap((g) =>
		g.brands.map((brand) => ({ ...brand, group: g.title })),
	),
};

/** Template types; 6x9 and 6x11 postcards have their own (the vendor node's README). */
const TEMPLATE_TYPES = [
	'postcard',
	'letter',
	'notecard',
	'giftcard',
	'windowlessletter',
	'magnacard',
	'postcard6x9',
	'postcard6x11',
];

const SUB_ACCOUNTS = [
	{ id: 7, user_id: 2, title: 'Downtown Office', return_name: 'Downtown Office' },
	{ id: 9, user_id: 2, title: 'Uptown Office', return_name: 'Uptown Office' },
];

const PRICES: Record<string, number> = {
	postcard: 114,
	letter: 120,
	windowlessletter: 252,
	notecard: 300,
	giftcard: 300,
	// The sandbox's own figure: no source gives a magnacard price.
	magnacard: 189,
};

/**
 * Send routes, by the mailer type they place. Windowed letters go to `/send/letter`,
 * as the vendor's own n8n node, the "Send Windowed Letter" page and the docs repo's
 * openapi.json have it; `/send/windowedletter` (one third-party catalogue) is unknown
 * here and answers 404, as any unknown route does.
 */
const SEND_ROUTES: Record<string, string> = {
	postcard: 'postcard',
	letter: 'letter',
	windowlessletter: 'windowlessletter',
	notecard: 'notecard',
	giftcard: 'giftcard',
	// A magnet mailer with a front image and a handwritten message, as the vendor's node sends it.
	magnacard: 'magnacard',
};

/**
 * Send fields with two names: the name the vendor's own n8n node sends, and the
 * earlier name the docs repo's openapi.json still gives. Either name alone is read.
 * Both in one request are refused: no source says how thanks.io would merge them
 * (a list named twice could be mailed twice), and the vendor never sends both.
 */
export const TWO_NAMES: [current: string, earlier: string][] = [
	['mailing_list_ids', 'mailing_lists'],
	['image_template_id', 'image_template'],
	['message_template_id', 'message_template'],
	['handwriting_style_id', 'handwriting_style'],
	['notification_emails', 'email_additional'],
];

/** The earlier names of send fields: the vendor's own n8n node never sends them. */
export const EARLIER_SEND_NAMES = TWO_NAMES.map(([, earlier]) => earlier);

/**
 * Recipient fields with two names: a recipient's list is `mailing_list_id` in the
 * API reference's schema and in the vendor's own n8n node, `mailing_list` in the
 * create-multiple example. Either alone is read; both in one recipient are refused,
 * as for sends (a list read under both names could be doubled).
 */
export const RECIPIENT_TWO_NAMES: [name: string, other: string][] = [
	['mailing_list_id', 'mailing_list'],
];

/** The other names of recipient fields: the vendor's own n8n node never sends them. */
export const OTHER_RECIPIENT_NAMES = RECIPIENT_TWO_NAMES.map(([, other]) => other);

const RECORD_TYPES = new Set([
	'all',
	'likelytomove',
	'likelytorefi',
	'absenteeowner',
	'highnetworth',
	'majorityhomeequity',
	'homefreeclear',
	'underwater',
	'kidsinhousehold',
	'newhomeowner',
	'firsttimehomebuyer',
	'renters',
	'retiring',
	'retired',
	'pool',
	'onlybusinesses',
	'newbusiness',
]);
const NAMED_COLORS = new Set(['blue', 'black', 'green', 'purple', 'red']);
const RECIPIENT_FIELDS = [
	'name',
	'company',
	'address',
	'address2',
	'city',
	'province',
	'postal_code',
	'country',
	'dob',
	'email',
	'phone',
	'custom1',
	'custom2',
	'custom3',
	'custom4',
];

type Row = Record<string, unknown>;

function now(): string {
	return new Date().toISOString().replace(/\.\d+Z$/, '.000000Z');
}

function unauthorized(): SandboxResponse {
	return json(403, { message: 'Unauthorized' });
}

function notFound(): SandboxResponse {
	return json(404, { message: 'Not Found' });
}

function invalid(errors: Record<string, string[]>): SandboxResponse {
	const first = Object.values(errors)[0][0];
	const more = Object.keys(errors).length - 1;
	return json(422, {
		message: more > 0 ? `${first} (and ${more} more error${more > 1 ? 's' : ''})` : first,
		errors,
	});
}

function pick(source: Row, fields: string[]): Row {
	const result: Row = {};
	for (const field of fields) if (source[field] !== undefined) result[field] = source[field];
	return result;
}

function isId(value: unknown): boolean {
	return Number.isSafeInteger(Number(value)) && Number(value) > 0 && !Array.isArray(value);
}

/**
 * Reads each field of `received` under its one name (`pairs`: the name, and the
 * `word` other name): fields given under both names go into `errors`, keyed
 * `prefix` + name; a field under the other name alone is moved to its name.
 */
function oneNamePerField(
	received: Row,
	pairs: [name: string, other: string][],
	word: 'earlier' | 'other',
	errors: Record<string, string[]>,
	prefix = '',
): Row {
	const body: Row = { ...received };
	for (const [name, other] of pairs) {
		if (received[name] !== undefined && received[other] !== undefined) {
			errors[`${prefix}${name}`] = [
				`The ${name} field and its ${word} name ${other} were both given; send only one of them.`,
			];
		} else if (received[other] !== undefined) {
			body[name] = received[other];
		}
		delete body[other];
	}
	return body;
}

/** A recipient request's body with each field under its one name, or the 422 for one given twice. */
function recipientBody(received: Row): { refused?: SandboxResponse; body: Row } {
	const errors: Record<string, string[]> = {};
	const body = oneNamePerField(received, RECIPIENT_TWO_NAMES, 'other', errors);
	return Object.keys(errors).length ? { refused: invalid(errors), body } : { body };
}

export class ThanksIoProvider implements Provider {
	name = 'thanksio';
	readonly auth = new TokenAuthority('tio', 'Bearer', 3600);
	rateLimit = { limit: 60, windowMs: 60_000 };
	/** Personal access tokens, and the account context each acts in (null: the main account). */
	readonly personalTokens = new Map<string, number | null>([
		[THANKSIO_PERSONAL_TOKEN, null],
		[THANKSIO_SUB_ACCOUNT_TOKEN, THANKSIO_SUB_ACCOUNT_ID],
	]);
	readonly mailingLists = new Map<number, Row>();
	readonly recipients = new Map<number, Row>();
	readonly orders = new Map<number, Row>();
	readonly messageTemplates: Row[] = [];
	readonly imageTemplates: Row[] = [];
	/** The body of every accepted send (not previews), as received, newest last. */
	readonly sends: Row[] = [];
	/** Every request to a send route, previews and refusals included, newest last. */
	readonly sendRequests: { route: string; body: Row }[] = [];
	readonly hooks = new ThanksIoWebhooks();
	private nextId = 1000;

	constructor() {
		this.auth.addClient(THANKSIO_CLIENT);
		this.seed();
	}

	reset(): void {
		this.auth.reset();
		this.rateLimit = { limit: 60, windowMs: 60_000 };
		this.mailingLists.clear();
		this.recipients.clear();
		this.orders.clear();
		this.hooks.reset();
		this.sends.length = 0;
		this.sendRequests.length = 0;
		this.nextId = 1000;
		this.seed();
	}

	private seed(): void {
		this.messageTemplates.length = 0;
		this.imageTemplates.length = 0;
		let id = 10;
		for (const type of TEMPLATE_TYPES) {
			this.messageTemplates.push({
				id: id++,
				user_id: 2,
				sub_account_id: null,
				handwriting_style_id: 1,
				name: `Thank you (${type})`,
				content: 'Hey %FIRST_NAME%!\n\nThank you for your business!',
				type,
			});
			this.imageTemplates.push({
				id: id++,
				user_id: 2,
				sub_account_id: null,
				name: `Thank you front (${type})`,
				image: `https://s3.amazonaws.com/cdn.thanks.io/user_image_library/${type}.png`,
				type,
			});
		}
	}

	private id(): number {
		return this.nextId++;
	}

	/** Adds mailing lists directly, as if made in the dashboard. */
	addMailingLists(count: number, description = 'List'): Row[] {
		const created: Row[] = [];
		for (let i = 0; i < count; i++)
			created.push(this.createList({ description: `${description} ${i + 1}` }));
		return created;
	}

	/** Adds recipients to a list directly, as if imported in the dashboard. */
	addRecipients(listId: number, count: number): Row[] {
		const created: Row[] = [];
		for (let i = 0; i < count; i++) {
			created.push(
				this.createRecipient(listId, {
					name: `Recipient ${i + 1}`,
					address: `${i + 1} Main Street`,
					city: 'Any Town',
					province: 'NY',
					postal_code: '12345',
					country: 'US',
				}),
			);
		}
		return created;
	}

	/** Adds orders directly, as if placed in the dashboard, newest last. */
	addOrders(count: number, status = 'Fulfilled'): Row[] {
		const created: Row[] = [];
		for (let i = 0; i < count; i++) {
			created.push(
				this.placeOrder('postcard', { size: '4x6', message: `Order ${i + 1}` }, 1, status),
			);
		}
		return created;
	}

	/** Moves an order on, as thanks.io does while the mail is printed and delivered. */
	setOrderStatus(id: number, status: string): Row {
		const order = this.orders.get(id);
		if (!order) throw new Error(`no order ${id}`);
		Object.assign(order, {
			status,
			display_status: status,
			cancellable: status.toLowerCase() === 'reviewing',
			updated_at: now(),
		});
		return order;
	}

	private async control(req: SandboxRequest): Promise<SandboxResponse> {
		const body = controlBody(req.body);
		if (req.method === 'GET' && req.path === '/_sandbox/webhooks') {
			return json(200, [...this.hooks.webhooks.values()]);
		}
		if (req.method === 'POST' && req.path === '/_sandbox/events') {
			const deliveries = await this.hooks.fire(String(body.type ?? 'order_item.delivered'), {
				data: body.data as Row | undefined,
				withoutToken: body.withoutToken === true,
				repeat: body.repeat === true,
				subAccount: body.subAccount === undefined ? undefined : Number(body.subAccount),
				mailingListId: body.mailingListId === undefined ? undefined : Number(body.mailingListId),
			});
			return json(200, {
				delivered: deliveries.map((d) => ({
					url: d.url.replace(/token=[^&]+/, 'token=…'),
					status: d.status,
					answer: d.answer,
				})),
			});
		}
		if (req.method === 'POST' && req.path === '/_sandbox/orders') {
			const [order] = this.addOrders(1, String(body.status ?? 'Printing'));
			return json(201, order);
		}
		const status = /^\/_sandbox\/orders\/(\d+)\/status$/.exec(req.path);
		if (req.method === 'POST' && status && this.orders.has(Number(status[1]))) {
			return json(200, this.setOrderStatus(Number(status[1]), String(body.status ?? 'Delivered')));
		}
		return notFound();
	}

	rateLimited(retryAfterMs: number): SandboxResponse {
		const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
		return json(
			429,
			{ message: 'Too Many Attempts.' },
			{
				'retry-after': String(seconds),
				'x-ratelimit-limit': String(this.rateLimit.limit),
				'x-ratelimit-remaining': '0',
			},
		);
	}

	handle(req: SandboxRequest, sandbox: Sandbox): SandboxResponse | Promise<SandboxResponse> {
		if (req.path.startsWith('/_sandbox/')) return this.control(req);
		if (req.path === '/oauth/authorize') return this.authorize(req);
		if (req.path === '/oauth/token') return this.token(req, sandbox);
		if (!req.path.startsWith('/api/v2/')) return notFound();
		const path = req.path.slice('/api/v2'.length).replace(/\/+$/, '') || '/';
		const { method } = req;

		// Documented as needing no authentication.
		if (method === 'GET' && path === '/handwriting-styles') {
			return json(200, { data: HANDWRITING_STYLES });
		}
		if (method === 'GET' && path === '/giftcard-brands') return json(200, GIFT_CARD_GROUPS);
		if (method === 'GET' && path === '/giftcard-brands-list') return json(200, GIFT_CARD_LIST);

		if (!this.authenticated(req.headers.authorization)) return unauthorized();

		if (method === 'GET' && path === '/sub-accounts') return json(200, { data: SUB_ACCOUNTS });
		if (path === '/webhooks' || path.startsWith('/webhooks/')) {
			return this.webhookRoute(req, path, this.accountOf(req.headers.authorization));
		}
		if (method === 'GET' && path === '/message-templates') {
			return this.paged(req, path, this.filterType(this.messageTemplates, req));
		}
		if (method === 'GET' && path === '/image-templates') {
			return this.paged(req, path, this.filterType(this.imageTemplates, req));
		}
		if (path === '/mailing-lists') {
			if (method === 'GET') return this.paged(req, path, [...this.mailingLists.values()].reverse());
			if (method === 'POST') return this.createListRequest(req, sandbox);
		}
		let match = /^\/mailing-lists\/(\d+)$/.exec(path);
		if (match) {
			const list = this.mailingLists.get(Number(match[1]));
			if (!list) return notFound();
			if (method === 'GET') return json(200, list);
			if (method === 'DELETE') {
				this.mailingLists.delete(Number(match[1]));
				for (const [id, r] of this.recipients) {
					if (r.mailing_list_id === list.id) this.recipients.delete(id);
				}
				return json(200, { message: 'success' });
			}
		}
		match = /^\/mailing-lists-utils\/recipients\/(\d+)$/.exec(path);
		if (match && method === 'GET') return this.listRecipients(req, path, Number(match[1]));
		if (method === 'POST' && path === '/recipients') return this.addRecipient(req, sandbox);
		if (method === 'POST' && path === '/recipients-utils/create-multiple') {
			return this.createManyRecipients(req, sandbox);
		}
		if (method === 'POST' && path === '/recipients-utils/delete-by-address') {
			return this.deleteByAddress(req);
		}
		match = /^\/recipients\/(\d+)$/.exec(path);
		if (match) {
			const recipient = this.recipients.get(Number(match[1]));
			if (!recipient) return notFound();
			if (method === 'GET') {
				return json(200, {
					...recipient,
					mailing_list: this.mailingLists.get(Number(recipient.mailing_list_id)),
				});
			}
			if (method === 'PUT') {
				Object.assign(recipient, pick(req.body ?? {}, RECIPIENT_FIELDS), { updated_at: now() });
				return json(200, recipient);
			}
			if (method === 'DELETE') {
				this.recipients.delete(Number(match[1]));
				this.touchList(Number(recipient.mailing_list_id));
				return json(200, { message: 'success' });
			}
		}
		match = /^\/send\/([a-z]+)$/.exec(path);
		if (match && method === 'POST' && SEND_ROUTES[match[1]]) {
			return this.send(SEND_ROUTES[match[1]], req, sandbox);
		}
		if (method === 'GET' && path === '/orders/list') {
			const subAccount = req.query.get('sub_account_id');
			const orders = [...this.orders.values()]
				.reverse()
				.filter((o) => subAccount === null || String(o.sub_account_id) === subAccount);
			return this.paged(req, path, orders, 'limit');
		}
		match = /^\/orders\/(\d+)\/track$/.exec(path);
		if (match && method === 'GET') {
			const order = this.orders.get(Number(match[1]));
			if (!order) return notFound();
			const delivered = order.status === 'Delivered' ? Number(order.total_recipients) : 0;
			return json(200, {
				data: {
					id: order.id,
					order,
					stats: {
						delivered,
						processing: Number(order.total_recipients) - delivered,
						printed: 0,
						in_transit: 0,
						returned_to_sender: 0,
						failed: 0,
					},
					errors: [],
					returned: [],
				},
			});
		}
		match = /^\/orders\/(\d+)\/cancel$/.exec(path);
		if (match && method === 'PUT') {
			const order = this.orders.get(Number(match[1]));
			if (!order) return notFound();
			if (String(order.status).toLowerCase() !== 'reviewing') {
				return json(400, { message: 'Order can not be cancelled. It is no longer in review.' });
			}
			Object.assign(order, {
				status: 'cancelled',
				display_status: 'Cancelled',
				grand_total: 0,
				updated_at: now(),
			});
			sandbox.bump(this.name, 'orders cancelled');
			return json(200, { order });
		}
		return notFound();
	}

	/** Webhooks are made, listed and removed in the account context of the token used. */
	private webhookRoute(req: SandboxRequest, path: string, account: number | null): SandboxResponse {
		if (path === '/webhooks' && req.method === 'GET') {
			const page = this.paged(req, path, this.hooks.of(account) as unknown as Row[]);
			const body = page.body as Row;
			return json(page.status, { ...body, can_manage_webhooks: this.hooks.paidPlan });
		}
		if (!this.hooks.paidPlan) {
			return json(403, { message: 'Webhooks are available on paid subscriptions only.' });
		}
		if (path === '/webhooks' && req.method === 'POST') {
			const errors = this.hooks.invalid(req.body ?? {});
			if (Object.keys(errors).length) return invalid(errors);
			if (this.hooks.createFails()) return json(500, { message: 'Server Error' });
			return json(201, this.hooks.add(req.body ?? {}, account));
		}
		const match = /^\/webhooks\/(\d+)$/.exec(path);
		const webhook = match ? this.hooks.webhooks.get(Number(match[1])) : undefined;
		if (!webhook || this.hooks.accountOf(webhook) !== account) return notFound();
		if (req.method === 'DELETE') {
			this.hooks.webhooks.delete(webhook.id);
			return json(200, { status: 'success' });
		}
		if (req.method === 'PUT') {
			const errors = this.hooks.invalid(req.body ?? {});
			if (Object.keys(errors).length) return invalid(errors);
			Object.assign(webhook, {
				url: String(req.body!.url),
				type: String(req.body!.type),
				verb: String(req.body!.verb),
				description: req.body!.description ?? null,
				updated_at: now(),
			});
			return json(200, webhook);
		}
		return notFound();
	}

	private authenticated(header: unknown): boolean {
		const match = /^Bearer\s+(\S+)$/i.exec(String(header ?? ''));
		if (!match) return false;
		return this.personalTokens.has(match[1]) || this.auth.bearer(header) !== undefined;
	}

	/** The account context a token acts in: a sub-account's ID, or null (the main account). */
	private accountOf(header: unknown): number | null {
		const match = /^Bearer\s+(\S+)$/i.exec(String(header ?? ''));
		return (match && this.personalTokens.get(match[1])) ?? null;
	}

	// ---- OAuth ----

	private authorize(req: SandboxRequest): SandboxResponse {
		if (req.method !== 'GET') return json(405, { message: 'Method Not Allowed' });
		const clientId = req.query.get('client_id');
		const redirectUri = req.query.get('redirect_uri');
		const client = clientId ? this.auth.clients.get(clientId) : undefined;
		if (!client)
			return json(401, { error: 'invalid_client', message: 'Client authentication failed' });
		if (req.query.get('response_type') !== 'code') {
			return json(400, { error: 'unsupported_response_type' });
		}
		if (!redirectUri || (client.redirectUris && !client.redirectUris.includes(redirectUri))) {
			return json(400, { error: 'invalid_request', message: 'The redirect URI is not registered' });
		}
		const code = this.auth.issueCode(client.id, redirectUri);
		const target = new URL(redirectUri);
		target.searchParams.set('code', code);
		const state = req.query.get('state');
		if (state !== null) target.searchParams.set('state', state);
		return { status: 302, headers: { location: target.toString() } };
	}

	private token(req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		sandbox.bump(this.name, 'token requests');
		if (req.method !== 'POST') return json(405, { error: 'invalid_request' });
		if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
			return json(400, { error: 'invalid_request', message: 'Use a form-encoded body' });
		}
		if (req.headers.authorization) {
			return json(401, {
				error: 'invalid_client',
				error_description: 'Client authentication failed',
				message: 'Client authentication failed',
			});
		}
		if (req.query.has('client_secret')) {
			return json(400, { error: 'invalid_request', message: 'The secret must not be in the URL' });
		}
		const body = req.body ?? {};
		const client = this.auth.checkClient(body.client_id, body.client_secret);
		if (!client) {
			return json(401, {
				error: 'invalid_client',
				error_description: 'Client authentication failed',
				message: 'Client authentication failed',
			});
		}
		if (body.grant_type === 'authorization_code') {
			if (!this.auth.redeemCode(body.code, client.id, body.redirect_uri)) {
				return json(400, {
					error: 'invalid_grant',
					error_description: 'The authorization code is invalid or has expired.',
				});
			}
			return json(200, this.auth.issue(client.id, true));
		}
		if (body.grant_type === 'refresh_token') {
			sandbox.bump(this.name, 'refresh requests');
			const token = this.auth.rotate(body.refresh_token, client.id);
			if (!token) {
				return json(400, {
					error: 'invalid_grant',
					error_description: 'The refresh token is invalid.',
					message: 'The refresh token is invalid.',
				});
			}
			return json(200, token);
		}
		return json(400, { error: 'unsupported_grant_type' });
	}

	// ---- Lists and pages ----

	private pageOf(req: SandboxRequest, sizeParameter: string, max: number, fallback: number) {
		const sizeText = req.query.get(sizeParameter);
		const size = sizeText === null ? fallback : Number(sizeText);
		const page = Number(req.query.get('page') ?? 1);
		if (!Number.isInteger(size) || size < 1 || size > max) {
			return {
				error: invalid({ [sizeParameter]: [`The ${sizeParameter} must be between 1 and ${max}.`] }),
			};
		}
		if (!Number.isInteger(page) || page < 1) {
			return { error: invalid({ page: ['The page must be at least 1.'] }) };
		}
		return { size, page };
	}

	/**
	 * A Laravel page. Lists take `items_per_page`; the orders list's page size is
	 * `limit` (1 to 100) in the API reference the orders route comes from, and is
	 * read from `items_per_page` only when `limit` is not given.
	 */
	private paged(
		req: SandboxRequest,
		path: string,
		rows: Row[],
		sizeParameter: 'items_per_page' | 'limit' = 'items_per_page',
	): SandboxResponse {
		const given = req.query.has(sizeParameter) ? sizeParameter : 'items_per_page';
		const parsed = this.pageOf(req, given, MAX_ITEMS_PER_PAGE, 25);
		if (parsed.error) return parsed.error;
		const { size, page } = parsed as { size: number; page: number };
		const last = Math.max(1, Math.ceil(rows.length / size));
		const data = rows.slice((page - 1) * size, page * size);
		const url = (p: number) => `https://api.thanks.io/api/v2${path}?page=${p}`;
		return json(200, {
			data,
			links: {
				first: url(1),
				last: url(last),
				prev: page > 1 ? url(page - 1) : null,
				next: page < last ? url(page + 1) : null,
			},
			meta: {
				current_page: page,
				from: data.length ? (page - 1) * size + 1 : null,
				last_page: last,
				path: `https://api.thanks.io/api/v2${path}`,
				per_page: String(size),
				to: data.length ? (page - 1) * size + data.length : null,
				total: rows.length,
			},
		});
	}

	private filterType(rows: Row[], req: SandboxRequest): Row[] {
		const type = req.query.get('type');
		return type ? rows.filter((r) => r.type === type) : rows;
	}

	private createList(fields: Row): Row {
		const list: Row = {
			id: this.id(),
			user_id: 2,
			sub_account_id: fields.sub_account_id ?? null,
			type: 'manual',
			description: fields.description,
			qrcode_url: fields.qrcode_url ?? null,
			total_recipients: 0,
			processed: true,
			is_suppression_list: false,
			total_scans: 0,
			unique_scans: 0,
			last_scan: null,
			total_sends: 0,
			last_send: null,
			api_key: randomToken('list'),
			created_at: now(),
			updated_at: now(),
		};
		this.mailingLists.set(Number(list.id), list);
		return list;
	}

	private createListRequest(req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		const body = req.body ?? {};
		if (typeof body.description !== 'string' || body.description.trim() === '') {
			return invalid({ description: ['The description field is required.'] });
		}
		if (
			body.sub_account_id !== undefined &&
			!SUB_ACCOUNTS.some((a) => a.id === Number(body.sub_account_id))
		) {
			return json(400, { message: 'Sub Account ID does not exist' });
		}
		const list = this.createList(body);
		sandbox.bump(this.name, 'records created');
		return json(201, list);
	}

	private touchList(listId: number): void {
		const list = this.mailingLists.get(listId);
		if (!list) return;
		list.total_recipients = [...this.recipients.values()].filter(
			(r) => r.mailing_list_id === listId,
		).length;
		list.updated_at = now();
	}

	private listRecipients(req: SandboxRequest, path: string, listId: number): SandboxResponse {
		if (!this.mailingLists.has(listId)) return notFound();
		const parsed = this.pageOf(req, 'limit', MAX_RECIPIENTS_PER_PAGE, 1000);
		if (parsed.error) return parsed.error;
		const { size, page } = parsed as { size: number; page: number };
		const since = req.query.get('updated_since');
		const rows = [...this.recipients.values()].filter(
			(r) =>
				r.mailing_list_id === listId &&
				(since === null || String(r.updated_at).replace('T', ' ') >= since),
		);
		const last = Math.max(1, Math.ceil(rows.length / size));
		const data = rows.slice((page - 1) * size, page * size);
		const url = (p: number) => `https://api.thanks.io/api/v2${path}?page=${p}`;
		return json(200, {
			current_page: page,
			data,
			first_page_url: url(1),
			from: data.length ? (page - 1) * size + 1 : null,
			last_page: last,
			last_page_url: url(last),
			next_page_url: page < last ? url(page + 1) : null,
			path: `https://api.thanks.io/api/v2${path}`,
			per_page: String(size),
			prev_page_url: page > 1 ? url(page - 1) : null,
			to: data.length ? (page - 1) * size + data.length : null,
			total: rows.length,
		});
	}

	private createRecipient(listId: number, fields: Row): Row {
		const recipient: Row = {
			id: this.id(),
			mailing_list_id: listId,
			...pick(fields, RECIPIENT_FIELDS),
			created_at: now(),
			updated_at: now(),
		};
		this.recipients.set(Number(recipient.id), recipient);
		this.touchList(listId);
		return recipient;
	}

	/** The reason a recipient cannot be added, or undefined. */
	private recipientProblem(listId: number, fields: Row): string | undefined {
		const address = String(fields.address ?? '').trim();
		if (address === '' && String(fields.email ?? '').trim() === '') {
			return 'The address field is required when email is not present.';
		}
		if (address === '') return undefined;
		const duplicate = [...this.recipients.values()].some(
			(r) =>
				r.mailing_list_id === listId &&
				String(r.address).toLowerCase() === address.toLowerCase() &&
				String(r.postal_code ?? '') === String(fields.postal_code ?? ''),
		);
		return duplicate ? 'This address is already on this mailing list.' : undefined;
	}

	private addRecipient(req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		const { refused, body } = recipientBody(req.body ?? {});
		if (refused) return refused;
		const listId = Number(body.mailing_list_id);
		if (!this.mailingLists.has(listId)) {
			return json(400, { message: 'Mailing List Does Not Exist' });
		}
		const problem = this.recipientProblem(listId, body);
		if (problem) return invalid({ address: [problem] });
		const recipient = this.createRecipient(listId, body);
		sandbox.bump(this.name, 'records created');
		return json(200, { ...recipient, mailing_list: this.mailingLists.get(listId) });
	}

	private createManyRecipients(req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		let records: unknown;
		try {
			records = JSON.parse(req.rawBody.toString('utf8'));
		} catch {
			return json(400, { message: 'The body must be a JSON array of recipients' });
		}
		if (!Array.isArray(records)) {
			return json(400, { message: 'The body must be a JSON array of recipients' });
		}
		const errors: Record<string, string[]> = {};
		const bodies = (records as Row[]).map((record, index) =>
			oneNamePerField(record ?? {}, RECIPIENT_TWO_NAMES, 'other', errors, `${index}.`),
		);
		if (Object.keys(errors).length) return invalid(errors);
		// As the reference's example answers: each recipient as stored, or with an `error`, in order.
		const answers: Row[] = [];
		for (const record of bodies) {
			const listId = Number(record.mailing_list_id);
			const fields = pick(record, RECIPIENT_FIELDS);
			if (!this.mailingLists.has(listId)) {
				answers.push({ ...fields, error: 'Mailing List Does Not Exist' });
				continue;
			}
			const problem = this.recipientProblem(listId, record);
			if (problem) {
				answers.push({ ...fields, error: problem });
				continue;
			}
			const recipient = this.createRecipient(listId, record);
			sandbox.bump(this.name, 'records created');
			answers.push(pick(recipient, RECIPIENT_FIELDS));
		}
		return json(200, answers);
	}

	private deleteByAddress(req: SandboxRequest): SandboxResponse {
		const { refused, body } = recipientBody(req.body ?? {});
		if (refused) return refused;
		const listId = Number(body.mailing_list_id);
		if (!this.mailingLists.has(listId)) {
			return json(400, { message: 'Mailing List Does Not Exist' });
		}
		const email = String(body.email ?? '').toLowerCase();
		const address = String(body.address ?? '').toLowerCase();
		const postalCode = String(body.postal_code ?? '');
		if (email === '' && (address === '' || postalCode === '')) {
			return invalid({ address: ['Give address and postal_code, or email.'] });
		}
		const found = [...this.recipients.values()].find(
			(r) =>
				r.mailing_list_id === listId &&
				(email !== ''
					? String(r.email ?? '').toLowerCase() === email
					: String(r.address).toLowerCase() === address && String(r.postal_code) === postalCode),
		);
		if (!found) return json(404, { message: 'Recipient Not Found' });
		this.recipients.delete(Number(found.id));
		this.touchList(listId);
		return json(200, { status: `Recipient ${found.id} Deleted` });
	}

	// ---- Sending ----

	private placeOrder(type: string, body: Row, recipients: number, status = 'reviewing'): Row {
		const order: Row = {
			id: this.id(),
			user_id: 2,
			sub_account_id: body.sub_account ?? null,
			type,
			size: type === 'postcard' ? (body.size ?? '4x6') : undefined,
			message: body.message ?? null,
			message_template_id: body.message_template_id ?? null,
			image_template_id: body.image_template_id ?? null,
			front_image: body.front_image_url ?? null,
			style: body.handwriting_style_id ?? 1,
			handwriting_color: body.handwriting_color ?? null,
			giftcard_brand: body.giftcard_brand ?? null,
			giftcard_amount: body.giftcard_amount_in_cents ?? null,
			mailing_list_ids_used: Array.isArray(body.mailing_list_ids)
				? body.mailing_list_ids.join(',')
				: null,
			total_estimated_recipients: recipients,
			total_recipients: recipients,
			authorization_total:
				recipients * PRICES[type] + Number(body.giftcard_amount_in_cents ?? 0) * recipients,
			leads_fee: body.radius_search ? recipients * 5 : 0,
			return_name: body.return_name ?? null,
			return_address: body.return_address ?? null,
			return_address2: body.return_address2 ?? null,
			return_city: body.return_city ?? null,
			// Requests name the state `return_state`; orders answer with `return_province`.
			return_province: body.return_state ?? null,
			return_postal_code: body.return_postal_code ?? null,
			status,
			display_status: status.charAt(0).toUpperCase() + status.slice(1),
			method: 'api',
			cancellable: status === 'reviewing',
			created_at: now(),
			updated_at: now(),
		};
		this.orders.set(Number(order.id), order);
		return order;
	}

	private send(type: string, req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		this.sendRequests.push({ route: type, body: req.body ?? {} });
		const errors: Record<string, string[]> = {};
		const body = oneNamePerField(req.body ?? {}, TWO_NAMES, 'earlier', errors);
		if (Object.keys(errors).length) return invalid(errors);
		const audiences = ['mailing_list_ids', 'recipients', 'radius_search'].filter(
			(k) => body[k] !== undefined,
		);
		if (audiences.length !== 1) {
			errors.recipients = [
				audiences.length === 0
					? 'The recipients field is required when none of mailing lists / radius search are present.'
					: 'Only one of recipients, mailing lists and radius search may be given.',
			];
		}
		let count = 0;
		if (body.recipients !== undefined) {
			const recipients = body.recipients as Row[];
			if (!Array.isArray(recipients) || recipients.length === 0) {
				errors.recipients = ['The recipients must be a non-empty array.'];
			} else {
				recipients.forEach((r, i) => {
					if (!r || typeof r !== 'object' || String(r.address ?? '').trim() === '') {
						errors[`recipients.${i}.address`] = ['The address field is required.'];
					}
				});
				count = recipients.length;
			}
		}
		if (body.mailing_list_ids !== undefined) {
			const ids = body.mailing_list_ids as unknown[];
			if (!Array.isArray(ids) || ids.length === 0 || !ids.every(isId)) {
				errors.mailing_list_ids = ['The mailing list ids must be an array of IDs.'];
			} else if (!ids.every((id) => this.mailingLists.has(Number(id)))) {
				return json(400, { message: 'Mailing List Does Not Exist' });
			} else {
				count = ids.reduce<number>(
					(sum, id) => sum + Number(this.mailingLists.get(Number(id))!.total_recipients),
					0,
				);
			}
		}
		if (body.radius_search !== undefined) {
			const search = body.radius_search as Row;
			const records = Number(search?.record_count);
			if (!search || String(search.address ?? '').trim() === '') {
				errors['radius_search.address'] = ['The radius search address field is required.'];
			}
			if (!Number.isInteger(records) || records < 1 || records > 10000) {
				errors['radius_search.record_count'] = ['The record count must be between 1 and 10000.'];
			}
			if (search?.record_types !== undefined && !RECORD_TYPES.has(String(search.record_types))) {
				errors['radius_search.record_types'] = ['The selected record types is invalid.'];
			}
			count = records;
		}
		const needsFront = ['postcard', 'notecard', 'giftcard', 'magnacard'].includes(type);
		if (body.message !== undefined && body.message_template_id !== undefined) {
			errors.message = ['Give a message or a message template, not both.'];
		}
		if (needsFront && body.message === undefined && body.message_template_id === undefined) {
			errors.message = ['The message field is required when message template is not present.'];
		}
		if (
			body.message_template_id !== undefined &&
			!this.messageTemplates.some((t) => t.id === Number(body.message_template_id))
		) {
			errors.message_template_id = ['The selected message template id is invalid.'];
		}
		if (needsFront && body.front_image_url === undefined && body.image_template_id === undefined) {
			errors.front_image_url = [
				'The front image url field is required when image template is not present.',
			];
		}
		if (
			body.image_template_id !== undefined &&
			!this.imageTemplates.some((t) => t.id === Number(body.image_template_id))
		) {
			errors.image_template_id = ['The selected image template id is invalid.'];
		}
		if (type === 'postcard' && !['4x6', '6x9', '6x11', undefined].includes(body.size as string)) {
			errors.size = ['The selected size is invalid.'];
		}
		if (
			body.handwriting_style_id !== undefined &&
			!HANDWRITING_STYLES.some((s) => s.handwriting_style_id === Number(body.handwriting_style_id))
		) {
			errors.handwriting_style_id = ['The selected handwriting style id is invalid.'];
		}
		if (
			body.notification_emails !== undefined &&
			(typeof body.notification_emails !== 'string' ||
				!body.notification_emails
					.split(',')
					.every((email) => /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(email.trim())))
		) {
			errors.notification_emails = [
				'The notification emails must be email addresses separated by commas.',
			];
		}
		if (
			body.handwriting_color !== undefined &&
			!NAMED_COLORS.has(String(body.handwriting_color)) &&
			!/^#[0-9a-f]{6}$/i.test(String(body.handwriting_color))
		) {
			errors.handwriting_color = ['The handwriting color is invalid.'];
		}
		if (type === 'giftcard') {
			const brand = ALL_BRANDS.find((b) => b.brand_code === body.giftcard_brand);
			if (!brand) errors.giftcard_brand = ['The selected giftcard brand is invalid.'];
			else if (!brand.available_amounts.includes(Number(body.giftcard_amount_in_cents))) {
				errors.giftcard_amount_in_cents = ['The amount is not available for this brand.'];
			}
		}
		if (Object.keys(errors).length) return invalid(errors);
		if (
			body.sub_account !== undefined &&
			!SUB_ACCOUNTS.some((a) => a.id === Number(body.sub_account))
		) {
			return json(400, { message: 'Sub Account ID does not exist' });
		}
		if (body.preview === true) {
			sandbox.bump(this.name, 'previews');
			return json(200, {
				success: true,
				code: 200,
				message: 'OK',
				data: {
					previews: [
						`https://s3.amazonaws.com/cdn.thanks.io/preview/${randomToken('front')}.png`,
						`https://s3.amazonaws.com/cdn.thanks.io/preview/${randomToken('back')}.png`,
					],
				},
			});
		}
		const order = this.placeOrder(type, body, count);
		this.sends.push(req.body ?? {});
		sandbox.bump(this.name, 'mailers sent');
		sandbox.bump(this.name, 'mail pieces', count);
		return json(200, {
			...order,
			recipients: Array.isArray(body.recipients) ? body.recipients : undefined,
		});
	}
}
