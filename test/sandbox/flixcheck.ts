import { createHmac, timingSafeEqual } from 'node:crypto';

import { FlixcheckWebhooks } from './flixcheckWebhooks';
import { TokenAuthority } from './oauth';
import type { Provider, Sandbox, SandboxRequest, SandboxResponse } from './server';
import { json, randomToken } from './server';
import { controlBody } from './webhooks';

/**
 * Flixcheck as its documentation describes it, mounted at `/flixcheck`:
 *
 * - the portal's consent page `GET /portal/oauth/authorize`, which reads the
 *   camelCase `clientId` and `redirectUri` (and checks that the usual `client_id`
 *   and `redirect_uri`, when sent too, say the same), `scope=readwrite`,
 *   `response_type=code` and a `state`, and grants at once (302 to the redirect URI);
 * - `POST /guest/v7/oauth-tokens`: code exchange and refresh with the client id
 *   and secret in the body. JSON bodies are always accepted; form bodies only
 *   while `acceptFormBodies` is on (the documentation shows JSON, so both
 *   behaviours are possible). Access tokens are signed JWTs that live 60 minutes
 *   on the sandbox's clock; refresh tokens rotate;
 * - API-key authentication (`X-Flixcheck-UserId` + `X-Flixcheck-ApiKey`, and
 *   impersonation by an admin of the same team with `X-Flixcheck-AdminUserId`);
 * - the v7 file routes (`POST /user/v7/temp-files` multipart, then
 *   `POST /user/v7/files?action=generateImagesOfPdf`, `GET /user/v7/files/{id}`),
 *   `POST /user/v7/oauth-codes`, all answering in the `{resource, meta}` envelope;
 * - `GET /user/v7/checks`, the user's checks newest first, in the same envelope: a
 *   guess from v7's naming, as no document names a route that lists checks;
 * - the deprecated v1 check routes (`POST /api/v1/portal/check`, `GET`/`PUT
 *   /api/v1/portal/check/{id}`, `GET /api/v1/portal/check/{id}/pdf`) and
 *   `GET /api/v1/portal/user/{id}`, with their v1 answer shapes. Flixcheck's
 *   JavaScript SDK sends them to `https://api.flixcheck.com` since 2020 and sent
 *   them to `https://www.flixcheck.de` before: they are served on this mount and
 *   on `/flixcheck-www`, which serves nothing else;
 * - webhooks, configured in the portal only, and their calls (see
 *   flixcheckWebhooks.ts); sandbox controls (not Flixcheck's) under
 *   `/flixcheck/_sandbox/`: `POST webhooks {url, events, headers, customBody?,
 *   customContentType?, failureThreshold?}` plays the administrator in Settings →
 *   Webhooks, `POST events {event, content?, to?,
 *   withoutHeaders?, repeat?}` sends a notification (to the portal's webhooks with
 *   that event, or only the one whose URL is `to`), `POST validations {value}`
 *   sends a validation event and returns what Flixcheck read from the answer.
 */

/** A webhook secret for tests: the header and value an administrator adds in the portal. */
export const FLIXCHECK_WEBHOOK_SECRET = {
	headerName: 'X-Flixcheck-Webhook-Secret',
	secret: randomToken('fc_whs'),
};

export const FLIXCHECK_CLIENT = {
	id: 'fc-client-id',
	secret: randomToken('fc_cs'),
	redirectUris: ['http://127.0.0.1:5678/rest/oauth2-credential/callback'],
};

interface ApiUser {
	id: string;
	apiKey: string;
	team: string;
	admin: boolean;
	firstname: string;
	lastname: string;
}

/** API users; the keys are new in every test run. */
export const FLIXCHECK_USERS = {
	agent: {
		id: 'user-agent-1',
		apiKey: randomToken('fc_key'),
		team: 'team-a',
		admin: false,
		firstname: 'Anna',
		lastname: 'Agent',
	},
	admin: {
		id: 'user-admin-1',
		apiKey: randomToken('fc_key'),
		team: 'team-a',
		admin: true,
		firstname: 'Adam',
		lastname: 'Admin',
	},
	outsider: {
		id: 'user-other-team',
		apiKey: randomToken('fc_key'),
		team: 'team-b',
		admin: false,
		firstname: 'Otto',
		lastname: 'Other',
	},
} satisfies Record<string, ApiUser>;

