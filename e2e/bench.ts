/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals --
   Benchmark tooling, never published: it starts and drives an n8n server. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { createSandbox } from '../test/sandbox';
import type {
	Sandbox,
	ThanksIoProvider,
	ThinkificProvider,
	ThroughLineProvider,
} from '../test/sandbox';
import { THANKSIO_PERSONAL_TOKEN } from '../test/sandbox/thanksio';
import { THINKIFIC_API_KEY, THINKIFIC_SUBDOMAIN } from '../test/sandbox/thinkific';
import { THROUGHLINE_CLIENT } from '../test/sandbox/throughline';
import type { JobResult, Samples, WayName } from './lib/benchReport';
import { jobResult, tables, WAY_NAMES } from './lib/benchReport';
import { canReadProcessCpu, CLOCK_TICKS_PER_SECOND, ownCpuMs, treeCpu } from './lib/cpu';
import { ensureN8n, N8N_2, REPO, say } from './lib/install';
import { freePort, N8nClient, N8nServer, OWNER, sleepMs } from './lib/n8n';
import { buildTarball, installTarball, manifest } from './lib/package';
import type { WindowSummary } from './lib/profile';
import { readProfile, summarise } from './lib/profile';
import type { StoredCredential } from './lib/provision';
import { provisionCredential } from './lib/provision';
import type { ChainNode } from './lib/workflows';
import { splitOut, webhookChain } from './lib/workflows';
import { thanksIoSpec } from './providers/thanksio';
import { thinkificSpec } from './providers/thinkific';
import { throughLine } from './providers/throughline';
import type { CredentialSpec, SandboxContext } from './spec';

/**
 * `npm run bench:n8n`: the package's nodes against n8n's own HTTP Request node in
 * one real n8n (the pinned 2.x), over the same provider sandbox in the same run.
 *
 * Four jobs, each run four ways through the same webhook workflow shape (Webhook →
 * … → Summarize, so that every way answers with one small item):
 * - **node**: this package's node, with its OAuth2 credential;
 * - **http**: n8n's HTTP Request node with n8n's generic OAuth2 credential, plus
 *   Split Out or Aggregate where needed for the same items;
 * - **floor**: the same shape without requests: the webhook's body already holds
 *   the items, which Split Out emits (n8n's own cost of handling them); for Get
 *   Many, n8n's HTTP Request node takes all the users from one unauthenticated
 *   answer, a JSON array it outputs one item per user (a webhook body of 10,000
 *   users, or Split Out of them, cost n8n more than the node's 40 pages);
 * - **fetch**: a plain `fetch` loop from this script, no n8n at all.
 *
 * Rounds are interleaved (every way of every job in a rotating order; the short
 * jobs several times a round, for steadier medians). Each run is timed on the
 * wall clock, and its CPU time is read: the n8n process's and its child
 * processes' (user + system, from /proc/<pid>/stat), and this script's own
 * (`process.cpuUsage()`: the fetch loop, and the sandbox, which runs in this
 * script, answering every way). Wall time swings with the other work on a
 * shared machine; the CPU time n8n spends on a run hardly does.
 *
 * It prints JSON (medians of wall time, means of CPU time, both above the floor
 * and per item, with the ratios node ÷ HTTP and node ÷ fetch), then the same as
 * Markdown tables. It measures, it does not judge. `--rounds N` (default 7),
 * `--jobs a,b` (only these jobs), `--smoke` (one round of small jobs, as CI runs
 * it to see that the script works), `--profile` (see `reportProfiles`).
 */

interface Way {
	name: WayName;
	run(): Promise<number>;
}

interface Job {
	name: string;
	description: string;
	/** Items each way must end with (checked on the warm-up run). */
	items: number;
	/** Items the job handles (users, lookups, recipients), for the figures per item. */
	inputItems: number;
	/** Runs of each way per round: short jobs run more often, for steadier medians. */
	repeat: number;
	ways: Way[];
	/** Requests to the provider's API and token endpoint, for the counts. */
	apiRequests(): number;
	tokenRequests(): number;
}

/** The node's Authentication option: the credential type's name. */
function chooseCredential(type: string) {
	return { authentication: type };
}

