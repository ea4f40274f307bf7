/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error --
   End-to-end tooling, never published: it installs, starts and drives n8n servers,
   which the rules for code running inside n8n Cloud rightly forbid. */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import type { N8nInstall } from './install';

/**
 * Starts one n8n server (SQLite, loopback only) and talks to it through its own
 * REST API, the way the editor does: owner set-up, the `n8n-auth` cookie,
 * credentials, the OAuth2 connect flow, workflows, executions and dropdowns.
 */

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export function sleepMs(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ServerOptions {
	userFolder: string;
	port: number;
	logFile: string;
	/** Extra environment (N8N_DEV_RELOAD, N8N_LOG_LEVEL, …). */
	env?: Record<string, string>;
	/** Print n8n's output to this console as well as to the log file. */
	echo?: boolean;
	/** `n8n start` (default), or `n8n worker` with these arguments (queue mode). */
	worker?: { args: string[]; healthPort: number };
	/** Arguments for Node.js before n8n's script (such as `--cpu-prof`). */
	nodeArgs?: string[];
}

/** The environment that keeps n8n on loopback and quiet about the outside world. */
export function n8nEnvironment(install: N8nInstall, options: ServerOptions, brokerPort: number) {
	const url = `http://127.0.0.1:${options.port}`;
	return {
		...process.env,
		PATH: `${path.dirname(install.node)}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: url,
		WEBHOOK_URL: `${url}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_LEVEL: 'info',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '4',
		GENERIC_TIMEZONE: 'UTC',
		...install.env,
		...options.env,
	};
}

export class N8nServer {
	private child?: ChildProcess;
	private exited = false;
	readonly url: string;

	constructor(
		readonly install: N8nInstall,
		readonly options: ServerOptions,
	) {
		this.url = `http://127.0.0.1:${options.port}`;
	}

	async start(timeoutMs = 240000): Promise<void> {
		// A server stopped before may be started again (with other options).
		this.exited = false;
		mkdirSync(this.options.userFolder, { recursive: true });
		const brokerPort = await freePort();
		const log = openSync(this.options.logFile, 'a');
		const env = n8nEnvironment(this.install, this.options, brokerPort);
		const command = this.options.worker ? ['worker', ...this.options.worker.args] : ['start'];
		const args = [...(this.options.nodeArgs ?? []), this.install.bin, ...command];
		this.child = spawn(this.install.node, args, {
			cwd: this.options.userFolder,
			env,
			stdio: ['ignore', this.options.echo ? 'pipe' : log, this.options.echo ? 'pipe' : log],
		});
		if (this.options.echo) {
			this.child.stdout!.on('data', (chunk: Buffer) => {
				process.stdout.write(chunk);
				appendFileSync(this.options.logFile, chunk);
			});
			this.child.stderr!.on('data', (chunk: Buffer) => {
				process.stderr.write(chunk);
				appendFileSync(this.options.logFile, chunk);
			});
		}
		this.child.on('exit', () => {
			this.exited = true;
			closeSync(log);
		});
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exited) {
				const tail = readFileSync(this.options.logFile, 'utf8').trim().split('\n').slice(-15);
				throw new Error(`n8n ${this.install.version} exited while starting:\n${tail.join('\n')}`);
			}
			try {
				if (this.options.worker) {
					// A worker has no REST API: its health check answers once it takes jobs.
					const health = await fetch(
						`http://127.0.0.1:${this.options.worker.healthPort}/healthz/readiness`,
					);
					await health.text();
					if (health.ok) return;
					await sleepMs(1000);
					continue;
				}
				// /healthz answers before the REST API is mounted, and while n8n starts every
				// route answers 200 with a plain-text "n8n is starting up": wait for JSON.
				const response = await fetch(`${this.url}/rest/settings`);
				const type = response.headers.get('content-type') ?? '';
				await response.text();
				if (response.ok && type.includes('json')) return;
			} catch {
				// not listening yet
			}
			await sleepMs(1000);
		}
		throw new Error(`n8n ${this.install.version} did not answer within ${timeoutMs / 1000} s`);
	}

	/** The n8n process's ID, while it runs. */
	get pid(): number | undefined {
		return this.running ? this.child?.pid : undefined;
	}

	get running(): boolean {
		return !!this.child && !this.exited;
	}

	/** Ends the process (SIGTERM, then SIGKILL after `graceMs`, 20 s by default). */
	async stop(graceMs = 20000): Promise<void> {
		const child = this.child;
		if (!child || this.exited) return;
		const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		await done;
		clearTimeout(timer);
	}
}

export class RestError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: string,
	) {
		super(message);
	}
}

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** The owner login of the instances this tooling sets up (printed by `npm run dev -- --sandbox`). */
export const OWNER: Owner = {
	email: 'owner@example.com',
	password: 'Sandbox-Owner-1',
	firstName: 'Sandbox',
	lastName: 'Owner',
};