/** The portal user who grants access on the consent page. */
export const FLIXCHECK_CONSENTING_USER = FLIXCHECK_USERS.agent.id;

const JWT_LIFETIME_SECONDS = 3600;

export interface StoredCheck {
	id: string;
	code: string;
	answerLink: string;
	createdBy: string;
	recipient: Record<string, unknown>;
	subject: string;
	sendBy: string;
	elements: unknown[];
	sendOptions?: unknown;
	notes: string;
	status: string;
	created: string;
}

interface StoredFile {
	id: string;
	owner: string;
	filename: string;
	mime: string;
	size: number;
	bytes: Buffer;
	created: string;
}

function base64url(value: Buffer | string): string {
	return Buffer.from(value).toString('base64url');
}

/** Splits a multipart/form-data body into its parts. */
function parseMultipart(
	contentType: string,
	raw: Buffer,
): Array<{ name?: string; filename?: string; type?: string; data: Buffer }> | undefined {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!match) return undefined;
	const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
	const parts: Array<{ name?: string; filename?: string; type?: string; data: Buffer }> = [];
	let start = raw.indexOf(boundary);
	if (start === -1) return undefined;
	for (;;) {
		start += boundary.length;
		if (raw.subarray(start, start + 2).toString() === '--') break;
		start += 2; // CRLF after the boundary
		const headerEnd = raw.indexOf('\r\n\r\n', start);
		if (headerEnd === -1) return undefined;
		const headers = raw.subarray(start, headerEnd).toString('utf8');
		const next = raw.indexOf(boundary, headerEnd + 4);
		if (next === -1) return undefined;
		const data = raw.subarray(headerEnd + 4, next - 2); // CRLF before the boundary
		parts.push({
			name: /name="([^"]*)"/i.exec(headers)?.[1],
			filename: /filename="([^"]*)"/i.exec(headers)?.[1],
			type: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim(),
			data,
		});
		start = next;
	}
	return parts;
}

export class FlixcheckProvider implements Provider {
	name = 'flixcheck';
	/** The older www host, for the v1 routes only. */
	mounts = ['flixcheck-www'];
	readonly auth = new TokenAuthority('fc', 'Bearer', JWT_LIFETIME_SECONDS);
	readonly users = new Map<string, ApiUser>(Object.values(FLIXCHECK_USERS).map((u) => [u.id, u]));
	readonly checks = new Map<string, StoredCheck>();
	readonly files = new Map<string, StoredFile>();
	private readonly tempFiles = new Map<string, StoredFile>();
	private readonly jwtSecret = randomToken('fc_jwt_secret');
	private nextId = 1;
	readonly hooks = new FlixcheckWebhooks();
	/** Whether the token endpoint also takes form-encoded bodies (JSON is always taken). */
	acceptFormBodies = true;
	/** Seconds added to the real clock: moving it forward lets JWTs expire. */
	clockOffsetSeconds = 0;

	constructor() {
		this.auth.addClient(FLIXCHECK_CLIENT);
	}

	reset(): void {
		this.auth.reset();
		this.hooks.reset();
		this.checks.clear();
		this.files.clear();
		this.tempFiles.clear();
		this.acceptFormBodies = true;
		this.clockOffsetSeconds = 0;
	}

	/** The sandbox's clock, in seconds. */
	now(): number {
		return Math.floor(Date.now() / 1000) + this.clockOffsetSeconds;
	}

	/** Moves the clock past the lifetime of every JWT issued so far. */
	expireJwts(): void {
		this.clockOffsetSeconds += JWT_LIFETIME_SECONDS + 1;
	}

	signJwt(payload: Record<string, unknown>): string {
		const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
		const body = base64url(JSON.stringify(payload));
		const signature = createHmac('sha256', this.jwtSecret).update(`${head}.${body}`).digest();
		return `${head}.${body}.${base64url(signature)}`;
	}

