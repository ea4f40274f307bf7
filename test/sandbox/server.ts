/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals --
   Test infrastructure, never published: it runs an HTTP server and reads n8n-core's
   internals, which the rules for code running inside n8n Cloud rightly forbid. */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The provider sandbox: one HTTP server on 127.0.0.1 that plays each provider's
 * authorization server and API. Each provider is mounted under its own prefix
 * (`/throughline`, …) so that one server serves them all.
 *
 * Tests read counters and switch faults on through the `Sandbox` object.
 */

export interface SandboxRequest {
	/** The prefix the request came in on: the provider's name, or one of its other `mounts`. */
	mount: string;
	method: string;
	/** Path below the provider prefix, without the query string. */
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	/** Parsed JSON or form body; undefined for other content types. */
	body: Record<string, unknown> | undefined;
	/** A form-encoded body, as sent. */
	form?: URLSearchParams;
}

export interface SandboxResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Raw bytes to send instead of JSON. */
	raw?: Buffer | string;
}

/**
 * - `status`: an answer with `status` (and `headers`) and a JSON message;
 * - `slow`: an answer after `delayMs`;
 * - `malformed`: a 200 whose body is not JSON;
 * - `echo`: a 200 whose body is not JSON and repeats the request's headers, as a
 *   misconfigured proxy's debug page would: secrets included;
 * - `html`: an HTML error page with `status` (default 502), as a load balancer sends;
 * - `drop`: the connection is closed without an answer;
 * - `rateLimit`: the provider's 429 for a wait of `delayMs`, or a 429 with `headers` as given;
 * - `stuckPager`: the request is processed as if it asked for page 1, whatever page it asked for.
 */
export type FaultKind =
	| 'status'
	| 'slow'
	| 'malformed'
	| 'echo'
	| 'html'
	| 'drop'
	| 'rateLimit'
	| 'stuckPager';

export interface Fault {
	provider: string;
	/** "METHOD /path" (path below the provider prefix), or a pattern over it. */
	route: string | RegExp;
	kind: FaultKind;
	/** `before`: answer with the fault instead of processing; `after`: process, then fail. */
	phase?: 'before' | 'after';
	status?: number;
	delayMs?: number;
	headers?: Record<string, string>;
	/** How many requests it applies to (default 1). */
	times?: number;
}

export interface Provider {
	name: string;
	/** Further prefixes it answers on (another host of the same provider). */
	mounts?: string[];
	handle(req: SandboxRequest, sandbox: Sandbox): Promise<SandboxResponse> | SandboxResponse;
	/** Answers a request the provider's rate limit turned away. */
	rateLimited?(retryAfterMs: number): SandboxResponse;
	rateLimit?: { limit: number; windowMs: number };
	/**
	 * Whom the rate limit counts a request against (e.g. its client's IP address), or
	 * undefined for a request it does not count; one count for the provider when omitted.
	 */
	rateLimitKey?(request: {
		method: string;
		path: string;
		remoteAddress: string;
	}): string | undefined;
	reset?(): void;
}

export function json(
	status: number,
	body?: unknown,
	headers?: Record<string, string>,
): SandboxResponse {
	return { status, body, headers };
}

export function randomToken(prefix: string): string {
	return `${prefix}_${randomBytes(18).toString('hex')}`;
}

function parseBody(headers: http.IncomingHttpHeaders, raw: Buffer) {
	const type = String(headers['content-type'] ?? '');
	if (raw.length === 0) return { body: undefined };
	if (type.includes('application/json')) {
		try {
			return { body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> };
		} catch {
			return { body: undefined };
		}
	}
	if (type.includes('application/x-www-form-urlencoded')) {
		const form = new URLSearchParams(raw.toString('utf8'));
		return { body: Object.fromEntries(form.entries()), form };
	}
	return { body: undefined };
}

export class Sandbox {
	private server?: http.Server;
	private readonly providers = new Map<string, Provider>();
	private readonly counters = new Map<string, number>();
	private faults: Fault[] = [];
	private readonly windows = new Map<string, number[]>();
	/** Every request seen, newest last (method, provider, path, headers, raw body, time). */
	readonly log: Array<{
		provider: string;
		mount: string;
		at: number;
		method: string;
		path: string;
		headers: http.IncomingHttpHeaders;
		body: string;
	}> = [];
	url = '';

	/** Providers by every prefix they answer on. */
	private readonly mounts = new Map<string, Provider>();

	constructor(providers: Provider[]) {
		for (const p of providers) {
			this.providers.set(p.name, p);
			for (const mount of [p.name, ...(p.mounts ?? [])]) this.mounts.set(mount, p);
		}
	}

	provider<T extends Provider>(name: string): T {
		return this.providers.get(name) as T;
	}