/** The node, http and floor ways of a job: each posts the same body to its webhook. */
function posting(urls: Record<'node' | 'http' | 'floor', string>, body: unknown): Way[] {
	return (['node', 'http', 'floor'] as const).map((name) => ({
		name,
		run: async () => (await post(urls[name], body)).count,
	}));
}

/** The fetch loop's Thinkific headers: the API key, as the sandbox's Admin API takes it. */
const thinkificKeyHeaders = {
	Accept: 'application/json',
	'X-Auth-API-Key': THINKIFIC_API_KEY,
	'X-Auth-Subdomain': THINKIFIC_SUBDOMAIN,
};

/** After a run, n8n may still finish the execution's bookkeeping: its CPU time is read this much later. */
const SETTLE_MS = 100;

async function post(url: string, body: unknown): Promise<{ count: number; ms: number }> {
	const started = performance.now();
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(600000),
	});
	const text = await response.text();
	const ms = performance.now() - started;
	if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
	const answer = JSON.parse(text) as Record<string, unknown>;
	const count = Object.entries(answer).find(([key]) => key.startsWith('count'))?.[1];
	return { count: Number(count), ms };
}

/**
 * A server on 127.0.0.1 that answers every GET with one JSON text: for a floor
 * whose items n8n takes from one unauthenticated answer rather than from the
 * webhook's body, which costs n8n more to take in when it is large.
 */