	/** The payload of a JWT this sandbox signed, or why it is refused. */
	verifyJwt(token: string): { payload?: Record<string, unknown>; problem?: string } {
		const [head, body, signature] = token.split('.');
		if (!head || !body || !signature) return { problem: 'jwt malformed' };
		const expected = createHmac('sha256', this.jwtSecret).update(`${head}.${body}`).digest();
		const given = Buffer.from(signature, 'base64url');
		if (given.length !== expected.length || !timingSafeEqual(given, expected))
			return { problem: 'invalid signature' };
		const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<
			string,
			unknown
		>;
		if (typeof payload.exp !== 'number' || payload.exp <= this.now())
			return { problem: 'jwt expired' };
		return { payload };
	}

	private async control(req: SandboxRequest): Promise<SandboxResponse> {
		const body = controlBody(req.body);
		if (req.method === 'POST' && req.path === '/_sandbox/webhooks') {
			try {
				return json(
					201,
					this.hooks.configure({
						url: String(body.url),
						events: Array.isArray(body.events) ? body.events.map(String) : ['all'],
						headers: (body.headers as Record<string, string>) ?? {},
						customBody: typeof body.customBody === 'string' ? body.customBody : undefined,
						customContentType:
							typeof body.customContentType === 'string' ? body.customContentType : undefined,
						failureThreshold:
							typeof body.failureThreshold === 'number' ? body.failureThreshold : undefined,
					}),
				);
			} catch (error) {
				return json(422, { message: (error as Error).message });
			}
		}
		if (req.method === 'POST' && req.path === '/_sandbox/events') {
			const deliveries = await this.hooks.fire(String(body.event ?? 'checkAnswered'), {
				content: body.content as Record<string, unknown> | undefined,
				to: typeof body.to === 'string' ? body.to : undefined,
				withoutHeaders: body.withoutHeaders === true,
				repeat: body.repeat === true,
			});
			return json(200, {
				delivered: deliveries.map((d) => ({ url: d.url, status: d.status, answer: d.answer })),
			});
		}
		if (req.method === 'POST' && req.path === '/_sandbox/validations') {
			return json(200, { validations: await this.hooks.validate(String(body.value ?? '')) });
		}
		return json(404, { message: 'Not found' });
	}

