/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   End-to-end tooling, never published: it installs, starts and drives n8n servers,
   which the rules for code running inside n8n Cloud rightly forbid. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { createSandbox } from '../test/sandbox';
import type { Sandbox, ThanksIoProvider } from '../test/sandbox';
import { cacheDir, ensureN8n, N8N_1, N8N_2, REPO, say } from './lib/install';
import type { N8nClient as Client } from './lib/n8n';
import { executionError } from './lib/executions';
import { N8nClient, N8nServer, OWNER, sleepMs } from './lib/n8n';
import { manifest } from './lib/package';
import type { StoredCredential } from './lib/provision';
import { credentialsOf, provisionCredential } from './lib/provision';
import type { ExampleContext } from './examples';
import { examples, exampleWorkflowJson } from './examples';
import { provisionTriggerExample } from './lib/triggers';
import { providers as allProviders } from './providers';

/** The package's providers (those served by test/sandbox's createSandbox()). */
const providers = allProviders.filter((p) => !p.sandbox);
import type { SandboxContext } from './spec';

/**
 * `npm run dev`: the pinned n8n on http://127.0.0.1:5678 (SQLite) with this package
 * loaded from the working tree, recompiled on every change (n8n reloads it).
 *
 *   npm run dev                       n8n with the package
 *   npm run dev -- --sandbox          also the provider sandbox, an owner login, one
 *                                     connected credential per type and an example
 *                                     workflow per node
 *   npm run dev -- --sandbox --reset-examples
 *                                     the sandbox examples made afresh (edits dropped)
 *   npm run dev -- --line 1           the newest n8n 1.x instead of 2.x
 *   npm run dev -- --port 5678 --sandbox-port 5680
 *   npm run dev -- --data <folder>    n8n's data in that folder instead
 *
 * n8n's data (database, workflows) stays in .cache/n8n/dev-<version>/ between runs
 * (in $N8N_INSTALL_CACHE/dev-<version>/ when that is set), or in the --data folder.
 */

function option(args: string[], name: string, fallback: string): string {
	const index = args.indexOf(name);
	return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
}

const children: ChildProcess[] = [];

/** The package as n8n loads a community package, compiled from the working tree. */
function preparePackage(userFolder: string): string {
	const pkg = manifest();
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', pkg.name);
	mkdirSync(path.join(dir, 'dist'), { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), readFileSync(path.join(REPO, 'package.json')));
	cpSync(path.join(REPO, 'icons'), path.join(dir, 'dist', 'icons'), { recursive: true });
	return dir;
}