	async start(port = 0): Promise<string> {
		this.server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				this.dispatch(req, res, Buffer.concat(chunks)).catch((error: Error) => {
					if (!res.headersSent) {
						res.writeHead(500, { 'content-type': 'application/json' });
						res.end(JSON.stringify({ message: `sandbox error: ${error.message}` }));
					}
				});
			});
		});
		this.server.keepAliveTimeout = 1000;
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		const address = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${address.port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	/** Forgets counters, faults, the request log and every provider's state. */
	reset(): void {
		this.counters.clear();
		this.faults = [];
		this.windows.clear();
		this.log.length = 0;
		for (const p of this.providers.values()) p.reset?.();
	}

	/** Requests seen for "provider METHOD /path" (path below the prefix, no query). */
	count(provider: string, route: string): number {
		return this.counters.get(`${provider} ${route}`) ?? 0;
	}

	/** Adds to a named counter (records created, mail sent, token requests…). */
	bump(provider: string, name: string, by = 1): void {
		const key = `${provider} ${name}`;
		this.counters.set(key, (this.counters.get(key) ?? 0) + by);
	}

	inject(fault: Fault): void {
		this.faults.push({ phase: 'before', times: 1, ...fault });
	}

	private takeFault(provider: string, route: string, phase: 'before' | 'after'): Fault | undefined {
		const index = this.faults.findIndex(
			(f) =>
				f.provider === provider &&
				(f.phase ?? 'before') === phase &&
				(typeof f.route === 'string' ? f.route === route : f.route.test(route)),
		);
		if (index === -1) return undefined;
		const fault = this.faults[index];
		fault.times = (fault.times ?? 1) - 1;
		if (fault.times <= 0) this.faults.splice(index, 1);
		return fault;
	}

	private rateLimitWait(provider: Provider, key: string | undefined): number {
		if (!provider.rateLimit || key === undefined) return 0;
		const now = Date.now();
		const { limit, windowMs } = provider.rateLimit;
		const hits = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
		if (hits.length >= limit) {
			this.windows.set(key, hits);
			return hits[0] + windowMs - now;
		}
		hits.push(now);
		this.windows.set(key, hits);
		return 0;
	}

	private async dispatch(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const [, prefix, ...rest] = url.pathname.split('/');
		const provider = this.mounts.get(prefix);
		if (!provider) return this.send(res, json(404, { message: `no provider "${prefix}"` }));
		const path = `/${rest.join('/')}`;
		const method = (req.method ?? 'GET').toUpperCase();
		const route = `${method} ${path}`;
		this.bump(provider.name, route);
		this.log.push({
			provider: provider.name,
			mount: prefix,
			at: Date.now(),
			method,
			path: `${path}${url.search}`,
			headers: req.headers,
			body: raw.toString('utf8'),
		});

		const before = this.takeFault(provider.name, route, 'before');
		if (before?.kind === 'stuckPager') url.searchParams.set('page', '1');
		else if (before) return this.applyFault(res, before, provider, req.headers);

		const remoteAddress = req.socket.remoteAddress ?? '';
		const key = provider.rateLimitKey ? provider.rateLimitKey({ method, path, remoteAddress }) : '';
		const wait = this.rateLimitWait(provider, key === undefined ? key : `${provider.name} ${key}`);
		if (wait > 0 && provider.rateLimited) {
			this.bump(provider.name, 'rate limited');
			return this.send(res, provider.rateLimited(wait));
		}

		const parsed = parseBody(req.headers, raw);
		const answer = await provider.handle(
			{
				mount: prefix,
				method,
				path,
				query: url.searchParams,
				headers: req.headers,
				rawBody: raw,
				...parsed,
			},
			this,
		);
		const after = this.takeFault(provider.name, route, 'after');
		if (after) return this.applyFault(res, after, provider, req.headers);
		this.send(res, answer);
	}

	private async applyFault(
		res: http.ServerResponse,
		fault: Fault,
		provider: Provider,
		headers: http.IncomingHttpHeaders,
	) {
		switch (fault.kind) {
			case 'drop':
				res.socket?.destroy();
				return;
			case 'slow':
				await new Promise((r) => setTimeout(r, fault.delayMs ?? 5000));
				return this.send(res, json(fault.status ?? 504, { message: 'slow answer' }));
			case 'malformed':
				return this.send(res, {
					status: 200,
					raw: '{"this is": not json',
					headers: { 'content-type': 'application/json' },
				});
			case 'echo':
				return this.send(res, {
					status: 200,
					raw: `Proxy debug: request received\n${Object.entries(headers)
						.map(([name, value]) => `${name}: ${String(value)}`)
						.join('\n')}\n`,
					headers: { 'content-type': 'text/plain' },
				});
			case 'html':
				return this.send(res, {
					status: fault.status ?? 502,
					raw: `<!DOCTYPE html>\n<html><head><title>${fault.status ?? 502} Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The upstream server did not answer.</p></body></html>`,
					headers: { 'content-type': 'text/html' },
				});
			case 'rateLimit':
				if (fault.headers) {
					return this.send(res, json(429, { message: 'Too Many Requests' }, fault.headers));
				}
				return this.send(
					res,
					provider.rateLimited?.(fault.delayMs ?? 1000) ??
						json(
							429,
							{ message: 'Too Many Requests' },
							{ 'retry-after': String(Math.ceil((fault.delayMs ?? 1000) / 1000)) },
						),
				);
			case 'status':
			default:
				return this.send(
					res,
					json(fault.status ?? 500, { message: 'Internal Server Error' }, fault.headers),
				);
		}
	}

	private send(res: http.ServerResponse, answer: SandboxResponse) {
		const headers: Record<string, string> = { ...answer.headers };
		let payload: Buffer | string = '';
		if (answer.raw !== undefined) payload = answer.raw;
		else if (answer.body !== undefined) {
			payload = JSON.stringify(answer.body);
			headers['content-type'] ??= 'application/json';
		}
		res.writeHead(answer.status, headers);
		res.end(payload);
	}
}
