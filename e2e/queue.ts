/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   End-to-end tooling, never published: it starts and drives n8n servers in queue
   mode, which the rules for code running inside n8n Cloud rightly forbid. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Sandbox } from '../test/sandbox';
import type { TokenAuthority } from '../test/sandbox/oauth';
import type { N8nInstall } from './lib/install';
import { REPO, say } from './lib/install';
import { freePort, N8nClient, N8nServer, OWNER, sleepMs } from './lib/n8n';
import { installTarball, manifest } from './lib/package';
import type { StoredCredential } from './lib/provision';
import { credentialsOf, provisionCredential } from './lib/provision';
import type { Services } from './lib/services';
import { startServices } from './lib/services';
import { executionError } from './lib/executions';
import { webhookWorkflow } from './lib/workflows';
import { providers } from './providers';
import type { CredentialSpec, SandboxContext } from './spec';
import { expect } from './spec';

/**
 * n8n's queue mode: a main process and two workers sharing PostgreSQL, Redis and
 * one OAuth2 credential per provider. Per provider, 200 webhook executions start
 * at once right after the sandbox expired the tokens, and the sandbox expires them
 * once more halfway through; Thinkific, thanks.io and Flixcheck rotate refresh
 * tokens, so a worker that refreshes with a refresh token another worker already
 * used is refused. Every execution must succeed, every record be made exactly
 * once, and a later execution after another expiry must still refresh (the
 * rotated refresh token was kept).
 */

export interface QueueOptions {
	/** Only these providers (all when empty). */
	providers: string[];
	rounds: number;
	executions: number;
	workers: number;
	concurrency: number;
	keep: boolean;
}

type Check = (name: string, fn: () => Promise<void> | void) => Promise<boolean>;

/** A write per provider, made different per execution by the webhook's body `{n}`. */
interface QueueJob {
	provider: string;
	credentialType: string;
	node: string;
	/** The node chooses its credential type with an Authentication parameter. */
	choosesCredential?: boolean;
	parameters: Record<string, unknown>;
	/** Records the sandbox made for the job so far. */
	made(sandbox: Sandbox): number;
	/** Token endpoint calls so far (refreshes, or new client-credentials tokens). */
	tokenCalls(sandbox: Sandbox): number;
	/** The API route the job's requests reach, to expire the tokens halfway through. */
	route: string;
}

const n = '$json.body.n';

const JOBS: QueueJob[] = [
	{
		provider: 'throughline',
		credentialType: 'throughLineOAuth2Api',
		node: 'throughLine',
		parameters: {
			resource: 'event',
			operation: 'recordDisplay',
			helplineId: 'nz-2',
			sessionId: `={{ "queue-" + ${n} }}`,
		},
		made: (s) => s.count('throughline', 'events recorded'),
		tokenCalls: (s) => s.count('throughline', 'token requests'),
		route: 'POST /v1/events/helpline_display',
	},
	{
		provider: 'thinkific',
		credentialType: 'thinkificOAuth2Api',
		node: 'thinkific',
		choosesCredential: true,
		parameters: {
			resource: 'user',
			operation: 'create',
			firstName: 'Queue',
			lastName: `={{ "Run " + ${n} }}`,
			email: `={{ "queue-" + ${n} + "-" + $json.body.round + "@example.com" }}`,
		},
		made: (s) => s.count('thinkific', 'users created'),
		tokenCalls: (s) => s.count('thinkific', 'refreshes'),
		route: 'POST /api/public/v1/users',
	},
	{
		provider: 'thanksio',
		credentialType: 'thanksIoOAuth2Api',
		node: 'thanksIo',
		choosesCredential: true,
		parameters: {
			resource: 'mailer',
			operation: 'sendPostcard',
			message: 'Thank you!',
			frontImageUrl: 'https://example.com/front.png',
			recipientName: `={{ "Customer " + ${n} }}`,
			recipientAddress: `={{ ${n} + " Main Street" }}`,
			recipientCity: 'Any Town',
			recipientProvince: 'NY',
			recipientPostalCode: '12345',
			recipientCountry: 'US',
		},
		made: (s) => s.count('thanksio', 'mailers sent'),
		tokenCalls: (s) => s.count('thanksio', 'refresh requests'),
		route: 'POST /api/v2/send/postcard',
	},
	{
		provider: 'flixcheck',
		credentialType: 'flixcheckOAuth2Api',
		node: 'flixcheck',
		choosesCredential: true,
		parameters: {
			resource: 'check',
			operation: 'send',
			sendBy: 'email',
			email: `={{ "queue-" + ${n} + "@example.com" }}`,
			addressing: 'neutral',
			name: `={{ "Customer " + ${n} }}`,
			subject: 'Your documents',
			elements: '[{"type": "text", "label": "Anything to add?"}]',
		},
		made: (s) => s.count('flixcheck', 'checks sent'),
		tokenCalls: (s) => s.count('flixcheck', 'refreshes'),
		route: 'POST /api/v1/portal/check',
	},
];