function tsc(args: string[]) {
	return spawn(
		process.execPath,
		[path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), ...args],
		{
			cwd: REPO,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
}

async function build(outDir: string): Promise<void> {
	say('Compiling the package …');
	const child = tsc(['-p', 'tsconfig.json', '--outDir', outDir, '--declaration', 'false']);
	let output = '';
	child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
	child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	if (code !== 0) say(`TypeScript reported errors (n8n loads what compiled):\n${output}`);
}

function watch(outDir: string) {
	const child = tsc([
		'-p',
		'tsconfig.json',
		'--outDir',
		outDir,
		'--declaration',
		'false',
		'--watch',
		'--preserveWatchOutput',
	]);
	children.push(child);
	const print = (chunk: Buffer) => {
		for (const line of chunk.toString().split('\n')) {
			if (line.trim()) say(`[tsc] ${line}`);
		}
	};
	child.stdout!.on('data', print);
	child.stderr!.on('data', print);
}

async function provision(client: Client, ctx: SandboxContext, major: number) {
	const signedIn = await client.signIn(OWNER).catch((error: Error) => {
		throw new Error(
			`Could not sign in as ${OWNER.email}: ${error.message}\nThis n8n has another owner. Remove its folder to start over.`,
		);
	});
	say(`Owner ${signedIn === 'created' ? 'created' : 'signed in'}.`);

	const stored = new Map<string, StoredCredential>();
	for (const provider of providers) {
		for (const spec of provider.credentials) {
			try {
				const credential = await provisionCredential(client, spec, ctx, { reuse: true });
				stored.set(spec.type, credential);
				let state = spec.connect === 'authorizationCode' ? 'connected' : 'saved';
				if (!spec.skipTest) {
					const test = await client.testCredential(credential, spec.data(ctx));
					state += `, Test ${test.status === 'OK' ? 'passed' : `failed: ${test.message}`}`;
				}
				say(`  credential "${credential.name}" (${spec.type}): ${state}`);
			} catch (error) {
				say(`  credential ${spec.type}: ${(error as Error).message}`);
			}
		}
	}

	await provisionExamples(client, ctx, stored, major);
	await provisionTriggerExamples(client, ctx, stored);
}

/** `--reset-examples`: the sandbox examples are made afresh, edits to them dropped. */
let resetExamples = false;

/** The example workflows of e2e/examples.ts, each executed once to show that it works. */
async function provisionExamples(
	client: Client,
	ctx: SandboxContext,
	stored: Map<string, StoredCredential>,
	major: number,
) {
	const existing = await client.listWorkflows();
	if (resetExamples) {
		for (const workflow of existing.filter((w) => w.name.endsWith('(sandbox)'))) {
			await client.deleteWorkflow(workflow.id);
			say(`  workflow "${workflow.name}" removed (--reset-examples)`);
		}
		existing.length = 0;
	}
	const exampleContext: ExampleContext = {
		...ctx,
		packageName: manifest().name,
		credential: (type) => credentialsOf(type, stored)[type],
	};
	for (const example of examples) {
		if (!example.credentialTypes.every((type) => stored.has(type))) continue;
		let id = existing.find((w) => w.name === example.name)?.id;
		if (id) {
			say(`  workflow "${example.name}" kept`);
		} else {
			id = (await client.createWorkflow(exampleWorkflowJson(example, exampleContext))).id;
			say(`  workflow "${example.name}" created`);
		}
		if (major >= 2) await tryExample(client, id, example.name);
	}
}

/** Trigger examples: active, registered with the sandbox, and a command to fire an event. */
async function provisionTriggerExamples(
	client: Client,
	ctx: SandboxContext,
	stored: Map<string, StoredCredential>,
) {
	const pkg = manifest();
	const nodeTypes = await client.nodeTypes();
	const run = { client, url: ctx.n8nUrl, packageName: pkg.name, credentials: stored, nodeTypes };
	for (const provider of providers) {
		// A webhook trigger without a test-URL command registers its webhooks itself.
		const triggerExamples = [
			...(provider.triggers ?? []).map((spec) => ({
				spec,
				kind: spec.fireTest ? ('other' as const) : ('registers' as const),
			})),
			...(provider.validations ?? []).map((spec) => ({ spec, kind: 'other' as const })),
			...(provider.polling ?? []).map((spec) => ({
				spec: {
					...spec,
					parameters: { ...spec.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } },
					prepare: (c: SandboxContext) => spec.prepare?.(c),
				},
				kind: 'polls' as const,
			})),
		];
		for (const { spec, kind } of triggerExamples) {
			if (!stored.has(spec.credential.type)) continue;
			const type = `${pkg.name}.${spec.type}`;
			const displayName = String(nodeTypes.find((t) => t.name === type)?.displayName ?? spec.type);
			const name = `${displayName} example: ${spec.name} (sandbox)`;
			try {
				const { hook, created } = await provisionTriggerExample(run, ctx, spec, name);
				say(`  workflow "${name}" ${created ? 'created' : 'kept'}, active`);
				sayCommands(
					spec.fire?.(ctx, hook) ?? [],
					('fireTest' in spec ? spec.fireTest?.(ctx, hook) : undefined) ?? [],
					kind,
				);
			} catch (error) {
				say(`  could not set up "${name}": ${(error as Error).message}`);
			}
		}
	}
}

/**
 * The commands that send a sample event. For a trigger whose URLs the user gives the
 * provider by hand, the sandbox has both: the production URL runs the published
 * workflow, the test URL answers only while the trigger's panel listens for a test
 * event (and shows the event there). A trigger that registers its webhooks itself
 * (`registers`) has n8n register its test URL with the sandbox too while its panel
 * listens, and the sandbox, as a provider does, sends each event to every webhook of
 * its topic: the same command then also shows the event in the panel. A polling
 * trigger's "Execute step" shows the newest order.
 */
function sayCommands(production: string[], test: string[], kind: 'registers' | 'polls' | 'other') {
	if (test.length === 0) {
		for (const command of production) say(`    send a sample event: ${command}`);
		if (kind === 'registers') {
			say(
				'    the same commands also show the event in the trigger\'s panel while it listens: click "Execute step" there (n8n then registers its Test URL with the sandbox too; one event per click)',
			);
		}
		if (kind === 'polls') {
			say('    "Execute step" in the trigger\'s panel shows the newest order, moving nothing');
		}
		return;
	}
	say('    send a sample event to the published workflow (Production URL, see its Executions):');
	for (const command of production) say(`      ${command}`);
	say(
		'    or, after clicking "Execute step" in the trigger\'s panel, while it listens for a test event (Test URL; one event per click):',
	);
	for (const command of test) say(`      ${command}`);
}