	handle(req: SandboxRequest, sandbox: Sandbox): SandboxResponse | Promise<SandboxResponse> {
		if (req.mount === 'flixcheck' && req.path.startsWith('/_sandbox/')) return this.control(req);
		if (req.mount === 'flixcheck-www' && !req.path.startsWith('/api/v1/portal/'))
			return json(404, { message: 'Not found' });
		if (req.path === '/portal/oauth/authorize') return this.consent(req);
		if (req.path === '/guest/v7/oauth-tokens') return this.token(req, sandbox);
		if (!req.path.startsWith('/user/v7/') && !req.path.startsWith('/api/v1/portal/'))
			return json(404, { message: 'Not found' });
		const who = this.authenticate(req);
		if (who.status) return json(who.status, { message: who.message });
		const userId = who.userId!;
		sandbox.bump(this.name, `requests by ${userId}`);

		if (req.method === 'POST' && req.path === '/user/v7/temp-files')
			return this.uploadTemp(req, userId);
		if (req.method === 'POST' && req.path === '/user/v7/files') return this.createFile(req, userId);
		const file = /^\/user\/v7\/files\/([^/]+)$/.exec(req.path);
		if (req.method === 'GET' && file) {
			const found = this.files.get(decodeURIComponent(file[1]));
			if (!found || found.owner !== userId) return json(404, { message: 'File not found' });
			return json(200, { resource: this.describeFile(found), meta: {} });
		}
		if (req.method === 'POST' && req.path === '/user/v7/oauth-codes') {
			const clientId = (req.body?.resource as { clientId?: unknown } | undefined)?.clientId;
			if (typeof clientId !== 'string' || !this.auth.clients.has(clientId))
				return json(400, { message: 'resource.clientId is not a known OAuth client' });
			return json(200, { resource: { code: this.auth.issueCode(clientId) }, meta: {} });
		}

		// Unconfirmed: no document names a route that lists checks (see the node's transport).
		if (req.method === 'GET' && req.path === '/user/v7/checks') {
			const own = [...this.checks.values()].filter((c) => c.createdBy === userId).reverse();
			return json(200, { resource: own, meta: { total: own.length } });
		}
		if (req.method === 'POST' && req.path === '/api/v1/portal/check')
			return this.createCheck(req, userId, sandbox);
		const user = /^\/api\/v1\/portal\/user\/([^/]+)$/.exec(req.path);
		if (req.method === 'GET' && user) {
			const found = this.users.get(decodeURIComponent(user[1]));
			if (!found || found.id !== userId) return json(404, { message: 'User not found' });
			return json(200, {
				user: { id: found.id, firstname: found.firstname, lastname: found.lastname },
			});
		}
		const check = /^\/api\/v1\/portal\/check\/([^/]+)(\/pdf)?$/.exec(req.path);
		if (check) {
			const found = this.checks.get(decodeURIComponent(check[1]));
			if (!found || found.createdBy !== userId) return json(404, { message: 'Check not found' });
			if (req.method === 'GET' && check[2]) return this.checkPdf(found, req);
			if (req.method === 'GET') return json(200, { check: found });
			if (req.method === 'PUT' && !check[2]) {
				const update = req.body?.check as Record<string, unknown> | undefined;
				if (!update || typeof update !== 'object')
					return json(400, { message: 'Body must be {check: {...}}' });
				if (update.notes !== undefined) {
					if (typeof update.notes !== 'string')
						return json(400, { message: 'check.notes must be a string' });
					found.notes = update.notes;
				}
				sandbox.bump(this.name, 'checks updated');
				return json(200, {});
			}
		}
		return json(404, { message: 'Not found' });
	}

	/** Who is acting: the JWT's user, or the API key's user (or the impersonated one). */
	private authenticate(req: SandboxRequest): {
		userId?: string;
		status?: number;
		message?: string;
	} {
		const authorization = req.headers.authorization;
		if (authorization) {
			const match = /^Bearer\s+(\S+)$/i.exec(String(authorization));
			if (!match) return { status: 401, message: 'Unsupported authorization' };
			const { payload, problem } = this.verifyJwt(match[1]);
			if (!payload) return { status: 401, message: problem };
			return { userId: String(payload.sub) };
		}
		const userId = req.headers['x-flixcheck-userid'];
		const apiKey = req.headers['x-flixcheck-apikey'];
		const adminId = req.headers['x-flixcheck-adminuserid'];
		if (typeof userId !== 'string' || typeof apiKey !== 'string')
			return { status: 401, message: 'Not authenticated' };
		const target = this.users.get(userId);
		if (adminId !== undefined) {
			const admin = typeof adminId === 'string' ? this.users.get(adminId) : undefined;
			if (!admin || admin.apiKey !== apiKey) return { status: 401, message: 'Invalid API key' };
			if (!admin.admin || !target || target.team !== admin.team)
				return { status: 403, message: 'Impersonation of this user is not allowed' };
			return { userId: target.id };
		}
		if (!target || target.apiKey !== apiKey) return { status: 401, message: 'Invalid API key' };
		return { userId: target.id };
	}

