import { TokenAuthority } from './oauth';
import type { Provider, Sandbox, SandboxRequest, SandboxResponse } from './server';
import { json, randomToken } from './server';
import { ThinkificAdminRoutes } from './thinkificAdmin';
import { ThinkificCommerce } from './thinkificCommerce';
import type { ThinkificEvent } from './thinkificWebhooks';
import { ThinkificWebhooks } from './thinkificWebhooks';
import { controlBody } from './webhooks';

/**
 * Thinkific as its documentation and public OpenAPI file describe it, mounted at
 * `/thinkific`:
 * - the site's OAuth2 endpoints `/oauth2/authorize` (the consent is granted at
 *   once: 302 to the redirect URI with `code`, `subdomain` and `state`) and
 *   `/oauth2/token` (client id and secret only as a Basic header; grant
 *   `authorization_code`, or `code` as one documentation page writes it, and
 *   `refresh_token`; every refresh rotates the refresh token and the old one then
 *   fails with `invalid_grant`);
 * - the Admin API below `/api/public/v1`, authenticated by a bearer token or by
 *   the `X-Auth-API-Key` + `X-Auth-Subdomain` headers, with users, custom profile
 *   field definitions, enrollments, courses and external orders, the routes of
 *   thinkificAdmin.ts (groups, bundles, course content, instructors, reviews) and
 *   the commerce routes of thinkificCommerce.ts (products, categories, orders,
 *   promotions, coupons), paged by `page` / `limit` (default 25, at most 250) with
 *   `meta.pagination`;
 * - 120 requests per minute, then 429 with `RateLimit-Reset`;
 * - the Webhooks API v2 on both hosts the sources name, mounted at
 *   `/thinkific-api/api/v2` (api.thinkific.com) and `/thinkific-platform/api/v2`
 *   (platform.thinkific.com), sharing one site's webhooks, and signed deliveries
 *   (see thinkificWebhooks.ts);
 * - sandbox controls (not Thinkific's) under `/thinkific/_sandbox/`: `POST events
 *   {topic, payload?, forge?, unsigned?, repeat?, url?}` delivers an event to the
 *   registered webhooks (only the one for `url`, when given), `GET webhooks` lists
 *   them, `POST admin-webhooks {topic, url, signed?}` adds one as the site admin does
 *   (unsigned with `signed: false`), `POST api-key {accepted}` makes the Webhooks API
 *   accept or refuse the API key.
 */

export const THINKIFIC_SUBDOMAIN = 'acme';
export const THINKIFIC_CLIENT = {
	id: 'tk-client-id',
	secret: randomToken('tk_cs'),
};
/** The site's API key; new in every test run. */
export const THINKIFIC_API_KEY = randomToken('tk_key');