async function serveJson(text: string): Promise<{ url: string; close(): Promise<void> }> {
	const server = http.createServer((req, res) => {
		req.resume();
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(text);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/users`,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A webhook path that answers once n8n registered it. */
async function registered(url: string, body: unknown) {
	const deadline = Date.now() + 30000;
	for (;;) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		await response.text();
		if (response.status !== 404 || Date.now() > deadline) return;
		await sleepMs(300);
	}
}

/** Counts the items (by a field every item has), so that the answer is one small item. */
function count(field = 'id'): ChainNode {
	return {
		name: 'Count',
		type: 'n8n-nodes-base.summarize',
		version: 1.1,
		parameters: { fieldsToSummarize: { values: [{ aggregation: 'count', field }] } },
	};
}

const summarize = count();

function aggregate(field: string): ChainNode {
	return {
		name: 'Aggregate',
		type: 'n8n-nodes-base.aggregate',
		version: 1,
		parameters: { aggregate: 'aggregateAllItemData', destinationFieldName: field, options: {} },
	};
}

function httpRequest(credential: StoredCredential, parameters: Record<string, unknown>): ChainNode {
	return {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		version: 4.2,
		parameters: {
			authentication: 'genericCredentialType',
			genericAuthType: 'oAuth2Api',
			...parameters,
		},
		credentials: { oAuth2Api: { id: credential.id, name: credential.name } },
	};
}

async function main() {
	const args = process.argv.slice(2);
	const smoke = args.includes('--smoke');
	const profile = args.includes('--profile');
	const rounds = smoke ? 1 : Number(args[args.indexOf('--rounds') + 1] || 7) || 7;
	const sizes = smoke
		? { users: 500, lookups: 20, recipients: 20, reads: 20 }
		: { users: 10_000, lookups: 1_000, recipients: 500, reads: 1_000 };
	if (!canReadProcessCpu) say('No /proc on this machine: the CPU times of n8n are left at 0.');

	const install = await ensureN8n(N8N_2);
	const tarball = await buildTarball(path.join(REPO, '.cache', 'bench'));
	const sandbox: Sandbox = createSandbox();
	await sandbox.start();
	const thinkific = sandbox.provider<ThinkificProvider>('thinkific');
	const throughline = sandbox.provider<ThroughLineProvider>('throughline');
	const thanksio = sandbox.provider<ThanksIoProvider>('thanksio');
	// The benchmark measures the clients, not the providers' rate limits.
	for (const provider of [thinkific, throughline, thanksio])
		provider.rateLimit = { limit: 1_000_000, windowMs: 1000 };
	thinkific.seedUsers(sizes.users);

	const logDir = path.join(REPO, '.cache', 'bench');
	mkdirSync(logDir, { recursive: true });
	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-'));
	const profileDir = profile ? mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-profile-')) : '';
	const server = new N8nServer(install, {
		userFolder,
		port: await freePort(),
		logFile: path.join(logDir, 'n8n.log'),
		env: { N8N_LOG_LEVEL: 'warn', EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none' },
		// V8 writes the profile when the process ends.
		nodeArgs: profile
			? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=250']
			: [],
	});
	const results: Record<string, JobResult> = {};
	// Every user in one answer, for the Get Many job's floor.
	const allUsers = await serveJson(JSON.stringify([...thinkific.users.values()]));
	const profiled: Record<
		string,
		{ runs: number; windows: Array<{ fromUs: number; toUs: number }> }
	> = {};
	let n8nProcesses: Array<{ pid: number; command: string }> = [];
	try {
		await installTarball(tarball, userFolder);
		await server.start();
		const client = new N8nClient(server.url, install.major);
		await client.signIn(OWNER);
		const ctx: SandboxContext = {
			sandbox,
			url: sandbox.url,
			n8nUrl: server.url,
			callbackUrl: `${server.url}/rest/oauth2-credential/callback`,
		};
		const credential = async (
			spec: CredentialSpec,
			data?: Record<string, unknown>,
			name?: string,
		) => await provisionCredential(client, spec, ctx, { data, name });
		const specOf = (specs: CredentialSpec[], type: string) => specs.find((c) => c.type === type)!;
		const generic = (data: Record<string, unknown>): CredentialSpec => ({
			type: 'oAuth2Api',
			name: `Generic OAuth2 for ${String(data.name)}`,
			connect: data.grantType === 'clientCredentials' ? 'clientCredentials' : 'authorizationCode',
			data: () => {
				const fields: Record<string, unknown> = { scope: '', authQueryParameters: '', ...data };
				delete fields.name;
				return fields;
			},
			secrets: () => [],
		});

		// Credentials: the package's OAuth2 ones, and n8n's generic OAuth2 for the same providers.
		const tkSpec = specOf(thinkificSpec.credentials, 'thinkificOAuth2Api');
		const tlSpec = specOf(throughLine.credentials, 'throughLineOAuth2Api');
		const tiSpec = specOf(thanksIoSpec.credentials, 'thanksIoOAuth2Api');
		const tk = await credential(tkSpec);
		// The benchmark measures the clients: no pacing under ThroughLine's 30 calls a second.
		const tl = await credential(tlSpec, { ...tlSpec.data(ctx), requestsPerSecond: 1_000_000 });
		const ti = await credential(tiSpec);
		const tkData = tkSpec.data(ctx);
		const tlData = tlSpec.data(ctx);
		const tiData = tiSpec.data(ctx);
		const tkSite = String(tkData.siteUrl);
		const tkGeneric = await credential(
			generic({
				name: 'Thinkific',
				grantType: 'authorizationCode',
				authUrl: `${tkSite}/oauth2/authorize`,
				accessTokenUrl: `${tkSite}/oauth2/token`,
				clientId: tkData.clientId,
				clientSecret: tkData.clientSecret,
				authentication: 'header',
			}),
		);
		const tlGeneric = await credential(
			generic({
				name: 'ThroughLine',
				grantType: 'clientCredentials',
				accessTokenUrl: tlData.tokenUrl,
				clientId: tlData.clientId,
				clientSecret: tlData.clientSecret,
				authentication: 'body',
			}),
		);
		const tiGeneric = await credential(
			generic({
				name: 'thanks.io',
				grantType: 'authorizationCode',
				authUrl: tiData.authorizationUrl,
				accessTokenUrl: tiData.tokenUrl,
				clientId: tiData.clientId,
				clientSecret: tiData.clientSecret,
				authentication: 'body',
			}),
		);
		const pkg = manifest().name;
		const ids = (node: StoredCredential) => ({ id: node.id, name: node.name });

		let slugs = 0;
		const deploy = async (name: string, nodes: ChainNode[]) => {
			const slug = `bench-${++slugs}`;
			const created = await client.createWorkflow(webhookChain(name, slug, nodes));
			await client.activateWorkflow(created.id, created.versionId);
			return `${server.url}/webhook/${slug}`;
		};

		// The package's Thinkific node with its OAuth2 credential.
		const thinkificNode = (parameters: Record<string, unknown>): ChainNode => ({
			name: 'Thinkific',
			type: `${pkg}.thinkific`,
			version: 1,
			parameters: { ...chooseCredential('thinkificOAuth2Api'), resource: 'user', ...parameters },
			credentials: { thinkificOAuth2Api: ids(tk) },
		});

		// Job 1: Get Many of every Thinkific user.
		const tkApi = String(tkData.apiBaseUrl);
		const users = [...thinkific.users.values()];
		const tkWays = {
			node: await deploy('node: Thinkific users', [
				thinkificNode({ operation: 'getAll', returnAll: true }),
				summarize,
			]),
			http: await deploy('http: Thinkific users', [
				httpRequest(tkGeneric, {
					method: 'GET',
					url: `${tkApi}/users`,
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'limit', value: '250' }] },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: {
									parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
								},
								paginationCompleteWhen: 'other',
								completeExpression: '={{ $response.body.meta.pagination.next_page === null }}',
								limitPagesFetched: false,
								requestInterval: 0,
							},
						},
					},
				}),
				splitOut('items'),
				summarize,
			]),
			// The floor takes the same users from one unauthenticated answer, a JSON array,
			// which the HTTP Request node outputs one item per user: a webhook body of 10,000
			// users, or Split Out of 10,000, cost n8n more than the node's 40 pages.
			floor: await deploy('floor: Thinkific users', [
				{
					name: 'HTTP Request',
					type: 'n8n-nodes-base.httpRequest',
					version: 4.2,
					parameters: { method: 'GET', url: allUsers.url, options: {} },
				},
				summarize,
			]),
		};

		// Job 2: Thinkific users read one by one, one per input item (a scheduled
		// workflow's usual shape: a list of IDs from elsewhere, then Get for each).
		const readIds = users.slice(0, sizes.reads).map((user) => ({ id: user.id }));
		const readWays = {
			node: await deploy('node: Thinkific user reads', [
				splitOut('body.users'),
				thinkificNode({
					operation: 'get',
					idType: 'thinkific',
					userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				}),
				summarize,
			]),
			http: await deploy('http: Thinkific user reads', [
				splitOut('body.users'),
				httpRequest(tkGeneric, {
					method: 'GET',
					url: `=${tkApi}/users/{{ $json.id }}`,
					options: {},
				}),
				summarize,
			]),
			floor: await deploy('floor: Thinkific user reads', [splitOut('body.users'), summarize]),
		};

		// Job 3: ThroughLine lookups, one per input item.
		const tlApi = String(tlData.apiBaseUrl);
		const helplines = Array.from(
			{ length: sizes.lookups },
			(_, i) => throughline.helplines[i % throughline.helplines.length],
		);
		const tlWays = {
			node: await deploy('node: ThroughLine lookups', [
				splitOut('body.helplines'),
				{
					name: 'ThroughLine',
					type: `${pkg}.throughLine`,
					version: 1,
					parameters: { resource: 'helpline', operation: 'get', helplineId: '={{ $json.id }}' },
					credentials: { throughLineOAuth2Api: ids(tl) },
				},
				summarize,
			]),
			http: await deploy('http: ThroughLine lookups', [
				splitOut('body.helplines'),
				httpRequest(tlGeneric, {
					method: 'GET',
					url: `=${tlApi}/helplines/{{ $json.id }}`,
					options: {},
				}),
				// Each answer is {helpline}: the same 1 item per lookup as the node's.
				count('helpline.id'),
			]),
			floor: await deploy('floor: ThroughLine lookups', [splitOut('body.helplines'), summarize]),
		};

		// Job 4: one thanks.io order for many recipients.
		const tiApi = String(tiData.apiBaseUrl);
		const recipients = Array.from({ length: sizes.recipients }, (_, i) => ({
			name: `Customer ${i + 1}`,
			address: `${i + 1} Main Street`,
			city: 'Any Town',
			province: 'NY',
			postal_code: '12345',
			country: 'US',
		}));
		const postcard = { message: 'Thank you!', front_image_url: 'https://example.com/front.png' };
		const tiWays = {
			node: await deploy('node: thanks.io batch', [
				splitOut('body.recipients'),
				{
					name: 'thanks.io',
					type: `${pkg}.thanksIo`,
					version: 1,
					parameters: {
						...chooseCredential('thanksIoOAuth2Api'),
						resource: 'mailer',
						operation: 'sendPostcard',
						orderMode: 'allItems',
						message: postcard.message,
						frontImageUrl: postcard.front_image_url,
						recipientName: '={{ $json.name }}',
						recipientAddress: '={{ $json.address }}',
						recipientCity: '={{ $json.city }}',
						recipientProvince: '={{ $json.province }}',
						recipientPostalCode: '={{ $json.postal_code }}',
						recipientCountry: '={{ $json.country }}',
					},
					credentials: { thanksIoOAuth2Api: ids(ti) },
				},
				summarize,
			]),
			http: await deploy('http: thanks.io batch', [
				splitOut('body.recipients'),
				aggregate('recipients'),
				httpRequest(tiGeneric, {
					method: 'POST',
					url: `${tiApi}/send/postcard`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ ...${JSON.stringify(postcard)}, recipients: $json.recipients }) }}`,
					options: {},
				}),
				summarize,
			]),
			floor: await deploy('floor: thanks.io batch', [
				splitOut('body.recipients'),
				aggregate('recipients'),
				count('recipients'),
			]),
		};

		const throughLineToken = async () => {
			const response = await fetch(String(tlData.tokenUrl), {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: THROUGHLINE_CLIENT.id,
					client_secret: THROUGHLINE_CLIENT.secret,
				}),
			});
			return ((await response.json()) as { access_token: string }).access_token;
		};

		const allJobs: Job[] = [
			{
				name: 'thinkific-get-many-users',
				description: `Get Many of ${sizes.users} Thinkific users (pages of 250)`,
				items: sizes.users,
				inputItems: sizes.users,
				repeat: smoke ? 1 : 3,
				apiRequests: () => sandbox.count('thinkific', 'GET /api/public/v1/users'),
				tokenRequests: () => sandbox.count('thinkific', 'token requests'),
				ways: [
					...posting(tkWays, {}),
					{
						name: 'fetch',
						run: async () => {
							let count = 0;
							for (let page = 1; ; page++) {
								const response = await fetch(`${tkApi}/users?page=${page}&limit=250`, {
									headers: thinkificKeyHeaders,
								});
								const body = (await response.json()) as {
									items: unknown[];
									meta: { pagination: { next_page: number | null } };
								};
								count += body.items.length;
								if (body.meta.pagination.next_page === null) return count;
							}
						},
					},
				],
			},
			{
				name: 'thinkific-user-reads',
				description: `${sizes.reads} Thinkific user reads (Get), one per item`,
				items: sizes.reads,
				inputItems: sizes.reads,
				repeat: 1,
				apiRequests: () =>
					readIds
						.map(({ id }) => sandbox.count('thinkific', `GET /api/public/v1/users/${id}`))
						.reduce((a, b) => a + b, 0),
				tokenRequests: () => sandbox.count('thinkific', 'token requests'),
				ways: [
					...posting(readWays, { users: readIds }),
					{
						name: 'fetch',
						run: async () => {
							let count = 0;
							for (const { id } of readIds) {
								const response = await fetch(`${tkApi}/users/${id}`, {
									headers: thinkificKeyHeaders,
								});
								const body = (await response.json()) as { id?: unknown };
								if (body.id !== undefined) count++;
							}
							return count;
						},
					},
				],
			},
			{
				name: 'throughline-lookups',
				description: `${sizes.lookups} ThroughLine helpline lookups, one per item`,
				items: sizes.lookups,
				inputItems: sizes.lookups,
				repeat: 1,
				apiRequests: () =>
					throughline.helplines
						.map((h) => sandbox.count('throughline', `GET /v1/helplines/${h.id}`))
						.reduce((a, b) => a + b, 0),
				tokenRequests: () => sandbox.count('throughline', 'token requests'),
				ways: [
					...posting(tlWays, { helplines }),
					{
						name: 'fetch',
						run: async () => {
							const token = await throughLineToken();
							let count = 0;
							for (const { id } of helplines) {
								const response = await fetch(`${tlApi}/helplines/${id}`, {
									headers: { Accept: 'application/json', authorization: `Bearer ${token}` },
								});
								const body = (await response.json()) as { helpline?: unknown };
								if (body.helpline) count++;
							}
							return count;
						},
					},
				],
			},
			{
				name: 'thanksio-batch',
				description: `One thanks.io postcard order for ${sizes.recipients} recipients`,
				items: 1,
				inputItems: sizes.recipients,
				repeat: smoke ? 1 : 5,
				apiRequests: () => sandbox.count('thanksio', 'POST /api/v2/send/postcard'),
				tokenRequests: () => sandbox.count('thanksio', 'token requests'),
				ways: [
					...posting(tiWays, { recipients }),
					{
						name: 'fetch',
						run: async () => {
							const response = await fetch(`${tiApi}/send/postcard`, {
								method: 'POST',
								headers: {
									'content-type': 'application/json',
									Accept: 'application/json',
									authorization: `Bearer ${THANKSIO_PERSONAL_TOKEN}`,
								},
								body: JSON.stringify({ ...postcard, recipients }),
							});
							const body = (await response.json()) as { id?: number };
							return body.id ? 1 : 0;
						},
					},
				],
			},
		];

		const chosen = args.includes('--jobs') ? args[args.indexOf('--jobs') + 1].split(',') : [];
		const jobs = allJobs
			.filter((job) => chosen.length === 0 || chosen.includes(job.name))
			// A profile is of the node's way only.
			.map((job) => (profile ? { ...job, ways: job.ways.filter((w) => w.name === 'node') } : job));
		// Registration and a warm-up of every way, which also checks the item counts.
		for (const url of [
			...Object.values(tkWays),
			...Object.values(readWays),
			...Object.values(tlWays),
			...Object.values(tiWays),
		])
			await registered(url, {});
		for (const job of jobs) {
			for (const way of job.ways) {
				const got = await way.run();
				const expected = job.name === 'thanksio-batch' && way.name !== 'floor' ? 1 : job.items;
				const floorItems = job.name === 'thanksio-batch' ? 1 : job.items;
				if (got !== (way.name === 'floor' ? floorItems : expected)) {
					throw new Error(`${job.name} ${way.name}: ${got} items, expected ${expected}`);
				}
			}
		}
		const pid = server.pid!;
		const n8nCpu = () => (canReadProcessCpu ? treeCpu(pid).ms : 0);
		if (canReadProcessCpu) {
			n8nProcesses = treeCpu(pid).processes.map(({ pid: id, command }) => ({ pid: id, command }));
		}
		say(`Warm-up done; ${rounds} interleaved round(s) …`);
		const samples = new Map<string, Samples>();
		const monotonicUs = () => Number(process.hrtime.bigint() / BigInt(1000));
		for (let round = 0; round < rounds; round++) {
			for (const job of jobs) {
				const order = job.ways.map((_, i) => job.ways[(i + round) % job.ways.length]);
				for (let pass = 0; pass < job.repeat; pass++)
					for (const way of order) {
						const key = `${job.name} ${way.name}`;
						const api = job.apiRequests();
						const tokens = job.tokenRequests();
						const n8nBefore = n8nCpu();
						const scriptBefore = ownCpuMs();
						const fromUs = monotonicUs();
						const started = performance.now();
						await way.run();
						const ms = performance.now() - started;
						const scriptMs = ownCpuMs() - scriptBefore;
						await sleepMs(SETTLE_MS);
						const n8nMs = n8nCpu() - n8nBefore;
						const toUs = monotonicUs();
						const s = samples.get(key) ?? {
							wallMs: [],
							n8nCpuMs: [],
							scriptCpuMs: [],
							api: 0,
							tokens: 0,
						};
						s.wallMs.push(ms);
						s.n8nCpuMs.push(n8nMs);
						s.scriptCpuMs.push(scriptMs);
						s.api += job.apiRequests() - api;
						s.tokens += job.tokenRequests() - tokens;
						samples.set(key, s);
						if (profile) {
							const p = profiled[job.name] ?? { runs: 0, windows: [] };
							p.runs++;
							p.windows.push({ fromUs, toUs });
							profiled[job.name] = p;
						}
					}
			}
			say(`  round ${round + 1} of ${rounds} done`);
		}

		for (const job of jobs) {
			if (profile) {
				const s = samples.get(`${job.name} node`)!;
				say(
					`${job.name}, node: ${Math.round(s.wallMs.reduce((a, b) => a + b, 0) / s.wallMs.length)} ms wall, ` +
						`${Math.round(s.n8nCpuMs.reduce((a, b) => a + b, 0) / s.n8nCpuMs.length)} ms n8n CPU per run (while profiling)`,
				);
				continue;
			}
			const byWay = Object.fromEntries(
				WAY_NAMES.map((way) => [way, samples.get(`${job.name} ${way}`)!]),
			) as Record<WayName, Samples>;
			results[job.name] = jobResult(job, byWay);
		}
	} finally {
		// Writing a CPU profile at exit takes a while.
		await server.stop(profile ? 120000 : 20000);
		await sandbox.stop();
		await allUsers.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
	if (profile) {
		reportProfiles(profileDir, profiled);
		return;
	}
	const report = {
		n8n: install.version,
		rounds,
		smoke,
		machine: {
			cpus: os.cpus().length,
			cpu: os.cpus()[0]?.model,
			memoryGiB: Math.round(os.totalmem() / 2 ** 30),
			node: process.version,
		},
		cpuTime: {
			clockTicksPerSecond: CLOCK_TICKS_PER_SECOND,
			// The n8n process and its children when the rounds began (task runners, if any).
			n8nProcesses,
		},
		jobs: results,
	};
	process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
	process.stdout.write(`\n${tables(results)}`);
}