interface Outcome {
	ok: boolean;
	status: number;
	text: string;
}

async function fire(url: string, body: Record<string, unknown>): Promise<Outcome> {
	try {
		const response = await fetch(url, {
			signal: AbortSignal.timeout(120000),
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		let ok = response.status === 200;
		if (ok) {
			const parsed = JSON.parse(text) as unknown;
			const items = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
			ok = items.length > 0 && items.every((item) => item.error === undefined);
		}
		return { ok, status: response.status, text };
	} catch (error) {
		return { ok: false, status: 0, text: (error as Error).message };
	}
}

/** The first execution, sent again while n8n has not registered the webhook yet (404). */
async function fireOnceRegistered(url: string, body: Record<string, unknown>): Promise<Outcome> {
	const deadline = Date.now() + 30000;
	for (;;) {
		const outcome = await fire(url, body);
		if (outcome.status !== 404 || Date.now() > deadline) return outcome;
		await sleepMs(300);
	}
}

export async function runQueueLine(
	install: N8nInstall,
	tarball: string,
	ctxOf: (provider: string, n8nUrl: string) => SandboxContext,
	check: Check,
	options: QueueOptions,
): Promise<void> {
	const label = `n8n ${install.version} queue mode`;
	say(`\n== ${label}: main + ${options.workers} workers, PostgreSQL and Redis`);
	const logDir = path.join(REPO, '.cache', 'e2e', `${install.version}-queue`);
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });
	const userFolder = mkdtempSync(path.join(os.tmpdir(), `n8n-queue-${install.version}-`));
	let services: Services | undefined;
	const servers: N8nServer[] = [];
	try {
		if (
			!(await check(`${label}: PostgreSQL and Redis start on 127.0.0.1`, async () => {
				services = await startServices();
			}))
		)
			return;
		const { postgres, redis } = services!;
		const shared: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			N8N_LOG_LEVEL: 'info',
			EXECUTIONS_DATA_PRUNE: 'false',
		};
		const main = new N8nServer(install, {
			userFolder,
			port: await freePort(),
			logFile: path.join(logDir, 'main.log'),
			env: shared,
		});
		servers.push(main);
		if (
			!(await check(
				`${label}: main and ${options.workers} workers start with the package`,
				async () => {
					await installTarball(tarball, userFolder);
					await main.start();
					const workers: N8nServer[] = [];
					for (let i = 1; i <= options.workers; i++) {
						const healthPort = await freePort();
						const worker = new N8nServer(install, {
							userFolder,
							port: await freePort(),
							logFile: path.join(logDir, `worker-${i}.log`),
							env: {
								...shared,
								QUEUE_HEALTH_CHECK_ACTIVE: 'true',
								QUEUE_HEALTH_CHECK_PORT: String(healthPort),
								N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
							},
							worker: { args: [`--concurrency=${options.concurrency}`], healthPort },
						});
						servers.push(worker);
						workers.push(worker);
					}
					await Promise.all(workers.map((w) => w.start()));
				},
			))
		)
			return;

		const client = new N8nClient(main.url, install.major);
		await client.signIn(OWNER);
		const pkg = manifest();
		const credentials = new Map<string, StoredCredential>();

		for (const job of JOBS.filter(
			(j) => options.providers.length === 0 || options.providers.includes(j.provider),
		)) {
			const provider = providers.find((p) => p.name === job.provider)!;
			const spec = provider.credentials.find(
				(c) => c.type === job.credentialType,
			) as CredentialSpec;
			const ctx = ctxOf(job.provider, main.url);
			const { sandbox } = ctx;
			// The burst is about tokens: the sandbox's rate limits would only add waits.
			const sandboxProvider = sandbox.provider(job.provider);
			const limits = sandboxProvider.rateLimit;
			sandboxProvider.rateLimit = { limit: 1_000_000, windowMs: 1000 };
			try {
				say(`  -- ${job.provider} (${job.credentialType})`);
				let slug = '';
				let workflowId = '';
				if (
					!(await check(
						`${label}: ${job.provider} credential connected and workflow active`,
						async () => {
							credentials.set(job.credentialType, await provisionCredential(client, spec, ctx));
							slug = `queue-${job.provider}-${randomBytes(4).toString('hex')}`;
							const workflow = webhookWorkflow(`Queue: ${job.provider}`, slug, {
								type: `${pkg.name}.${job.node}`,
								version: 1,
								name: job.node,
								parameters: {
									...(job.choosesCredential ? { authentication: job.credentialType } : {}),
									...job.parameters,
								},
								credentials: credentialsOf(job.credentialType, credentials),
							});
							const created = await client.createWorkflow(workflow);
							workflowId = created.id;
							await client.activateWorkflow(created.id, created.versionId);
							// A first execution gets the credential its first token.
							const first = await fireOnceRegistered(`${main.url}/webhook/${slug}`, {
								n: 0,
								round: 0,
							});
							expect(
								first.ok,
								`the first execution failed: ${first.status} ${first.text.slice(0, 300)}`,
							);
						},
					))
				)
					continue;

				for (let round = 1; round <= options.rounds; round++) {
					await check(
						`${label}: ${job.provider} round ${round}: ${options.executions} concurrent executions after an expiry, another expiry halfway: all done, each once`,
						async () => {
							const auth = (sandbox.provider(job.provider) as unknown as { auth: TokenAuthority })
								.auth;
							const refusedBefore = auth.refusedRefreshes;
							const madeBefore = job.made(sandbox);
							const succeededBefore = await client.executionCount(workflowId, 'success');
							const tokensBefore = job.tokenCalls(sandbox);
							const [method, route] = job.route.split(' ');
							const routeCount = () => sandbox.count(job.provider, `${method} ${route}`);
							const requestsBefore = routeCount();
							spec.expireTokens!(ctx);
							let expiredAgain = false;
							const watcher = (async () => {
								while (!expiredAgain) {
									if (routeCount() - requestsBefore >= options.executions / 2) {
										spec.expireTokens!(ctx);
										expiredAgain = true;
										return;
									}
									await sleepMs(20);
								}
							})();
							const started = Date.now();
							const outcomes = await Promise.all(
								Array.from({ length: options.executions }, (_, i) =>
									fire(`${main.url}/webhook/${slug}`, { n: i + 1, round }),
								),
							);
							expiredAgain = true;
							await watcher;
							const seconds = ((Date.now() - started) / 1000).toFixed(1);
							const failed = outcomes.filter((o) => !o.ok);
							// n8n 1.x in queue mode sometimes loses the answer to a webhook whose execution
							// succeeded on a worker: those count by the execution n8n saved.
							const unanswered = failed.filter((o) => o.status === 0).length;
							let succeeded = 0;
							for (let wait = 0; wait < 30; wait++) {
								succeeded = (await client.executionCount(workflowId, 'success')) - succeededBefore;
								if (succeeded >= options.executions || failed.length === 0) break;
								await sleepMs(1000);
							}
							const made = job.made(sandbox) - madeBefore;
							const tokenCalls = job.tokenCalls(sandbox) - tokensBefore;
							const lost = auth.refusedRefreshes - refusedBefore;
							say(
								`      ${succeeded}/${options.executions} executions succeeded in ${seconds} s, ${made} records made, ${tokenCalls} token calls, ${lost} refreshes lost to another execution${unanswered ? `; n8n did not answer ${unanswered} webhook call(s) within 2 minutes` : ''}`,
							);
							if (succeeded < options.executions || failed.length > unanswered) {
								// The reasons, as n8n stored them with the failed executions.
								const reasons = new Set<string>();
								for (const execution of await client.executions(workflowId, 'error')) {
									const text = await client.executionText(execution.id);
									reasons.add(executionError(text) ?? 'no error stored');
								}
								expect(
									false,
									`${options.executions - succeeded} of ${options.executions} executions did not succeed: ${[...reasons].join(' | ') || failed.map((f) => `${f.status} ${f.text.slice(0, 120)}`).join(' | ')}`,
								);
							}
							expect(
								made === options.executions,
								`${made} records made for ${options.executions} successful executions`,
							);
						},
					);
				}

				await check(
					`${label}: ${job.provider} a later execution after another expiry still refreshes (the rotated refresh token was kept)`,
					async () => {
						const before = job.tokenCalls(sandbox);
						spec.expireTokens!(ctx);
						const later = await fire(`${main.url}/webhook/${slug}`, { n: 999_999, round: 999 });
						expect(
							later.ok,
							`the later execution failed: ${later.status} ${later.text.slice(0, 300)}`,
						);
						expect(job.tokenCalls(sandbox) > before, 'no token was fetched after the expiry');
					},
				);
			} finally {
				sandboxProvider.rateLimit = limits;
			}
		}
	} finally {
		for (const server of servers.reverse()) await server.stop();
		await services?.stop();
		if (options.keep) say(`    (n8n's user folder kept: ${userFolder})`);
		else rmSync(userFolder, { recursive: true, force: true });
		say(`    (n8n's logs: ${logDir})`);
	}
}
