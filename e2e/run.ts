/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   End-to-end tooling, never published: it installs, starts and drives n8n servers,
   which the rules for code running inside n8n Cloud rightly forbid. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createSandbox } from '../test/sandbox';
import type { Sandbox } from '../test/sandbox';
import type { N8nInstall } from './lib/install';
import { cacheDir, ensureN8n, N8N_1, N8N_2, REPO, say } from './lib/install';
import { check, fail, report, reportBreak } from './lib/checks';
import { freePort, N8nClient, N8nServer, OWNER, sleepMs } from './lib/n8n';
import { runBrowser } from './browser';
import { buildTarball, installTarball, manifest } from './lib/package';
import type { StoredCredential } from './lib/provision';
import { credentialsOf, findDropdowns, provisionCredential } from './lib/provision';
import { executionError } from './lib/executions';
import { runPollingSpec, runTriggerSpec, runValidationSpec } from './lib/triggers';
import { webhookWorkflow } from './lib/workflows';
import { providers } from './providers';
import { runQueueLine } from './queue';
import { runTransportChecks } from './transport';
import { runTriggerState } from './triggerState';
import type { CredentialSpec, NodeSpec, ProviderSpec, SandboxContext, WorkflowSpec } from './spec';
import { expect, parametersOf } from './spec';

/**
 * The end-to-end suite: real n8n servers (the pinned 2.x and the newest 1.x that
 * installs) with this package installed from its `npm pack` tarball, driven only
 * through n8n's REST API, webhooks and OAuth2 callback, against the provider
 * sandbox on 127.0.0.1.
 *
 *   npm run test:e2e                 both n8n lines
 *   npm run test:e2e -- --line 2     only n8n 2.x (or --line 1)
 *   npm run test:e2e -- --keep       keep n8n's user folders (database, logs)
 *   npm run test:e2e -- --queue      queue mode instead: main + 2 workers, PostgreSQL, Redis,
 *                                    200 concurrent executions per provider
 *                                    (--rounds N, --executions N, --workers N, --concurrency N)
 *   npm run test:e2e -- --no-browser skip the editor checks in Chromium (n8n 2.x)
 *   npm run screenshots              n8n 2.x only, and the README's screenshots into docs/images
 *   npm run test:e2e -- --provider thinkific   only that provider (or a,b), in queue mode too
 *                                    (--provider transport: only the shared request-path checks)
 */

/** The OAuth2 credential the browser creates in the editor's credential dialog. */
const BROWSER_CREDENTIAL = 'thanksIoOAuth2Api';

interface Line {
	install: N8nInstall;
	label: string;
	server: N8nServer;
	client: N8nClient;
	userFolder: string;
	logFile: string;
	contexts: Map<ProviderSpec, SandboxContext>;
	credentials: Map<string, StoredCredential>;
	workflowIds: string[];
	webhookAnswers: string[];
}

/** Runs a workflow's webhook once; retries only while n8n has not registered it yet (404). */
async function callWebhook(line: Line, webhookPath: string) {
	const deadline = Date.now() + 20000;
	for (;;) {
		const response = await fetch(`${line.server.url}/webhook/${webhookPath}`, {
			signal: AbortSignal.timeout(120000),
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ from: 'e2e' }),
		});
		const text = await response.text();
		if (response.status === 404 && Date.now() < deadline) {
			await sleepMs(500);
			continue;
		}
		line.webhookAnswers.push(text);
		return { status: response.status, text };
	}
}

async function latestExecution(line: Line, workflowId: string, count: number) {
	const deadline = Date.now() + 15000;
	for (;;) {
		const executions = await line.client.executions(workflowId);
		const done = executions.filter((e) => !['running', 'new', 'waiting'].includes(e.status));
		if (done.length >= count) {
			return done.sort((a, b) => Number(b.id) - Number(a.id))[0];
		}
		if (Date.now() > deadline)
			throw new Error(`execution ${count} of workflow ${workflowId} not saved`);
		await sleepMs(300);
	}
}

interface Deployed {
	id: string;
	path: string;
	runs: number;
}

/** A node spec's full type: `<package>.<node>`, or a type with a dot as it is. */
function fullType(packageName: string, node: NodeSpec): string {
	return node.type.includes('.') ? node.type : `${packageName}.${node.type}`;
}