const API = '/api/public/v1';
const MAX_LIMIT = 250;
const ROLES = new Set(['affiliate', 'course_admin', 'group_analyst', 'site_admin']);
const ORDER_TYPES = new Set(['one-time', 'subscription', 'payment-plan']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Row = Record<string, unknown>;

export interface ThinkificUser extends Row {
	id: number;
	email: string;
	first_name: string;
	last_name: string;
}

const PROFILE_FIELDS = [
	{ id: 1, label: 'Phone', field_type: 'text', required: false },
	{ id: 2, label: 'Membership Level', field_type: 'text', required: false },
];

type Course = Row & { id: number; name: string; slug: string; product_id: number };

function course(id: number, name: string, productId: number): Course {
	const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	return {
		id,
		name,
		slug,
		product_id: productId,
		subtitle: '',
		description: `${name}, a course`,
		keywords: '',
		course_card_image_url: `https://files.example.com/${slug}.jpg`,
		administrator_user_ids: [],
		chapter_ids: [1, 2],
		reviews_enabled: false,
		user_id: 1,
		instructor_id: 1,
	};
}

function productOf(c: Course): Row & { id: number } {
	return {
		id: c.product_id,
		created_at: '2026-01-01T00:00:00.000Z',
		productable_id: c.id,
		productable_type: 'Course',
		price: 49,
		position: 1,
		status: 'published',
		name: c.name,
		private: false,
		hidden: false,
		subscription: false,
		days_until_expiry: null,
		slug: c.slug,
	};
}

/** The site's courses, each sold as one product. */
function defaultCourses(): Course[] {
	return [
		course(101, 'Intro to Pottery', 201),
		course(102, 'Advanced Glazing', 202),
		course(103, 'Kiln Safety', 203),
	];
}

function isDate(value: unknown): boolean {
	return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function integer(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

export class ThinkificProvider implements Provider {
	name = 'thinkific';
	/** The two hosts named for the Webhooks API v2. */
	mounts = ['thinkific-api', 'thinkific-platform'];
	readonly hooks = new ThinkificWebhooks(
		{ clientSecret: THINKIFIC_CLIENT.secret, apiKey: THINKIFIC_API_KEY },
		'3',
	);
	/** The last event delivered per topic (for `repeat`). */
	private readonly lastEvents = new Map<string, ThinkificEvent>();
	readonly auth = new TokenAuthority('tk', 'bearer', 86399);
	rateLimit = { limit: 120, windowMs: 60_000 };
	/**
	 * How the 429 answer's `RateLimit-Reset` is written: epoch seconds (developer
	 * docs), milliseconds to wait (support site) or seconds to wait (IETF draft).
	 */
	resetReading: 'epochSeconds' | 'millisecondsToWait' | 'secondsToWait' = 'epochSeconds';
	users = new Map<number, ThinkificUser>();
	courses: Course[] = defaultCourses();
	enrollments = new Map<number, Row>();
	externalOrders = new Map<number, Row & { transactions: Row[] }>();
	/** Groups, bundles, course content, instructors and reviews (see thinkificAdmin.ts). */
	readonly admin = new ThinkificAdminRoutes(this);
	/**
	 * Products (the courses' and the bundles'), categories, orders, promotions and
	 * coupons (see thinkificCommerce.ts); made after `admin`, whose bundles are products.
	 */
	readonly commerce = new ThinkificCommerce({
		products: () => this.products,
		page: (req, rows) => this.page(req, rows),
	});
	/** Every authorize request, as received. */
	readonly authorizeRequests: URLSearchParams[] = [];
	private nextUserId = 1;
	private nextEnrollmentId = 1;
	private nextOrderId = 1;

	constructor() {
		this.auth.addClient(THINKIFIC_CLIENT);
	}

	reset(): void {
		this.auth.reset();
		this.hooks.reset();
		this.lastEvents.clear();
		this.rateLimit = { limit: 120, windowMs: 60_000 };
		this.resetReading = 'epochSeconds';
		this.users.clear();
		this.courses = defaultCourses();
		this.enrollments.clear();
		this.externalOrders.clear();
		this.admin.reset();
		this.commerce.reset();
		this.authorizeRequests.length = 0;
		this.nextUserId = 1;
		this.nextEnrollmentId = 1;
		this.nextOrderId = 1;
	}

	/** Adds `count` users (user1@example.com …), as if they had signed up. */
	seedUsers(count: number, extra: (i: number) => Row = () => ({})): ThinkificUser[] {
		const created: ThinkificUser[] = [];
		for (let i = 1; i <= count; i++) {
			created.push(
				this.addUser({
					first_name: `First${i}`,
					last_name: `Last${i}`,
					email: `user${this.nextUserId}@example.com`,
					...extra(i),
				}),
			);
		}
		return created;
	}

	/** Adds `count` courses ("Course 1" …) after the default ones, each with its product. */
	seedCourses(count: number, name: (i: number) => string = (i) => `Course ${i}`): void {
		const start = this.courses.length;
		for (let i = 1; i <= count; i++) {
			this.courses.push(course(1000 + start + i, name(i), 2000 + start + i));
		}
	}

	private get products(): Row[] {
		return [...this.courses.map(productOf), ...this.admin.bundleProducts()];
	}

	rateLimited(retryAfterMs: number): SandboxResponse {
		const reset = {
			epochSeconds: () => String(Math.ceil((Date.now() + retryAfterMs) / 1000)),
			millisecondsToWait: () => String(Math.max(1, Math.ceil(retryAfterMs))),
			secondsToWait: () => String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
		}[this.resetReading]();
		return json(429, { error: 'Rate limit exceeded' }, { 'RateLimit-Reset': reset });
	}

	handle(req: SandboxRequest, sandbox: Sandbox): SandboxResponse | Promise<SandboxResponse> {
		if (req.mount !== this.name) return this.hooks.handle(req, this.webhookAuth(req));
		if (req.path.startsWith('/_sandbox/')) return this.control(req);
		if (req.path === '/oauth2/authorize') return this.authorize(req);
		if (req.path === '/oauth2/token') return this.token(req, sandbox);
		if (!req.path.startsWith(`${API}/`)) return json(404, { error: 'Not found' });
		if (!this.authenticated(req)) return json(401, { error: 'Authentication Error' });
		return this.api(req.method, req.path.slice(API.length), req, sandbox);
	}

	/** An OAuth2 token, or the site's API key, as `Authorization: Bearer`; nothing else. */
	private webhookAuth(req: SandboxRequest): 'token' | 'apiKey' | 'none' {
		const header = String(req.headers.authorization ?? '');
		if (header === `Bearer ${THINKIFIC_API_KEY}`) return 'apiKey';
		return header !== '' && this.auth.bearer(header) ? 'token' : 'none';
	}

	/** Delivers an event of `topic` as Thinkific would (see the class comment). */
	async fire(
		topic: string,
		options: {
			payload?: Record<string, unknown>;
			forge?: boolean;
			unsigned?: boolean;
			repeat?: boolean;
			url?: string;
		} = {},
	) {
		const event =
			options.repeat && this.lastEvents.has(topic)
				? this.lastEvents.get(topic)!
				: this.hooks.event(topic, options.payload);
		// A forgery is not what Thinkific sent: `repeat` sends the last genuine event again.
		if (!options.forge && !options.unsigned) this.lastEvents.set(topic, event);
		return await this.hooks.deliver(event, {
			url: options.url,
			signWith: options.forge ? randomToken('not_the_key') : undefined,
			signature: options.unsigned ? null : undefined,
		});
	}

	private async control(req: SandboxRequest): Promise<SandboxResponse> {
		const body = controlBody(req.body);
		if (req.method === 'GET' && req.path === '/_sandbox/webhooks') {
			return json(200, [...this.hooks.webhooks.values()]);
		}
		if (req.method === 'POST' && req.path === '/_sandbox/admin-webhooks') {
			return json(
				201,
				this.hooks.addAdminWebhook(String(body.topic), String(body.url), {
					signed: body.signed !== false,
				}),
			);
		}
		if (req.method === 'POST' && req.path === '/_sandbox/api-key') {
			this.hooks.apiKeyAccepted = body.accepted !== false;
			return json(200, { accepted: this.hooks.apiKeyAccepted });
		}
		if (req.method === 'POST' && req.path === '/_sandbox/events') {
			const deliveries = await this.fire(String(body.topic ?? 'enrollment.completed'), {
				payload: body.payload as Record<string, unknown> | undefined,
				forge: body.forge === true,
				unsigned: body.unsigned === true,
				repeat: body.repeat === true,
				url: typeof body.url === 'string' ? body.url : undefined,
			});
			return json(200, {
				delivered: deliveries.map((d) => ({ url: d.url, status: d.status, answer: d.answer })),
			});
		}
		return json(404, { error: 'Not found' });
	}

	// ---- OAuth2 -------------------------------------------------------------

	private authorize(req: SandboxRequest): SandboxResponse {
		this.authorizeRequests.push(req.query);
		if (req.method !== 'GET') return json(405, { error: 'invalid_request' });
		const client = this.auth.clients.get(req.query.get('client_id') ?? '');
		const redirectUri = req.query.get('redirect_uri');
		if (!client || !redirectUri) return json(400, { error: 'invalid_client' });
		if (req.query.get('response_type') !== 'code') {
			return json(400, { error: 'unsupported_response_type' });
		}
		let target: URL;
		try {
			target = new URL(redirectUri);
		} catch {
			return json(400, { error: 'invalid_request', error_description: 'Invalid redirect_uri' });
		}
		const code = this.auth.issueCode(client.id, redirectUri);
		target.searchParams.set('code', code);
		target.searchParams.set('subdomain', THINKIFIC_SUBDOMAIN);
		const state = req.query.get('state');
		if (state !== null) target.searchParams.set('state', state);
		return { status: 302, headers: { location: target.toString() } };
	}

	private basicClient(header: unknown): { id: string; secret: string } | undefined {
		const match = /^Basic\s+(\S+)$/i.exec(String(header ?? ''));
		if (!match) return undefined;
		const decoded = Buffer.from(match[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon === -1) return undefined;
		return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
	}

	private token(req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		sandbox.bump(this.name, 'token requests');
		if (req.method !== 'POST') return json(405, { error: 'invalid_request' });
		const body = req.body ?? {};
		if (req.query.has('client_secret') || body.client_secret !== undefined) {
			return json(401, {
				error: 'invalid_client',
				error_description: 'Use Basic authentication for the client credentials',
			});
		}
		const basic = this.basicClient(req.headers.authorization);
		const client = basic ? this.auth.checkClient(basic.id, basic.secret) : undefined;
		if (!client) return json(401, { error: 'invalid_client' });
		const extra = { gid: 'site-gid-0001' };
		if (body.grant_type === 'authorization_code' || body.grant_type === 'code') {
			const code = this.auth.redeemCode(body.code, client.id, body.redirect_uri);
			if (!code) return json(401, { error: 'invalid_grant', error_description: 'Invalid code' });
			sandbox.bump(this.name, 'codes redeemed');
			return json(200, this.auth.issue(client.id, true, extra));
		}
		if (body.grant_type === 'refresh_token') {
			const token = this.auth.rotate(body.refresh_token, client.id, extra);
			if (!token) {
				return json(400, {
					error: 'invalid_grant',
					error_description: 'The refresh token is invalid',
				});
			}
			sandbox.bump(this.name, 'refreshes');
			return json(200, token);
		}
		return json(400, { error: 'unsupported_grant_type' });
	}

	private authenticated(req: SandboxRequest): boolean {
		if (req.headers.authorization) return !!this.auth.bearer(req.headers.authorization);
		return (
			req.headers['x-auth-api-key'] === THINKIFIC_API_KEY &&
			req.headers['x-auth-subdomain'] === THINKIFIC_SUBDOMAIN
		);
	}

	// ---- API ----------------------------------------------------------------

	private api(method: string, path: string, req: SandboxRequest, sandbox: Sandbox) {
		const [resource, id, ...rest] = path.split('/').slice(1);
		const route = `${method} /${[resource, ...(id === undefined ? [] : [':id']), ...rest].join('/')}`;
		const commerce = this.commerce.route(route, id, req, sandbox);
		if (commerce) return commerce;
		switch (route) {
			case 'GET /users':
				return this.page(req, this.filterUsers(req.query));
			case 'POST /users':
				return this.createUser(req.body ?? {}, sandbox);
			case 'GET /users/:id':
				return this.withUser(id, req, (u) => json(200, u));
			case 'PUT /users/:id':
				return this.withUser(id, req, (u) => this.updateUser(u, req.body ?? {}));
			case 'DELETE /users/:id':
				return this.withUser(id, req, (u) => {
					this.users.delete(u.id);
					return { status: 204 };
				});
			case 'GET /custom_profile_field_definitions':
				return this.page(req, PROFILE_FIELDS);
			case 'GET /courses':
				return this.page(req, this.courses);
			case 'GET /courses/:id': {
				const found = this.courses.find((c) => String(c.id) === id);
				return found ? json(200, found) : json(404, { error: 'Record not found.' });
			}
			case 'GET /enrollments':
				return this.page(req, this.filterEnrollments(req.query));
			case 'POST /enrollments':
				return this.createEnrollment(req.body ?? {}, sandbox);
			case 'GET /enrollments/:id': {
				const enrollment = this.enrollments.get(Number(id));
				return enrollment ? json(200, enrollment) : json(404, { error: 'Record not found.' });
			}
			case 'PUT /enrollments/:id': {
				const enrollment = this.enrollments.get(Number(id));
				if (!enrollment) return json(404, { error: 'Record not found.' });
				return this.updateEnrollment(enrollment, req.body ?? {});
			}
			case 'POST /external_orders':
				return this.createOrder(req.body ?? {}, sandbox);
			case 'POST /external_orders/:id/transactions/purchase':
			case 'POST /external_orders/:id/transactions/refund':
				return this.transaction(
					Number(id),
					route.endsWith('refund') ? 'refund' : 'purchase',
					req.body ?? {},
					sandbox,
				);
			default:
				return this.admin.handle(method, path, req, sandbox) ?? json(404, { error: 'Not found' });
		}
	}

	page(req: SandboxRequest, all: Row[]): SandboxResponse {
		const page = integer(req.query.get('page') ?? '1');
		const limit = integer(req.query.get('limit') ?? '25');
		if (page === undefined || page < 1) return json(400, { error: 'page must be 1 or more' });
		if (limit === undefined || limit < 1 || limit > MAX_LIMIT) {
			return json(400, { error: `limit must be between 1 and ${MAX_LIMIT}` });
		}
		const totalPages = Math.max(1, Math.ceil(all.length / limit));
		const items = all.slice((page - 1) * limit, page * limit);
		const first = (page - 1) * limit + 1;
		return json(200, {
			items,
			meta: {
				pagination: {
					current_page: page,
					next_page: page < totalPages ? page + 1 : null,
					prev_page: page > 1 ? page - 1 : null,
					total_pages: totalPages,
					total_items: all.length,
					entries_info: items.length
						? `${first}-${first + items.length - 1} of ${all.length}`
						: `0 of ${all.length}`,
				},
			},
		});
	}

	// ---- users --------------------------------------------------------------

	private addUser(body: Row): ThinkificUser {
		const id = this.nextUserId++;
		const user: ThinkificUser = {
			id,
			created_at: new Date().toISOString(),
			first_name: String(body.first_name),
			last_name: String(body.last_name),
			full_name: `${String(body.first_name)} ${String(body.last_name)}`,
			company: (body.company as string) ?? null,
			email: String(body.email).toLowerCase(),
			roles: (body.roles as string[]) ?? [],
			avatar_url: null,
			bio: (body.bio as string) ?? null,
			headline: (body.headline as string) ?? null,
			affiliate_code: (body.affiliate_code as string) ?? null,
			external_source: (body.external_source as string) ?? null,
			affiliate_commission: (body.affiliate_commission as number) ?? null,
			affiliate_commission_type: (body.affiliate_commission_type as string) ?? '%',
			affiliate_payout_email: (body.affiliate_payout_email as string) ?? null,
			administered_course_ids: [],
			custom_profile_fields: this.profileFields(body.custom_profile_fields),
		};
		Object.defineProperty(user, 'external_id', {
			value: body.external_id,
			writable: true,
			enumerable: false,
		});
		Object.defineProperty(user, 'provider', {
			value: body.external_id === undefined ? undefined : (body.provider ?? 'SSO'),
			enumerable: false,
		});
		Object.defineProperty(user, 'group_ids', {
			value: (body.group_ids as number[]) ?? [],
			enumerable: false,
		});
		this.users.set(id, user);
		return user;
	}

	private profileFields(value: unknown): Row[] {
		if (!Array.isArray(value)) return [];
		return value.map((f: Row, i) => {
			const definition = PROFILE_FIELDS.find((d) => d.id === f.custom_profile_field_definition_id);
			return {
				id: 1000 + i,
				value: String(f.value ?? ''),
				label: definition?.label,
				custom_profile_field_definition_id: f.custom_profile_field_definition_id,
			};
		});
	}

	private validateUser(body: Row, existing?: ThinkificUser): Record<string, string[]> {
		const errors: Record<string, string[]> = {};
		const add = (field: string, reason: string) => (errors[field] ??= []).push(reason);
		for (const field of ['first_name', 'last_name', 'email']) {
			if (existing ? field in body && !body[field] : !body[field]) add(field, "can't be blank");
		}
		if (typeof body.email === 'string' && body.email) {
			if (!EMAIL.test(body.email)) add('email', 'is invalid');
			const taken = [...this.users.values()].some(
				(u) => u.email === String(body.email).toLowerCase() && u.id !== existing?.id,
			);
			if (taken) add('email', 'has already been taken');
		}
		// The Admin API spec: `provider` (SSO, the default, or OPENID_CONNECT) goes with `external_id`.
		if (body.provider !== undefined) {
			if (!['SSO', 'OPENID_CONNECT'].includes(String(body.provider))) add('provider', 'is invalid');
			if (body.external_id === undefined && !existing) {
				add('provider', 'can only be given with an external_id');
			}
		}
		if (body.password !== undefined && String(body.password).length < 6) {
			add('password', 'is too short (minimum is 6 characters)');
		}
		if (body.roles !== undefined) {
			if (!Array.isArray(body.roles) || body.roles.some((r) => !ROLES.has(String(r)))) {
				add('roles', 'is invalid');
			}
		}
		if (body.custom_profile_fields !== undefined) {
			const list = body.custom_profile_fields;
			if (
				!Array.isArray(list) ||
				list.some(
					(f: Row) => !PROFILE_FIELDS.some((d) => d.id === f?.custom_profile_field_definition_id),
				)
			) {
				add('custom_profile_fields', 'is invalid');
			}
		}
		return errors;
	}

	private createUser(body: Row, sandbox: Sandbox): SandboxResponse {
		const errors = this.validateUser(body);
		if (Object.keys(errors).length) return json(422, { errors });
		const user = this.addUser(body);
		sandbox.bump(this.name, 'users created');
		return json(201, user);
	}

	private updateUser(user: ThinkificUser, body: Row): SandboxResponse {
		const errors = this.validateUser(body, user);
		if (Object.keys(errors).length) return json(422, { errors });
		const { custom_profile_fields: fields, external_id, ...rest } = body;
		delete rest.password;
		Object.assign(user, rest);
		if (typeof rest.email === 'string') user.email = rest.email.toLowerCase();
		user.full_name = `${user.first_name} ${user.last_name}`;
		if (external_id !== undefined) (user as Row).external_id = external_id;
		if (fields !== undefined) user.custom_profile_fields = this.profileFields(fields);
		return { status: 204 };
	}

	private withUser(
		id: string | undefined,
		req: SandboxRequest,
		then: (user: ThinkificUser) => SandboxResponse,
	): SandboxResponse {
		const provider = req.query.get('provider');
		const key = decodeURIComponent(id ?? '');
		let user: ThinkificUser | undefined;
		if (provider === 'SSO' || provider === 'OPENID_CONNECT') {
			user = [...this.users.values()].find(
				(u) => (u as Row).external_id === key && ((u as Row).provider ?? 'SSO') === provider,
			);
		} else if (provider !== null) {
			return json(400, { error: 'provider is invalid' });
		} else {
			user = this.users.get(Number(key));
		}
		return user ? then(user) : json(404, { error: 'Record not found.' });
	}

	private filterUsers(query: URLSearchParams): Row[] {
		let list = [...this.users.values()];
		const email = query.get('query[email]');
		if (email) list = list.filter((u) => u.email === email.toLowerCase());
		const role = query.get('query[role]');
		if (role) list = list.filter((u) => (u.roles as string[]).includes(role));
		const source = query.get('query[external_source]');
		if (source) list = list.filter((u) => u.external_source === source);
		const label = query.get('query[custom_profile_field_label]');
		const value = query.get('query[custom_profile_field_value]');
		if (label || value) {
			list = list.filter((u) =>
				(u.custom_profile_fields as Row[]).some((f) => f.label === label && f.value === value),
			);
		}
		const group = query.get('query[group_id]');
		if (group)
			list = list.filter((u) => ((u as Row).group_ids as number[]).includes(Number(group)));
		return list;
	}

	// ---- enrollments ----------------------------------------------------------

	createEnrollment(body: Row, sandbox: Sandbox): SandboxResponse {
		const course = this.courses.find((c) => c.id === body.course_id);
		const user = this.users.get(Number(body.user_id));
		const errors: string[] = [];
		if (!course) errors.push('Course could not be found.');
		if (!user || !Number.isInteger(body.user_id)) errors.push('User could not be found.');
		for (const field of ['activated_at', 'expiry_date']) {
			if (body[field] !== undefined && !isDate(body[field])) errors.push(`${field} is invalid`);
		}
		if (errors.length) return json(422, { errors });
		const id = this.nextEnrollmentId++;
		const now = new Date().toISOString();
		const activatedAt = (body.activated_at as string | undefined) ?? null;
		const enrollment: Row = {
			id,
			user_email: user!.email,
			user_name: user!.full_name,
			user_id: user!.id,
			course_name: course!.name,
			course_id: course!.id,
			percentage_completed: 0,
			expired: false,
			is_free_trial: activatedAt === null,
			completed: false,
			started_at: now,
			activated_at: activatedAt,
			completed_at: null,
			updated_at: now,
			expiry_date: (body.expiry_date as string | undefined) ?? null,
			created_at: now,
		};
		this.enrollments.set(id, enrollment);
		sandbox.bump(this.name, 'enrollments created');
		return json(201, enrollment);
	}

	updateEnrollment(enrollment: Row, body: Row): SandboxResponse {
		const errors: string[] = [];
		for (const field of ['activated_at', 'expiry_date']) {
			if (body[field] !== undefined && body[field] !== null && !isDate(body[field])) {
				errors.push(`${field} is invalid`);
			}
		}
		if (errors.length) return json(422, { errors });
		if (body.activated_at !== undefined) {
			enrollment.activated_at = body.activated_at;
			enrollment.is_free_trial = body.activated_at === null;
		}
		if (body.expiry_date !== undefined) enrollment.expiry_date = body.expiry_date;
		enrollment.expired = Date.parse(String(enrollment.expiry_date)) <= Date.now();
		enrollment.updated_at = new Date().toISOString();
		return { status: 204 };
	}

	filterEnrollments(query: URLSearchParams): Row[] {
		let list = [...this.enrollments.values()];
		const equal: Array<[string, string]> = [
			['query[user_id]', 'user_id'],
			['query[course_id]', 'course_id'],
		];
		for (const [param, field] of equal) {
			const value = query.get(param);
			if (value) list = list.filter((e) => String(e[field]) === value);
		}
		const email = query.get('query[email]');
		if (email) list = list.filter((e) => e.user_email === email.toLowerCase());
		const flags: Array<[string, (e: Row) => boolean]> = [
			['query[completed]', (e) => e.completed === true],
			['query[expired]', (e) => e.expired === true],
			['query[free_trial]', (e) => e.is_free_trial === true],
			['query[full]', (e) => e.is_free_trial === false],
		];
		for (const [param, test] of flags) {
			const value = query.get(param);
			if (value === 'true') list = list.filter(test);
			if (value === 'false') list = list.filter((e) => !test(e));
		}
		const dates: Array<[string, string, (a: number, b: number) => boolean]> = [
			['query[created_after]', 'created_at', (a, b) => a > b],
			['query[created_before]', 'created_at', (a, b) => a < b],
			['query[updated_after]', 'updated_at', (a, b) => a > b],
			['query[updated_before]', 'updated_at', (a, b) => a < b],
		];
		for (const [param, field, compare] of dates) {
			const value = query.get(param);
			if (value)
				list = list.filter((e) => compare(Date.parse(String(e[field])), Date.parse(value)));
		}
		return list;
	}

	// ---- external orders ------------------------------------------------------

	private transactionErrors(transaction: unknown): Record<string, string[]> {
		const errors: Record<string, string[]> = {};
		const t = (transaction ?? {}) as Row;
		if (!Number.isInteger(t.amount) || (t.amount as number) < 0) {
			errors.amount = ['must be a whole number of the smallest currency unit, 0 or more'];
		}
		if (typeof t.currency !== 'string' || !/^[A-Z]{3}$/.test(t.currency)) {
			errors.currency = ['is invalid'];
		}
		return errors;
	}

	private createOrder(body: Row, sandbox: Sandbox): SandboxResponse {
		const errors: Record<string, string[]> = {};
		if (typeof body.payment_provider !== 'string' || body.payment_provider === '') {
			errors.payment_provider = ["can't be blank"];
		}
		if (!this.users.has(Number(body.user_id))) errors.user_id = ['User could not be found.'];
		if (!this.courses.some((c) => c.product_id === body.product_id)) {
			errors.product_id = ['Product could not be found.'];
		}
		if (!ORDER_TYPES.has(String(body.order_type)))
			errors.order_type = ['is not included in the list'];
		if (body.transaction !== undefined) {
			for (const [field, reasons] of Object.entries(this.transactionErrors(body.transaction))) {
				errors[`transaction.${field}`] = reasons;
			}
		}
		if (Object.keys(errors).length) return json(422, { errors });
		const id = this.nextOrderId++;
		const { transaction, ...order } = body;
		this.externalOrders.set(id, {
			id,
			...order,
			transactions: transaction ? [{ action: 'purchase', ...(transaction as Row) }] : [],
		});
		sandbox.bump(this.name, 'external orders created');
		if (transaction) sandbox.bump(this.name, 'transactions recorded');
		return json(201, { id });
	}

	private transaction(id: number, kind: string, body: Row, sandbox: Sandbox): SandboxResponse {
		const order = this.externalOrders.get(id);
		if (!order) return json(404, { error: 'Record not found.' });
		const errors = this.transactionErrors(body);
		if (Object.keys(errors).length) return json(422, { errors });
		order.transactions.push({ ...body, action: body.action ?? kind, kind });
		sandbox.bump(this.name, 'transactions recorded');
		return { status: 200 };
	}
}
