/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals --
   Benchmark tooling, never published: it starts and drives an n8n server. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
import { ensureN8n, N8N_2, REPO, say } from './lib/install';
import { freePort, N8nClient, N8nServer, OWNER, sleepMs } from './lib/n8n';
import { buildTarball, installTarball, manifest } from './lib/package';
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
 * Three jobs, each run four ways through the same webhook workflow shape (Webhook →
 * … → Summarize, so that every way answers with one small item):
 * - **node**: this package's node, with its OAuth2 credential;
 * - **http**: n8n's HTTP Request node with n8n's generic OAuth2 credential, plus
 *   Split Out or Aggregate where needed for the same items;
 * - **floor**: the same shape without requests: the webhook's body already holds
 *   the items, which Split Out emits (n8n's own cost of handling them);
 * - **fetch**: a plain `fetch` loop from this script, no n8n at all.
 *
 * Rounds are interleaved (every way of every job in a rotating order; the short
 * jobs several times a round, for steadier medians); the medians are printed as JSON. It measures, it does not judge: this
 * machine is shared and noisy. `--rounds N` (default 7), `--jobs a,b` (only these
 * jobs), `--smoke` (one round of small jobs, as CI runs it to see that the script
 * works).
 */

interface Way {
	name: 'node' | 'http' | 'floor' | 'fetch';
	run(): Promise<number>;
}

interface Job {
	name: string;
	description: string;
	/** Items each way must end with (checked on the warm-up run). */
	items: number;
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

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

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
	const rounds = smoke ? 1 : Number(args[args.indexOf('--rounds') + 1] || 7) || 7;
	const sizes = smoke
		? { users: 500, lookups: 20, recipients: 20 }
		: { users: 10_000, lookups: 1_000, recipients: 500 };

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
	const server = new N8nServer(install, {
		userFolder,
		port: await freePort(),
		logFile: path.join(logDir, 'n8n.log'),
		env: { N8N_LOG_LEVEL: 'warn', EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none' },
	});
	const results: Record<string, unknown> = {};
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

		// Job 1: Get Many of every Thinkific user.
		const tkApi = String(tkData.apiBaseUrl);
		const users = [...thinkific.users.values()];
		const tkWays = {
			node: await deploy('node: Thinkific users', [
				{
					name: 'Thinkific',
					type: `${pkg}.thinkific`,
					version: 1,
					parameters: {
						...chooseCredential('thinkificOAuth2Api'),
						resource: 'user',
						operation: 'getAll',
						returnAll: true,
					},
					credentials: { thinkificOAuth2Api: ids(tk) },
				},
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
			floor: await deploy('floor: Thinkific users', [splitOut('body.users'), summarize]),
		};

		// Job 2: ThroughLine lookups, one per input item.
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

		// Job 3: one thanks.io order for many recipients.
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
				repeat: smoke ? 1 : 3,
				apiRequests: () => sandbox.count('thinkific', 'GET /api/public/v1/users'),
				tokenRequests: () => sandbox.count('thinkific', 'token requests'),
				ways: [
					{ name: 'node', run: async () => (await post(tkWays.node, {})).count },
					{ name: 'http', run: async () => (await post(tkWays.http, {})).count },
					{ name: 'floor', run: async () => (await post(tkWays.floor, { users })).count },
					{
						name: 'fetch',
						run: async () => {
							let count = 0;
							for (let page = 1; ; page++) {
								const response = await fetch(`${tkApi}/users?page=${page}&limit=250`, {
									headers: {
										Accept: 'application/json',
										'X-Auth-API-Key': THINKIFIC_API_KEY,
										'X-Auth-Subdomain': THINKIFIC_SUBDOMAIN,
									},
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
				name: 'throughline-lookups',
				description: `${sizes.lookups} ThroughLine helpline lookups, one per item`,
				items: sizes.lookups,
				repeat: 1,
				apiRequests: () =>
					throughline.helplines
						.map((h) => sandbox.count('throughline', `GET /v1/helplines/${h.id}`))
						.reduce((a, b) => a + b, 0),
				tokenRequests: () => sandbox.count('throughline', 'token requests'),
				ways: [
					{ name: 'node', run: async () => (await post(tlWays.node, { helplines })).count },
					{ name: 'http', run: async () => (await post(tlWays.http, { helplines })).count },
					{ name: 'floor', run: async () => (await post(tlWays.floor, { helplines })).count },
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
				repeat: smoke ? 1 : 5,
				apiRequests: () => sandbox.count('thanksio', 'POST /api/v2/send/postcard'),
				tokenRequests: () => sandbox.count('thanksio', 'token requests'),
				ways: [
					{ name: 'node', run: async () => (await post(tiWays.node, { recipients })).count },
					{ name: 'http', run: async () => (await post(tiWays.http, { recipients })).count },
					{ name: 'floor', run: async () => (await post(tiWays.floor, { recipients })).count },
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
		const jobs = allJobs.filter((job) => chosen.length === 0 || chosen.includes(job.name));
		// Registration and a warm-up of every way, which also checks the item counts.
		await registered(tkWays.floor, { users: [] });
		for (const url of [
			...Object.values(tkWays),
			...Object.values(tlWays),
			...Object.values(tiWays),
		])
			await registered(url, {});
		const times = new Map<string, number[]>();
		const counts = new Map<string, { api: number; tokens: number; runs: number }>();
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
		say(`Warm-up done; ${rounds} interleaved round(s) …`);
		for (let round = 0; round < rounds; round++) {
			for (const job of jobs) {
				const order = job.ways.map((_, i) => job.ways[(i + round) % job.ways.length]);
				for (let pass = 0; pass < job.repeat; pass++)
					for (const way of order) {
						const key = `${job.name} ${way.name}`;
						const api = job.apiRequests();
						const tokens = job.tokenRequests();
						const started = performance.now();
						await way.run();
						const ms = performance.now() - started;
						times.set(key, [...(times.get(key) ?? []), ms]);
						const c = counts.get(key) ?? { api: 0, tokens: 0, runs: 0 };
						counts.set(key, {
							api: c.api + job.apiRequests() - api,
							tokens: c.tokens + job.tokenRequests() - tokens,
							runs: c.runs + 1,
						});
					}
			}
			say(`  round ${round + 1} of ${rounds} done`);
		}

		for (const job of jobs) {
			const m = (way: Way['name']) => median(times.get(`${job.name} ${way}`)!);
			const per = (way: Way['name']) => {
				const c = counts.get(`${job.name} ${way}`)!;
				return { api: round1(c.api / c.runs), tokens: round1(c.tokens / c.runs) };
			};
			results[job.name] = {
				description: job.description,
				medianMs: {
					node: round1(m('node')),
					http: round1(m('http')),
					floor: round1(m('floor')),
					fetch: round1(m('fetch')),
				},
				nodeOverHttp: Math.round((m('node') / m('http')) * 100) / 100,
				nodeMinusFloorMs: round1(m('node') - m('floor')),
				httpMinusFloorMs: round1(m('http') - m('floor')),
				nodeOverFetch: Math.round((m('node') / m('fetch')) * 100) / 100,
				requestsPerRun: { node: per('node'), http: per('http'), fetch: per('fetch') },
				runsMs: Object.fromEntries(
					job.ways.map((w) => [
						w.name,
						times.get(`${job.name} ${w.name}`)!.map((t) => Math.round(t)),
					]),
				),
			};
		}
	} finally {
		await server.stop();
		await sandbox.stop();
		rmSync(userFolder, { recursive: true, force: true });
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
		jobs: results,
	};
	process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: Error) => {
	say(`\n${error.stack ?? error.message}`);
	process.exitCode = 1;
});