async function deploy(
	line: Line,
	ctx: SandboxContext,
	packageName: string,
	node: NodeSpec,
	credentialType: string,
	workflow: WorkflowSpec,
): Promise<Deployed> {
	const slug = `${node.type.replace(/\W/g, '-')}-${workflow.kind}-${Math.random().toString(36).slice(2, 8)}`;
	const body = webhookWorkflow(`${node.type}: ${workflow.name}`, slug, {
		type: fullType(packageName, node),
		version: workflow.version ?? node.version ?? 1,
		name: workflow.name,
		parameters: {
			...(node.credentials.find((c) => c.type === credentialType)?.parameters ?? {}),
			...parametersOf(workflow, ctx),
		},
		credentials: credentialsOf(credentialType, line.credentials),
	});
	const created = await line.client.createWorkflow(body);
	await line.client.activateWorkflow(created.id, created.versionId);
	line.workflowIds.push(created.id);
	return { id: created.id, path: slug, runs: 0 };
}

/** Runs a deployed workflow; returns the node's items, or throws with n8n's error. */
async function execute(line: Line, deployed: Deployed): Promise<Array<Record<string, unknown>>> {
	const answer = await callWebhook(line, deployed.path);
	deployed.runs++;
	const execution = await latestExecution(line, deployed.id, deployed.runs);
	if (answer.status !== 200 || execution.status !== 'success') {
		const message = executionError(await line.client.executionText(execution.id));
		throw new Error(
			`webhook answered ${answer.status}, execution ${execution.id} ${execution.status}: ${message ?? answer.text.slice(0, 300)}`,
		);
	}
	const parsed = JSON.parse(answer.text) as unknown;
	return (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
}

function tokenRequestsOf(spec: CredentialSpec, ctx: SandboxContext): number {
	return spec.tokenRequests ? spec.tokenRequests(ctx) : 0;
}

/** Values the sandbox saw as credentials: bearer tokens, client secrets, codes, refresh tokens. */
function secretsSeen(sandbox: Sandbox): string[] {
	const found = new Set<string>();
	for (const entry of sandbox.log) {
		const auth = String(entry.headers.authorization ?? '');
		const bearer = /^Bearer\s+(\S+)/i.exec(auth);
		if (bearer) found.add(bearer[1]);
		const basic = /^Basic\s+(\S+)/i.exec(auth);
		if (basic) {
			const [, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
			if (secret) found.add(secret);
		}
		let fields: Record<string, unknown> = {};
		try {
			fields = JSON.parse(entry.body) as Record<string, unknown>;
		} catch {
			fields = Object.fromEntries(new URLSearchParams(entry.body).entries());
		}
		for (const key of ['client_secret', 'refresh_token', 'code', 'code_verifier', 'access_token']) {
			const value = fields?.[key];
			if (typeof value === 'string') found.add(value);
		}
		const query = new URLSearchParams(entry.path.split('?')[1] ?? '');
		for (const key of ['access_token', 'code']) {
			const value = query.get(key);
			if (value) found.add(value);
		}
	}
	return [...found];
}

/** Refresh tokens the provider's token endpoint was sent, oldest first, with the request. */
function refreshRequests(sandbox: Sandbox, spec: CredentialSpec) {
	if (!spec.tokenRoute) return [];
	const { provider, route } = spec.tokenRoute;
	const [method, routePath] = route.split(' ');
	return sandbox.log
		.filter(
			(e) => e.provider === provider && e.method === method && e.path.split('?')[0] === routePath,
		)
		.map((e) => {
			let fields: Record<string, unknown>;
			try {
				fields = JSON.parse(e.body) as Record<string, unknown>;
			} catch {
				fields = Object.fromEntries(new URLSearchParams(e.body).entries());
			}
			return { entry: e, refreshToken: fields.refresh_token as string | undefined };
		})
		.filter((r) => typeof r.refreshToken === 'string');
}

async function runLine(
	install: N8nInstall,
	tarball: string,
	bases: Map<ProviderSpec, { sandbox: Sandbox; url: string }>,
	options: { keep: boolean; browser: boolean; readmeImages?: string; only: string[] },
) {
	const { keep, only } = options;
	const label = `n8n ${install.version}`;
	say(`\n== ${label}`);
	const sandboxes = new Set([...bases.values()].map((c) => c.sandbox));
	for (const sandbox of sandboxes) sandbox.reset();
	const logDir = path.join(REPO, '.cache', 'e2e', install.version);
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });
	const userFolder = mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${install.version}-`));
	const logFile = path.join(logDir, 'n8n.log');
	const server = new N8nServer(install, {
		userFolder,
		port: await freePort(),
		logFile,
		env: { N8N_LOG_LEVEL: 'debug' },
	});
	const contexts = new Map<ProviderSpec, SandboxContext>();
	for (const [provider, base] of bases) {
		contexts.set(provider, {
			...base,
			n8nUrl: server.url,
			callbackUrl: `${server.url}/rest/oauth2-credential/callback`,
		});
	}
	const line: Line = {
		install,
		label,
		server,
		client: new N8nClient(server.url, install.major),
		userFolder,
		logFile,
		contexts,
		credentials: new Map(),
		workflowIds: [],
		webhookAnswers: [],
	};
	const pkg = manifest();
	try {
		const started = await check(
			`${label}: starts with the package installed from its npm pack tarball`,
			async () => {
				await installTarball(tarball, userFolder);
				await server.start();
			},
		);
		if (!started) {
			say(`    (n8n's log: ${logFile})`);
			return;
		}
		if (
			!(await check(`${label}: owner account set up through REST`, async () => {
				expect((await line.client.signIn(OWNER)) === 'created', 'the owner was not created');
			}))
		)
			return;

		// What n8n registered from the package, and a spec for each of it.
		let nodeTypes: Array<Record<string, unknown>> = [];
		await check(`${label}: registers every node and credential of the package`, async () => {
			nodeTypes = (await line.client.nodeTypes()).filter(
				(t) => String(t.name).startsWith(`${pkg.name}.`) && !String(t.name).endsWith('Tool'),
			);
			expect(
				nodeTypes.length === pkg.n8n.nodes.length,
				`${nodeTypes.length} node types registered, package.json names ${pkg.n8n.nodes.length}: ${nodeTypes.map((t) => t.name).join(', ')}`,
			);
			const credentialNames = new Set(
				nodeTypes.flatMap((t) =>
					((t.credentials as Array<{ name: string }>) ?? []).map((c) => c.name),
				),
			);
			const known = new Set((await line.client.credentialTypes()).map((c) => c.name));
			for (const name of credentialNames)
				expect(known.has(name), `credential type ${name} is not registered`);
			expect(
				credentialNames.size === pkg.n8n.credentials.length,
				`nodes use ${credentialNames.size} credential types, package.json names ${pkg.n8n.credentials.length}`,
			);
			const specNodes = new Set(
				providers.flatMap((p) => [
					...p.nodes.map((n) => fullType(pkg.name, n)),
					...(p.triggers ?? []).map((t) => `${pkg.name}.${t.type}`),
				]),
			);
			const specCredentials = new Set(providers.flatMap((p) => p.credentials.map((c) => c.type)));
			const missing = [
				...nodeTypes.map((t) => String(t.name)).filter((n) => !specNodes.has(n)),
				...[...credentialNames].filter((c) => !specCredentials.has(c)),
			];
			expect(
				missing.length === 0,
				`no end-to-end spec in e2e/providers/ for: ${missing.join(', ')}`,
			);
		});

		/** Every dropdown of a node type (found in its description), through n8n's REST API. */
		const checkDropdowns = async (
			typeName: string,
			version: number,
			credentialType: string,
			baseParameters: Record<string, unknown>,
			extras: NonNullable<NodeSpec['loadOptions']>,
		) => {
			const description = nodeTypes.find((t) => t.name === typeName);
			if (!description) return;
			for (const dropdown of findDropdowns(description.properties as never)) {
				await check(
					`${label}: ${typeName.split('.').pop()} dropdown ${dropdown.method} (${dropdown.kind}) through REST`,
					async () => {
						const extra = extras[dropdown.method];
						const request = {
							nodeTypeAndVersion: { name: typeName, version },
							methodName: dropdown.method,
							path: dropdown.path,
							currentNodeParameters: {
								...baseParameters,
								...dropdown.shownWith,
								...(extra?.parameters ?? {}),
							},
							credentials: credentialsOf(credentialType, line.credentials),
						};
						const options =
							dropdown.kind === 'loadOptions'
								? await line.client.loadOptions(request)
								: (await line.client.listSearch(request)).results;
						const atLeast = extra?.atLeast ?? 1;
						expect(
							Array.isArray(options) && options.length >= atLeast,
							`${Array.isArray(options) ? options.length : 'no'} options, expected at least ${atLeast}`,
						);
						for (const option of options) {
							expect(
								typeof option.name === 'string' && option.value !== undefined,
								`bad option ${JSON.stringify(option)}`,
							);
						}
					},
				);
			}
		};

		for (const provider of providers.filter((p) => only.length === 0 || only.includes(p.name))) {
			say(`  -- ${provider.name}`);
			const ctx = contexts.get(provider)!;
			for (const spec of provider.credentials) {
				const how =
					spec.connect === 'authorizationCode'
						? "created and connected through /rest/oauth2-credential/auth and n8n's callback"
						: 'created through REST';
				await check(`${label}: ${spec.type} ${how}`, async () => {
					line.credentials.set(spec.type, await provisionCredential(line.client, spec, ctx));
				});
				const stored = line.credentials.get(spec.type);
				if (!stored) continue;
				if (!spec.skipTest) {
					await check(`${label}: ${spec.type} passes the credential Test`, async () => {
						const answer = await line.client.testCredential(stored, spec.data(ctx));
						expect(answer.status === 'OK', `Test said ${answer.status}: ${answer.message}`);
					});
				}
				if (spec.broken) {
					await check(`${label}: ${spec.type} Test fails with a wrong secret`, async () => {
						const bad = await line.client.createCredential(`${spec.name} (wrong)`, spec.type, {
							...spec.data(ctx),
							...spec.broken,
						});
						const answer = await line.client.testCredential(
							{ id: bad.id, name: `${spec.name} (wrong)`, type: spec.type },
							{ ...spec.data(ctx), ...spec.broken },
						);
						expect(answer.status !== 'OK', 'Test passed with a wrong secret');
						await line.client.request('DELETE', `/rest/credentials/${bad.id}`);
					});
				}
			}

			for (const node of provider.nodes) {
				if (!['read', 'write'].every((kind) => node.workflows.some((w) => w.kind === kind))) {
					fail(`${label}: ${node.type} spec`, 'the spec needs a read and a write workflow');
				}
				// A read and a write per credential type.
				const runs: Array<{
					credentialType: string;
					credSpec: CredentialSpec;
					read: WorkflowSpec;
					readDeployed: Deployed;
				}> = [];
				for (const { type: credentialType } of node.credentials) {
					const credSpec = provider.credentials.find((c) => c.type === credentialType);
					if (!credSpec || !line.credentials.has(credentialType)) {
						fail(`${label}: ${node.type} with ${credentialType}`, 'no credential to run with');
						continue;
					}
					const deployed = new Map<WorkflowSpec, Deployed>();
					for (const workflow of node.workflows) {
						await check(
							`${label}: ${node.type} (${credentialType}) ${workflow.kind} "${workflow.name}" through a webhook workflow`,
							async () => {
								const d = await deploy(line, ctx, pkg.name, node, credentialType, workflow);
								deployed.set(workflow, d);
								workflow.check(await execute(line, d), ctx);
							},
						);
					}
					const read = node.workflows.find((w) => w.kind === 'read' && deployed.has(w));
					if (read)
						runs.push({ credentialType, credSpec, read, readDeployed: deployed.get(read)! });
				}

				// Every dropdown, through n8n's REST API.
				await checkDropdowns(
					fullType(pkg.name, node),
					node.version ?? 1,
					node.credentials[0].type,
					node.credentials[0].parameters ?? {},
					node.loadOptions ?? {},
				);

				// Tokens: reuse, refresh after expiry, rotation (after the dropdowns, which
				// would otherwise meet an expired token when a refresh fails).
				for (const { credentialType, credSpec, read, readDeployed } of runs) {
					if (credSpec.connect === 'none') continue;
					await check(
						`${label}: ${node.type} (${credentialType}) later executions reuse the token n8n stored`,
						async () => {
							const before = tokenRequestsOf(credSpec, ctx);
							read.check(await execute(line, readDeployed), ctx);
							const after = tokenRequestsOf(credSpec, ctx);
							expect(after === before, `${after - before} new token request(s) without an expiry`);
						},
					);

					if (!credSpec.expireTokens) continue;
					await check(
						`${label}: ${node.type} (${credentialType}) refreshes once after the sandbox expires the token`,
						async () => {
							const before = tokenRequestsOf(credSpec, ctx);
							credSpec.expireTokens!(ctx);
							read.check(await execute(line, readDeployed), ctx);
							const after = tokenRequestsOf(credSpec, ctx);
							expect(after - before === 1, `${after - before} token requests for one refresh`);
						},
					);
					if (credSpec.rotatingRefreshTokens) {
						await check(
							`${label}: ${node.type} (${credentialType}) n8n saved the rotated refresh token (the sandbox refuses the old one)`,
							async () => {
								credSpec.expireTokens!(ctx);
								read.check(await execute(line, readDeployed), ctx);
								const refreshes = refreshRequests(ctx.sandbox, credSpec);
								expect(refreshes.length >= 2, `${refreshes.length} refresh requests seen`);
								const [older, newer] = refreshes.slice(-2);
								expect(
									older.refreshToken !== newer.refreshToken,
									'the same refresh token was sent twice',
								);
								// Replaying the first refresh exactly as n8n sent it must be refused.
								const e = older.entry;
								const replay = await fetch(`${ctx.url}/${e.provider}${e.path}`, {
									method: e.method,
									headers: Object.fromEntries(
										Object.entries(e.headers)
											.filter(([k]) => ['authorization', 'content-type', 'accept'].includes(k))
											.map(([k, v]) => [k, String(v)]),
									),
									body: e.body,
								});
								expect(
									replay.status >= 400,
									`the sandbox accepted a used refresh token (${replay.status})`,
								);
							},
						);
					}
				}
			}

			// Triggers: activation, deliveries from the sandbox, deactivation.
			for (const trigger of provider.triggers ?? []) {
				if (!line.credentials.has(trigger.credential.type)) {
					fail(`${label}: ${trigger.type} (${trigger.name})`, 'no credential to run with');
					continue;
				}
				const run = {
					client: line.client,
					url: line.server.url,
					packageName: pkg.name,
					credentials: line.credentials,
					nodeTypes,
				};
				const id = await runTriggerSpec(run, ctx, trigger, label, check, line.webhookAnswers);
				if (id) line.workflowIds.push(id);
			}
			const triggerRun = {
				client: line.client,
				url: line.server.url,
				packageName: pkg.name,
				credentials: line.credentials,
				nodeTypes,
			};
			for (const spec of provider.validations ?? []) {
				if (!line.credentials.has(spec.credential.type)) continue;
				const id = await runValidationSpec(
					triggerRun,
					ctx,
					spec,
					label,
					check,
					line.webhookAnswers,
				);
				if (id) line.workflowIds.push(id);
			}
			for (const spec of provider.polling ?? []) {
				if (!line.credentials.has(spec.credential.type)) continue;
				const id = await runPollingSpec(triggerRun, ctx, spec, label, check);
				if (id) line.workflowIds.push(id);
			}
			const triggerTypes = new Set((provider.triggers ?? []).map((t) => t.type));
			for (const type of triggerTypes) {
				const first = provider.triggers!.find((t) => t.type === type)!;
				if (!line.credentials.has(first.credential.type)) continue;
				await checkDropdowns(
					`${pkg.name}.${type}`,
					first.version ?? 1,
					first.credential.type,
					first.credential.parameters ?? {},
					{},
				);
			}
		}

		if (only.length === 0 || only.includes('transport')) {
			say('  -- the shared request path (token renewal, Stop, rate limits)');
			await runTransportChecks({ ...line, label, url: server.url, packageName: pkg.name, check });
		}
		// Trigger state through test events, a publish during an execution, failures, a new URL.
		await runTriggerState(
			line,
			{ ...line, url: server.url, packageName: pkg.name, nodeTypes },
			check,
		);

		if (install.major >= 2 && options.browser) {
			say('  -- the editor, in Chromium');
			const oauth = providers
				.flatMap((p) => p.credentials.map((spec) => ({ spec, ctx: contexts.get(p)! })))
				.find(({ spec }) => spec.type === BROWSER_CREDENTIAL)!;
			await runBrowser({
				url: server.url,
				client: line.client,
				owner: OWNER,
				packageName: pkg.name,
				oauth,
				credentials: line.credentials,
				contextFor: (type) =>
					contexts.get(providers.find((p) => p.credentials.some((c) => c.type === type))!)!,
				check: async (name, fn) => await check(`${label}: ${name}`, fn),
				screenshotDir: path.join(logDir, 'screenshots'),
				readmeImages: options.readmeImages,
			});
			say(`    (screenshots: ${path.relative(REPO, path.join(logDir, 'screenshots'))})`);
		}

		// Secrets: nothing the provider issued or was sent as a secret shows in n8n's
		// execution data, webhook answers, logs or (in plain text) its database.
		const secrets = [
			...new Set([
				...providers.flatMap((p) => p.credentials.flatMap((c) => c.secrets(contexts.get(p)!))),
				...providers.flatMap((p) =>
					(p.triggers ?? []).flatMap((t) => t.secrets?.(contexts.get(p)!) ?? []),
				),
				...[...sandboxes].flatMap((sandbox) => secretsSeen(sandbox)),
			]),
		].filter((s) => s.length >= 8);
		await check(
			`${label}: no client secret or token in execution data, webhook answers, logs or database (${secrets.length} values)`,
			async () => {
				expect(secrets.length > 0, 'no secrets collected');
				const places: Array<[string, string]> = [];
				for (const id of line.workflowIds) {
					for (const execution of await line.client.executions(id)) {
						places.push([
							`execution ${execution.id}`,
							await line.client.executionText(execution.id),
						]);
					}
				}
				line.webhookAnswers.forEach((text, i) => places.push([`webhook answer ${i + 1}`, text]));
				places.push(['n8n log', readFileSync(logFile, 'utf8')]);
				for (const file of ['database.sqlite', 'database.sqlite-wal']) {
					const dbPath = path.join(userFolder, '.n8n', file);
					if (existsSync(dbPath)) places.push([file, readFileSync(dbPath).toString('latin1')]);
				}
				const leaks = places.flatMap(([where, text]) =>
					secrets.filter((s) => text.includes(s)).map((s) => `${where} holds ${s.slice(0, 6)}…`),
				);
				expect(places.length > 3, 'nothing to search');
				expect(leaks.length === 0, leaks.join('; '));
			},
		);
	} finally {
		await server.stop();
		if (keep) say(`    (n8n's user folder kept: ${userFolder})`);
		else rmSync(userFolder, { recursive: true, force: true });
		say(`    (n8n's log: ${logFile})`);
	}
}