/** The editor's side of n8n's REST API, with its session cookie. */
export class N8nClient {
	cookie = '';
	/** n8n binds the session to a browser id sent as a header. */
	private readonly browserId = `e2e-${Math.random().toString(36).slice(2)}`;

	constructor(
		readonly url: string,
		readonly major: number,
	) {}

	headers(extra: Record<string, string> = {}): Record<string, string> {
		return {
			'browser-id': this.browserId,
			...(this.cookie ? { cookie: this.cookie } : {}),
			...extra,
		};
	}

	private keepCookie(response: Response) {
		for (const line of response.headers.getSetCookie()) {
			const match = /^n8n-auth=([^;]*)/.exec(line);
			if (match) this.cookie = `n8n-auth=${match[1]}`;
		}
	}

	/** Sends a request; returns the `data` of n8n's `{data}` answer. */
	async request<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}${route}`, {
			signal: AbortSignal.timeout(120000),
			method,
			headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
			body: body === undefined ? undefined : JSON.stringify(body),
			redirect: 'manual',
		});
		this.keepCookie(response);
		const text = await response.text();
		if (!response.ok) {
			throw new RestError(
				`${method} ${route} answered ${response.status}: ${text.slice(0, 500)}`,
				response.status,
				text,
			);
		}
		if (text === '') return undefined as T;
		let parsed: { data?: T };
		try {
			parsed = JSON.parse(text) as { data?: T };
		} catch {
			throw new RestError(
				`${method} ${route} answered ${response.status} with no JSON: ${text.slice(0, 300)}`,
				response.status,
				text,
			);
		}
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	}

	/** The raw text of an answer (for searching execution data). */
	async text(route: string): Promise<string> {
		const response = await fetch(`${this.url}${route}`, { headers: this.headers() });
		const text = await response.text();
		if (!response.ok)
			throw new RestError(`GET ${route}: ${response.status}`, response.status, text);
		return text;
	}

	/** Creates the owner on a new instance, or signs in as it. */
	async signIn(owner: Owner): Promise<'created' | 'signed in'> {
		// Asked first, so that an instance with an owner logs no refused owner setup.
		const settings = await this.request<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>(
			'GET',
			'/rest/settings',
		).catch(() => undefined);
		if (settings?.userManagement?.showSetupOnFirstLoad !== false) {
			try {
				await this.request('POST', '/rest/owner/setup', owner);
				if (this.cookie) return 'created';
			} catch (error) {
				if (!(error instanceof RestError) || error.status >= 500) throw error;
			}
		}
		await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
		return 'signed in';
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>) {
		return await this.request<{ id: string; name: string }>('POST', '/rest/credentials', {
			name,
			type,
			data,
		});
	}

	async updateCredential(id: string, name: string, type: string, data: Record<string, unknown>) {
		return await this.request<{ id: string }>('PATCH', `/rest/credentials/${id}`, {
			name,
			type,
			data,
		});
	}

	async listCredentials(): Promise<Array<{ id: string; name: string; type: string }>> {
		return await this.request('GET', '/rest/credentials');
	}

	/** The credential's Test button. */
	async testCredential(
		credential: { id: string; name: string; type: string },
		data: Record<string, unknown>,
	): Promise<{ status: string; message: string }> {
		return await this.request('POST', '/rest/credentials/test', {
			credentials: { ...credential, data },
		});
	}

	/**
	 * "Connect my account": asks n8n for the authorization URL, plays the user on the
	 * provider's consent page (which redirects to n8n's callback), and calls n8n's
	 * callback with the session cookie, as the browser would.
	 */
	async connectOAuth2(
		credentialId: string,
		consent: (authorizationUrl: string) => Promise<string> = followRedirect,
	): Promise<{ authorizationUrl: string; callbackUrl: string; page: string }> {
		const authorizationUrl = await this.request<string>(
			'GET',
			`/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`,
		);
		const callbackUrl = await consent(authorizationUrl);
		const callback = new URL(callbackUrl);
		const expected = `${this.url}/rest/oauth2-credential/callback`;
		if (`${callback.origin}${callback.pathname}` !== expected) {
			throw new Error(
				`The provider redirected to ${callback.origin}${callback.pathname}, not ${expected}`,
			);
		}
		const response = await fetch(callbackUrl, { headers: this.headers(), redirect: 'manual' });
		const page = await response.text();
		const stored = await this.request<{ data?: { oauthTokenData?: unknown } }>(
			'GET',
			`/rest/credentials/${credentialId}?includeData=true`,
		);
		if (!response.ok || stored.data?.oauthTokenData !== true) {
			const text = page
				.replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
				.replace(/<[^>]+>/g, ' ')
				.replace(/\s+/g, ' ')
				.trim();
			throw new Error(
				`n8n's OAuth callback answered ${response.status} and stored no token: ${text.slice(0, 400)}`,
			);
		}
		return { authorizationUrl, callbackUrl, page };
	}

	async createWorkflow(
		workflow: Record<string, unknown>,
	): Promise<{ id: string; versionId: string }> {
		return await this.request('POST', '/rest/workflows', { active: false, ...workflow });
	}

	async listWorkflows(): Promise<Array<{ id: string; name: string }>> {
		return await this.request('GET', '/rest/workflows');
	}

	/**
	 * Deletes a workflow (archived first where n8n deletes only archived ones). n8n 2.x
	 * unpublishes in the background and refuses the deletion (409) until it is done.
	 */
	async deleteWorkflow(id: string, timeoutMs = 30000): Promise<void> {
		await this.deactivateWorkflow(id).catch(() => undefined);
		await this.request('POST', `/rest/workflows/${id}/archive`, {}).catch(() => undefined);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			try {
				await this.request('DELETE', `/rest/workflows/${id}`);
				return;
			} catch (error) {
				const unpublishing =
					error instanceof RestError && error.status === 409 && Date.now() < deadline;
				if (!unpublishing) throw error;
				await sleepMs(500);
			}
		}
	}

	/** Activates a workflow: `POST …/activate` on 2.x, `PATCH {active: true}` on 1.x. */
	async activateWorkflow(id: string, versionId: string): Promise<void> {
		if (this.major >= 2) {
			await this.request('POST', `/rest/workflows/${id}/activate`, { versionId });
		} else {
			await this.request('PATCH', `/rest/workflows/${id}`, { active: true, versionId });
		}
	}

	async deactivateWorkflow(id: string): Promise<void> {
		if (this.major >= 2) {
			await this.request('POST', `/rest/workflows/${id}/deactivate`, {});
		} else {
			const workflow = await this.request<{ versionId: string }>('GET', `/rest/workflows/${id}`);
			await this.request('PATCH', `/rest/workflows/${id}`, {
				active: false,
				versionId: workflow.versionId,
			});
		}
	}

	/** Executions of a workflow (the newest 50, or only those of a status), newest first. */
	async executions(
		workflowId: string,
		status?: string,
	): Promise<Array<{ id: string; status: string }>> {
		const filter = encodeURIComponent(
			JSON.stringify(status ? { workflowId, status: [status] } : { workflowId }),
		);
		const answer = await this.request<{ results: Array<{ id: string; status: string }> }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=50`,
		);
		return answer.results;
	}

	/** How many executions of a workflow n8n saved with a status. */
	async executionCount(workflowId: string, status: string): Promise<number> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId, status: [status] }));
		const answer = await this.request<{ count: number }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=1`,
		);
		return answer.count;
	}

	/** One execution with its full run data, as the raw JSON text n8n sends. */
	async executionText(id: string): Promise<string> {
		return await this.text(`/rest/executions/${id}`);
	}

	async loadOptions(request: {
		nodeTypeAndVersion: { name: string; version: number };
		methodName: string;
		path: string;
		currentNodeParameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
	}): Promise<Array<{ name: string; value: unknown }>> {
		return await this.request('POST', '/rest/dynamic-node-parameters/options', request);
	}

	async listSearch(request: {
		nodeTypeAndVersion: { name: string; version: number };
		methodName: string;
		path: string;
		currentNodeParameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
		filter?: string;
	}): Promise<{ results: Array<{ name: string; value: unknown }> }> {
		return await this.request(
			'POST',
			'/rest/dynamic-node-parameters/resource-locator-results',
			request,
		);
	}

	/** The node types n8n serves to the editor. */
	async nodeTypes(): Promise<Array<Record<string, unknown>>> {
		const response = await fetch(`${this.url}/types/nodes.json`, { headers: this.headers() });
		if (!response.ok) throw new Error(`/types/nodes.json answered ${response.status}`);
		return (await response.json()) as Array<Record<string, unknown>>;
	}

	async credentialTypes(): Promise<Array<{ name: string }>> {
		const response = await fetch(`${this.url}/types/credentials.json`, { headers: this.headers() });
		if (!response.ok) throw new Error(`/types/credentials.json answered ${response.status}`);
		return (await response.json()) as Array<{ name: string }>;
	}
}

/** The sandbox's consent page grants at once: its 302 `Location` is the callback URL. */
export async function followRedirect(authorizationUrl: string): Promise<string> {
	const response = await fetch(authorizationUrl, { redirect: 'manual' });
	const location = response.headers.get('location');
	if (response.status < 300 || response.status >= 400 || !location) {
		throw new Error(
			`The consent page answered ${response.status} without a redirect: ${(await response.text()).slice(0, 300)}`,
		);
	}
	return new URL(location, authorizationUrl).toString();
}

export function logPath(dir: string, name: string): string {
	mkdirSync(dir, { recursive: true });
	return path.join(dir, name);
}