/**
 * `--profile`: n8n runs with `--cpu-prof` (the profile in a temporary folder),
 * and only the node's way of each job runs. Each job's runs are windows in the
 * profile; for each job this prints where n8n's CPU time went in them: by origin
 * (this package's files, n8n-core, n8n-workflow, …), the functions with the most
 * self time, this package's functions by total time, and what ran below them.
 */
function reportProfiles(
	dir: string,
	profiled: Record<string, { runs: number; windows: Array<{ fromUs: number; toUs: number }> }>,
) {
	const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
	if (files.length === 0) throw new Error(`n8n wrote no CPU profile into ${dir}`);
	// The largest profile is the n8n process's (task runners, if any, write their own).
	const main = files.map((f) => path.join(dir, f)).sort((a, b) => statSize(b) - statSize(a))[0];
	const cpuProfile = readProfile(main);
	const pkg = manifest().name;
	const summaries: Record<string, WindowSummary & { runs: number }> = {};
	for (const [job, { runs, windows }] of Object.entries(profiled)) {
		summaries[job] = { runs, ...summarise(cpuProfile, pkg, windows) };
	}
	process.stdout.write(`${JSON.stringify({ profile: main, jobs: summaries }, null, 2)}\n`);
	for (const [job, summary] of Object.entries(summaries)) {
		const per = (ms: number) => Math.round((ms / summary.runs) * 10) / 10;
		const share = (ms: number) => `${Math.round((ms / summary.cpuMs) * 1000) / 10} %`;
		say(`\n## ${job}: ${per(summary.cpuMs)} ms sampled CPU per run (${summary.runs} runs)`);
		say(
			`By origin (self time per run): ${Object.entries(summary.byOrigin)
				.slice(0, 8)
				.map(([origin, ms]) => `${origin} ${per(ms)} ms (${share(ms)})`)
				.join(', ')}`,
		);
		say(
			`Below this package's frames: ${per(summary.underPackageMs)} ms (${share(summary.underPackageMs)})`,
		);
		say('Most self time:');
		for (const f of summary.topSelf.slice(0, 12))
			say(`  ${per(f.selfMs)} ms (${share(f.selfMs)})  ${f.name}  ${f.where}`);
		say("This package's functions, total time:");
		for (const f of summary.packageFunctions.slice(0, 12))
			say(`  ${per(f.totalMs)} ms total, ${per(f.selfMs)} ms self  ${f.name}  ${f.where}`);
		say("Self time below this package's frames:");
		for (const f of summary.calledByPackage.slice(0, 12))
			say(`  ${per(f.selfMs)} ms  ${f.name}  ${f.where}`);
	}
}

function statSize(file: string): number {
	return statSync(file).size;
}

main().catch((error: Error) => {
	say(`\n${error.stack ?? error.message}`);
	process.exitCode = 1;
});