async function main() {
	const args = process.argv.slice(2);
	const lineArg = args.includes('--line') ? args[args.indexOf('--line') + 1] : 'all';
	const keep = args.includes('--keep');
	const queue = args.includes('--queue');
	const numberArg = (name: string, fallback: number) =>
		args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
	const browser = !args.includes('--no-browser');
	const readmeImages = args.includes('--screenshots')
		? path.resolve(REPO, args[args.indexOf('--screenshots') + 1] ?? 'docs/images')
		: undefined;
	// Only these providers (comma-separated names), in the suite and in queue mode.
	const only = args.includes('--provider') ? args[args.indexOf('--provider') + 1].split(',') : [];
	const versions = lineArg === '1' ? [N8N_1] : lineArg === '2' ? [N8N_2] : [N8N_2, N8N_1];
	const started = Date.now();
	say(
		`End-to-end tests${queue ? ' in queue mode' : ''} against n8n ${versions.join(' and ')} (cache: ${cacheDir()})`,
	);

	const installs = await Promise.all(versions.map((v) => ensureN8n(v)));
	say('Building and packing the package …');
	const tarball = await buildTarball(path.join(REPO, '.cache', 'e2e'));
	say(`  ${path.relative(REPO, tarball)}`);

	const shared = createSandbox();
	await shared.start();
	say(`Provider sandbox on ${shared.url}`);
	const bases = new Map<ProviderSpec, { sandbox: Sandbox; url: string }>();
	for (const provider of providers) {
		const sandbox = provider.sandbox ? provider.sandbox() : shared;
		if (!sandbox.url) await sandbox.start();
		bases.set(provider, { sandbox, url: sandbox.url });
	}
	try {
		for (const install of installs) {
			if (!queue) {
				await runLine(install, tarball, bases, { keep, browser, readmeImages, only });
				continue;
			}
			for (const { sandbox } of bases.values()) sandbox.reset();
			await runQueueLine(
				install,
				tarball,
				(name, n8nUrl) => {
					const base = [...bases.entries()].find(([p]) => p.name === name)![1];
					return { ...base, n8nUrl, callbackUrl: `${n8nUrl}/rest/oauth2-credential/callback` };
				},
				check,
				{
					providers: only,
					rounds: numberArg('--rounds', 1),
					executions: numberArg('--executions', 200),
					workers: numberArg('--workers', 2),
					concurrency: numberArg('--concurrency', 10),
					keep,
				},
			);
		}
	} finally {
		for (const { sandbox } of new Set(bases.values())) if (sandbox !== shared) await sandbox.stop();
		await shared.stop();
	}

	report(started);
}

main().catch((error: Error) => {
	reportBreak(error);
});
