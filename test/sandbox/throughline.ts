import { TokenAuthority } from './oauth';
import type { Provider, Sandbox, SandboxRequest, SandboxResponse } from './server';
import { json, randomToken } from './server';

/**
 * ThroughLine as its documentation describes it: client-credentials tokens from
 * `POST /oauth/token` (form body only, client id and secret in the body, never a
 * Basic header), two-hour tokens without refresh tokens, and the v1 API for
 * countries, topics, helplines and events. Mounted at `/throughline`.
 */

/** The registered client; its secret is new in every test run. */
export const THROUGHLINE_CLIENT = { id: 'tl-client-id', secret: randomToken('tl_cs') };

const COUNTRIES = [
	{ name: 'United States', code: 'US', emergencyNumber: '911' },
	{ name: 'New Zealand', code: 'NZ', emergencyNumber: '111' },
	{ name: 'United Kingdom', code: 'GB', emergencyNumber: '999' },
	{ name: 'Australia', code: 'AU', emergencyNumber: '000' },
	{ name: 'Canada', code: 'CA', emergencyNumber: '911' },
];

const TOPICS = [
	{ name: 'Suicidal thoughts', code: 'suicidal-thoughts' },
	{ name: 'Anxiety', code: 'anxiety' },
	{ name: 'Depression', code: 'depression' },
	{ name: 'Abuse & domestic violence', code: 'abuse-domestic-violence' },
	{ name: 'Substance use', code: 'substance-use' },
];

export interface Helpline {
	id: string;
	name: string;
	description: string;
	website: string;
	country: { code: string; name: string };
	timezone: string;
	topics: string[];
	phoneNumber: string;
	smsNumber: string | null;
	webChatUrl: string | null;
	whatsappUrl: string | null;
	priority: boolean;
}

function buildHelplines(): Helpline[] {
	const list: Helpline[] = [];
	for (const country of COUNTRIES) {
		// Each country has a priority set of three (the set that must be shown whole)
		// and ten further helplines, spread over the topics.
		for (let i = 0; i < 13; i++) {
			const topicA = TOPICS[i % TOPICS.length];
			const topicB = TOPICS[(i + 2) % TOPICS.length];
			list.push({
				id: `${country.code.toLowerCase()}-${i + 1}`,
				name: `${country.name} Helpline ${i + 1}`,
				description: `Support line ${i + 1} in ${country.name}`,
				website: `https://help-${country.code.toLowerCase()}-${i + 1}.example.org`,
				country: { code: country.code, name: country.name },
				timezone: 'UTC',
				topics: [topicA.name, topicB.name],
				phoneNumber: `+1000000${i}`,
				smsNumber: i % 2 ? `+2000000${i}` : null,
				webChatUrl: i % 3 ? null : `https://chat.example.org/${country.code}/${i}`,
				whatsappUrl: null,
				priority: i < 3,
			});
		}
	}
	return list;
}

const CONTACT_METHODS = new Set(['phone', 'sms', 'webChat', 'website', 'whatsapp']);

export class ThroughLineProvider implements Provider {
	name = 'throughline';
	readonly auth = new TokenAuthority('tl', 'Bearer', 7200);
	readonly helplines = buildHelplines();
	readonly events: Array<Record<string, unknown>> = [];
	rateLimit = { limit: 30, windowMs: 1000 };

	constructor() {
		this.auth.addClient(THROUGHLINE_CLIENT);
	}

	reset(): void {
		this.auth.reset();
		this.events.length = 0;
		this.rateLimit = { limit: 30, windowMs: 1000 };
	}

	/**
	 * 30 calls a second per IP address, as ThroughLine states, for API calls; the
	 * token endpoint is another host (api.findahelpline.com) and is not counted.
	 */
	rateLimitKey({ path, remoteAddress }: { path: string; remoteAddress: string }) {
		return path.startsWith('/v1/') ? remoteAddress : undefined;
	}