/** Executes an example once, as the editor's "Execute workflow" button does, and reports. */
async function tryExample(client: Client, id: string, name: string) {
	try {
		const before = (await client.executions(id)).length;
		await client.request('POST', `/rest/workflows/${id}/run`, {
			triggerToStartFrom: { name: 'When clicking ‘Execute workflow’' },
		});
		for (let i = 0; i < 40; i++) {
			const executions = await client.executions(id);
			const done = executions.filter((e) => !['running', 'new', 'waiting'].includes(e.status));
			if (done.length > before) {
				const latest = done.sort((a, b) => Number(b.id) - Number(a.id))[0];
				// One write, so that n8n's own output cannot come between the lines; every line
				// of a long error (n8n lists a node's issues one per line) under the example.
				const lines = [`    "${name}" executed: ${latest.status}`];
				if (latest.status === 'error') {
					const error = executionError(await client.executionText(latest.id));
					if (error) lines.push(...error.split('\n').map((line) => `      ${line}`));
					lines.push(
						'      Edited and broken? Restore the examples with `npm run dev -- --sandbox --reset-examples`.',
					);
				}
				say(lines.join('\n'));
				return;
			}
			await sleepMs(250);
		}
		say(`    "${name}" executed: no result yet`);
	} catch (error) {
		say(`    could not execute "${name}": ${(error as Error).message}`);
	}
}

/**
 * What a new thanks.io account would already have, so that the mailing-list pickers and
 * the recipient operations have something to show: one list with three recipients.
 * (The end-to-end suite starts from an empty sandbox and makes its own lists.)
 */
function seedSandbox(sandbox: Sandbox) {
	const thanksIo = sandbox.provider<ThanksIoProvider>('thanksio');
	const [list] = thanksIo.addMailingLists(1, 'Newsletter');
	thanksIo.addRecipients(Number(list.id), 3);
	say(
		`  thanks.io: mailing list "${String(list.description)}" (ID ${String(list.id)}) with 3 recipients`,
	);
}

async function main() {
	const args = process.argv.slice(2);
	const withSandbox = args.includes('--sandbox');
	resetExamples = args.includes('--reset-examples');
	const version = option(args, '--line', '2') === '1' ? N8N_1 : N8N_2;
	const port = Number(option(args, '--port', '5678'));
	const sandboxPort = Number(option(args, '--sandbox-port', '5680'));

	say(`n8n ${version} with ${manifest().name} from ${REPO}`);
	const install = await ensureN8n(version);
	const data = option(args, '--data', '');
	// A relative folder is the caller's: npm runs scripts in the package's folder.
	const userFolder = data
		? path.resolve(process.env.INIT_CWD ?? process.cwd(), data)
		: path.join(cacheDir(), `dev-${version}`);
	const packageDir = preparePackage(userFolder);
	const outDir = path.join(packageDir, 'dist');
	await build(outDir);
	watch(outDir);

	let ctx: SandboxContext | undefined;
	const sandbox = withSandbox ? createSandbox() : undefined;
	if (sandbox) {
		await sandbox.start(sandboxPort);
		const n8nUrl = `http://127.0.0.1:${port}`;
		ctx = {
			sandbox,
			url: sandbox.url,
			n8nUrl,
			callbackUrl: `${n8nUrl}/rest/oauth2-credential/callback`,
		};
		say(`Provider sandbox on ${sandbox.url}`);
		seedSandbox(sandbox);
	}

	const server = new N8nServer(install, {
		userFolder,
		port,
		logFile: path.join(userFolder, 'n8n.log'),
		env: { N8N_DEV_RELOAD: 'true' },
		echo: true,
	});
	const stop = async () => {
		for (const child of children) child.kill();
		await server.stop();
		await sandbox?.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	say(`Starting n8n ${version} (data in ${userFolder}) …`);
	await server.start();

	if (ctx) {
		say('Setting up the sandbox login, credentials and example workflows …');
		try {
			await provision(new N8nClient(server.url, install.major), ctx, install.major);
		} catch (error) {
			say((error as Error).message);
		}
	}

	say('');
	say(`n8n is ready: ${server.url}`);
	if (ctx) say(`Sign in as ${OWNER.email} / ${OWNER.password}`);
	else say('Open it in a browser and create the owner account (first run) or sign in.');
	say('Changes to credentials/ and nodes/ are recompiled and reloaded. Ctrl+C stops.');
}

main().catch(async (error: Error) => {
	say(error.stack ?? error.message);
	for (const child of children) child.kill();
	process.exit(1);
});