	private consent(req: SandboxRequest): SandboxResponse {
		if (req.method !== 'GET') return json(405, { message: 'Method not allowed' });
		const q = req.query;
		const clientId = q.get('clientId');
		const redirectUri = q.get('redirectUri');
		const problems: string[] = [];
		if (!clientId) problems.push('clientId is missing');
		if (!redirectUri) problems.push('redirectUri is missing');
		if (q.has('client_id') && q.get('client_id') !== clientId)
			problems.push('client_id differs from clientId');
		if (q.has('redirect_uri') && q.get('redirect_uri') !== redirectUri)
			problems.push('redirect_uri differs from redirectUri');
		if (q.get('response_type') !== 'code') problems.push('response_type must be code');
		if (q.get('scope') !== 'readwrite') problems.push('scope must be readwrite');
		if (!q.get('state')) problems.push('state is missing');
		const client = clientId ? this.auth.clients.get(clientId) : undefined;
		if (clientId && !client) problems.push('unknown clientId');
		if (client && redirectUri && !client.redirectUris?.includes(redirectUri))
			problems.push('redirectUri is not registered for this client');
		if (problems.length) {
			return {
				status: 400,
				raw: `<html><body>Flixcheck cannot grant access: ${problems.join(', ')}</body></html>`,
				headers: { 'content-type': 'text/html' },
			};
		}
		const code = this.auth.issueCode(clientId!, redirectUri!);
		const target = new URL(redirectUri!);
		target.searchParams.set('code', code);
		target.searchParams.set('state', q.get('state')!);
		return { status: 302, headers: { location: target.toString() } };
	}

	private issueTokens(clientId: string, refreshToken?: unknown) {
		const pair =
			refreshToken === undefined
				? this.auth.issue(clientId, true)
				: this.auth.rotate(refreshToken, clientId);
		if (!pair) return undefined;
		const iat = this.now();
		return {
			access_token: this.signJwt({
				sub: FLIXCHECK_CONSENTING_USER,
				cid: clientId,
				scope: 'readwrite',
				iat,
				exp: iat + JWT_LIFETIME_SECONDS,
			}),
			refresh_token: pair.refresh_token,
			expires_in: JWT_LIFETIME_SECONDS,
		};
	}

	private token(req: SandboxRequest, sandbox: Sandbox): SandboxResponse {
		sandbox.bump(this.name, 'token requests');
		if (req.method !== 'POST') return json(405, { message: 'Method not allowed' });
		const type = String(req.headers['content-type'] ?? '');
		const isJson = type.includes('application/json');
		const isForm = type.includes('application/x-www-form-urlencoded');
		if (!isJson && !(isForm && this.acceptFormBodies)) {
			return json(415, {
				error: 'invalid_request',
				error_description: 'The token request body must be JSON',
			});
		}
		sandbox.bump(this.name, isJson ? 'token requests as JSON' : 'token requests as form');
		if (req.headers.authorization) {
			return json(400, {
				error: 'invalid_client',
				error_description: 'Send client_id and client_secret in the body',
			});
		}
		const body = req.body ?? {};
		const client = this.auth.checkClient(body.client_id, body.client_secret);
		if (!client) return json(401, { error: 'invalid_client' });
		if (body.grant_type === 'authorization_code') {
			const redeemed = this.auth.redeemCode(body.code, client.id, body.redirect_uri);
			if (!redeemed) return json(400, { error: 'invalid_grant' });
			return json(200, this.issueTokens(client.id));
		}
		if (body.grant_type === 'refresh_token') {
			const tokens = this.issueTokens(client.id, body.refresh_token);
			if (!tokens) return json(400, { error: 'invalid_grant' });
			sandbox.bump(this.name, 'refreshes');
			return json(200, tokens);
		}
		return json(400, { error: 'unsupported_grant_type' });
	}

	private describeFile(file: StoredFile) {
		return {
			id: file.id,
			filename: file.filename,
			mime: file.mime,
			size: file.size,
			created: file.created,
			isThumb: false,
			publiclyAccessible: false,
			...(file.mime === 'application/pdf'
				? { pdfInfo: { nrOfPages: 1, signed: false, fields: [], imagesGenerationFailed: false } }
				: {}),
		};
	}

	private uploadTemp(req: SandboxRequest, userId: string): SandboxResponse {
		const type = String(req.headers['content-type'] ?? '');
		if (!type.startsWith('multipart/form-data'))
			return json(400, { message: 'Expected multipart/form-data' });
		const parts = parseMultipart(type, req.rawBody);
		const part = parts?.find((p) => p.name === 'file');
		if (!part || part.filename === undefined)
			return json(400, { message: 'The form field "file" with a file is required' });
		const id = `tmp-${this.nextId++}`;
		const jwt = this.signJwt({ tmp: id, sub: userId, exp: this.now() + 3600 });
		this.tempFiles.set(jwt, {
			id,
			owner: userId,
			filename: part.filename,
			mime: part.type ?? 'application/octet-stream',
			size: part.data.length,
			bytes: Buffer.from(part.data),
			created: new Date().toISOString(),
		});
		return json(200, { resource: jwt });
	}