	rateLimited(retryAfterMs: number): SandboxResponse {
		return json(
			429,
			{ error: 'Too Many Requests' },
			{ 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
		);
	}

	handle(req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		if (req.path === '/oauth/token') return this.token(req, sandbox);
		if (!req.path.startsWith('/v1/')) return json(404, { error: 'Not found' });
		// Every API call counts against the customer's daily quota (1,000 a day).
		sandbox.bump(this.name, 'api calls');
		if (!this.auth.bearer(req.headers.authorization)) {
			return json(401, {
				error: 'invalid_token',
				error_description: 'The access token is invalid or has expired',
			});
		}
		const path = req.path.slice(3);
		if (req.method === 'GET' && path === '/countries') return json(200, { countries: COUNTRIES });
		if (req.method === 'GET' && path === '/topics') return json(200, { topics: TOPICS });
		if (req.method === 'GET' && path === '/helplines') return this.search(req, sandbox);
		const one = /^\/helplines\/([^/]+)$/.exec(path);
		if (req.method === 'GET' && one) {
			const helpline = this.helplines.find((h) => h.id === decodeURIComponent(one[1]));
			return helpline ? json(200, { helpline }) : json(404, { error: 'Helpline not found' });
		}
		const event = /^\/events\/(helpline_display|helpline_click)$/.exec(path);
		if (req.method === 'POST' && event) return this.event(event[1], req, sandbox);
		return json(404, { error: 'Not found' });
	}

	private token(req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		sandbox.bump(this.name, 'token requests');
		if (req.method !== 'POST') return json(405, { error: 'invalid_request' });
		if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
			return json(400, { error: 'invalid_request', error_description: 'Use a form-encoded body' });
		}
		if (req.headers.authorization) {
			return json(401, {
				error: 'invalid_client',
				error_description: 'Send the client credentials in the body',
			});
		}
		if (req.query.has('client_secret')) {
			return json(400, {
				error: 'invalid_request',
				error_description: 'The secret must not be in the URL',
			});
		}
		const body = req.body ?? {};
		if (body.grant_type !== 'client_credentials')
			return json(400, { error: 'unsupported_grant_type' });
		const client = this.auth.checkClient(body.client_id, body.client_secret);
		if (!client) return json(401, { error: 'invalid_client' });
		return json(200, this.auth.issue(client.id, false, { scope: 'public' }));
	}

	private search(req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		const code = (req.query.get('country_code') ?? '').toUpperCase();
		sandbox.bump(this.name, 'helpline searches');
		if (!COUNTRIES.some((c) => c.code === code))
			return json(400, { error: `Unknown country_code "${code}"` });
		const limitText = req.query.get('limit');
		const limit = limitText === null ? undefined : Number(limitText);
		if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 100)) {
			return json(400, { error: 'limit must be between 1 and 100' });
		}
		// The documented example passes the topic's name (`topic=suicidal%20thoughts`), in any
		// case; whether a code is accepted is not documented, so it is not.
		const topicName = req.query.get('topic');
		const topic = topicName
			? TOPICS.find((t) => t.name.toLowerCase() === topicName.trim().toLowerCase())
			: undefined;
		if (topicName && !topic) return json(400, { error: `Unknown topic "${topicName}"` });
		let found = this.helplines.filter((h) => h.country.code === code);
		if (topic) found = found.filter((h) => h.topics.includes(topic.name));
		if (req.query.get('priority_only') === 'true') {
			return json(200, { helplines: found.filter((h) => h.priority) });
		}
		return json(200, { helplines: found.slice(0, limit ?? 25) });
	}

	private event(kind: string, req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		const body = req.body ?? {};
		if (!this.helplines.some((h) => h.id === body.helpline_id))
			return json(422, { error: 'Unknown helpline_id' });
		if (typeof body.session_id !== 'string' || body.session_id === '')
			return json(422, { error: 'session_id is required' });
		if (typeof body.timestamp !== 'string' || Number.isNaN(Date.parse(body.timestamp))) {
			return json(422, { error: 'timestamp must be an ISO 8601 date' });
		}
		if (kind === 'helpline_click' && !CONTACT_METHODS.has(String(body.contact_method))) {
			return json(422, { error: 'contact_method is invalid' });
		}
		this.events.push({ kind, ...body });
		sandbox.bump(this.name, 'events recorded');
		return json(201, { success: true });
	}
}