	private createFile(req: SandboxRequest, userId: string): SandboxResponse {
		const jwt = req.body?.jwt;
		const temp = typeof jwt === 'string' ? this.tempFiles.get(jwt) : undefined;
		if (!temp || temp.owner !== userId || !this.verifyJwt(String(jwt)).payload)
			return json(400, { message: 'Unknown or expired temp file jwt' });
		const action = req.query.get('action');
		if (action !== null && action !== 'generateImagesOfPdf')
			return json(400, { message: `Unknown action ${action}` });
		if (action === 'generateImagesOfPdf' && temp.mime !== 'application/pdf')
			return json(400, { message: 'generateImagesOfPdf needs a PDF' });
		this.tempFiles.delete(String(jwt));
		const file: StoredFile = { ...temp, id: randomToken('file').slice(5, 29) };
		this.files.set(file.id, file);
		return json(200, {
			resource: this.describeFile(file),
			meta: { isSignedPdf: false },
		});
	}

	private createCheck(req: SandboxRequest, userId: string, sandbox: Sandbox): SandboxResponse {
		const check = req.body?.check as Record<string, unknown> | undefined;
		if (!check || typeof check !== 'object')
			return json(400, { message: 'Body must be {check: {...}, sendOptions}' });
		const recipient = (check.recipient ?? {}) as Record<string, unknown>;
		const sendBy = check.sendBy;
		if (sendBy !== 'sms' && sendBy !== 'email')
			return json(400, { message: 'check.sendBy must be sms or email' });
		if (sendBy === 'sms' && !recipient.mobile)
			return json(400, { message: 'recipient.mobile is required for sms' });
		if (sendBy === 'email' && !recipient.email)
			return json(400, { message: 'recipient.email is required for email' });
		const personal = ['gender', 'firstname', 'lastname'].some((k) => recipient[k]);
		if (personal && recipient.informally === true && (!recipient.lastname || !recipient.gender))
			return json(400, { message: 'recipient.lastname and gender are required' });
		if (!personal && !recipient.name)
			return json(400, { message: 'recipient.name is required for a neutral check' });
		if (typeof check.subject !== 'string' || check.subject === '')
			return json(400, { message: 'check.subject is required' });
		if (!Array.isArray(check.elements))
			return json(400, { message: 'check.elements must be an array' });
		for (const element of check.elements as Array<Record<string, unknown>>) {
			const fileId = element?.fileId;
			if (fileId !== undefined && !this.files.has(String(fileId)))
				return json(400, { message: `Unknown fileId ${String(fileId)}` });
		}
		const id = randomToken('chk').slice(4, 28);
		const code = String(100000 + this.nextId++);
		const stored: StoredCheck = {
			id,
			code,
			answerLink: `https://app.flixcheck.com/a/${code}`,
			createdBy: userId,
			recipient,
			subject: check.subject,
			sendBy,
			elements: check.elements,
			sendOptions: req.body?.sendOptions,
			notes: '',
			status: 'sent',
			created: new Date().toISOString(),
		};
		this.checks.set(id, stored);
		sandbox.bump(this.name, 'checks sent');
		return json(200, { id, code, answerLink: stored.answerLink });
	}

	private checkPdf(check: StoredCheck, req: SandboxRequest): SandboxResponse {
		const options = ['bigPictures', 'withEvents', 'withOtherPdfs']
			.map((k) => `${k}=${req.query.get(k) ?? 'false'}`)
			.join(' ');
		const pdf = Buffer.from(
			`%PDF-1.4\n% Flixcheck check ${check.id}: ${check.subject} (${options})\n%%EOF\n`,
			'utf8',
		);
		return { status: 200, raw: pdf, headers: { 'content-type': 'application/pdf' } };
	}
}
