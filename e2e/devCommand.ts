/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   End-to-end tooling, never published: it starts `npm run dev` and drives the n8n it starts,
   which the rules for code running inside n8n Cloud rightly forbid. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { examples } from './examples';
import { cacheDir, N8N_2, REPO, say } from './lib/install';
import { check, report, reportBreak } from './lib/checks';
import { manifest } from './lib/package';
import { freePort, N8nClient, OWNER, sleepMs } from './lib/n8n';
import { providers } from './providers';
import { expect } from './spec';

/**
 * `npm run test:dev`: the README's one command, `npm run dev -- --sandbox`, run as a
 * newcomer runs it (through npm, n8n 2.x), with its data in a temporary folder
 * (`--data`) and on free ports, so that a developer's own dev instance is left alone:
 *
 * 1. the first start prints "n8n is ready", every example "executed: success", and makes
 *    every trigger example;
 * 2. two examples are broken through n8n's REST API as the editor saves a user's edit: a
 *    required field cleared (n8n itself refuses the node), a JSON field cut short (the node
 *    refuses it, with a message and a description);
 * 3. a restart with the same data folder prints each of them "executed: error", then the
 *    error's message (and description) and the `--reset-examples` hint, and no refused
 *    owner setup;
 * 4. a restart with `--reset-examples` makes the examples afresh: all succeed again.
 *
 * Each start is stopped as Ctrl+C stops it (SIGINT to its process group: npm, the dev
 * script, n8n and its task runner, the TypeScript watcher), and the check waits until
 * every process of the group has ended.
 *
 *   npm run test:dev             the check; ends with "N passed, N failed"
 *   npm run test:dev -- --keep   keep the data folder for a look
 *
 * The console of each start is kept in .cache/e2e/dev/start-<n>.log.
 */

/** An edit that breaks an example, and what the console must show under its "executed: error". */
interface Break {
	example: string;
	node: string;
	/** The edit, in words. */
	edit: string;
	/** Changes the node's parameters as the user's edit does. */
	apply(parameters: Record<string, unknown>): void;
	/** The error's lines under "executed: error", each by the texts it shows. */
	shows: string[][];
}

const BREAKS: Break[] = [
	{
		example: 'ThroughLine: priority helplines for a country and topic (sandbox)',
		node: 'Search priority helplines',
		edit: 'its required Country cleared',
		apply: (parameters) => {
			parameters.countryCode = { __rl: true, mode: 'list', value: '' };
		},
		// n8n lists the node's issues in the message, one per line; it stores no description.
		shows: [
			["The 'Search priority helplines' node has issues:"],
			['- Parameter "Country" is required.'],
		],
	},
	{
		example: 'Flixcheck: send a check and read it back (sandbox)',
		node: 'Send a check',
		edit: 'its Elements JSON cut short (the closing bracket deleted)',
		apply: (parameters) => {
			parameters.elements = String(parameters.elements).trim().replace(/\]$/, '');
		},
		// The node's message, then its description, on one line.
		shows: [
			[
				'Invalid "Elements (JSON)" in item 0: it is not valid JSON (',
				' — Check the "Elements (JSON)" parameter of item 0.',
			],
		],
	},
];

const RESET_HINT = '`npm run dev -- --sandbox --reset-examples`';

/**
 * The mailing list `npm run dev -- --sandbox` puts in the sandbox's thanks.io account,
 * as the editor's Mailing List picker asks n8n for it, with the dev credential.
 */
async function expectSeededMailingList(client: N8nClient): Promise<void> {
	const type = 'thanksIoOAuth2Api';
	const credential = (await client.listCredentials()).find((c) => c.type === type);
	expect(credential !== undefined, 'no thanks.io OAuth2 credential was made');
	const { results } = await client.listSearch({
		nodeTypeAndVersion: { name: `${manifest().name}.thanksIo`, version: 1.1 },
		methodName: 'searchMailingLists',
		path: 'mailingListId',
		// The node's Authentication option holds the credential type's name.
		currentNodeParameters: { authentication: type, resource: 'recipient', operation: 'create' },
		credentials: { [type]: { id: credential!.id, name: credential!.name } },
	});
	const names = results.map((r) => r.name);
	expect(
		names.includes('Newsletter 1 (3 recipients)'),
		`the picker lists ${JSON.stringify(names)}, not "Newsletter 1 (3 recipients)"`,
	);
}

/** One `npm run dev` process group and what it has printed so far (both streams). */
class DevRun {
	output = '';
	private readonly child: ChildProcess;
	private exitCode: number | null | undefined;

	constructor(
		args: string[],
		readonly logFile: string,
	) {
		writeFileSync(logFile, `$ npm run dev -- ${args.join(' ')}\n`);
		// Its own process group, as a terminal gives a command, so that all of it can be stopped.
		this.child = spawn('npm', ['run', 'dev', '--', ...args], {
			cwd: REPO,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const keep = (chunk: Buffer) => {
			const text = chunk.toString();
			this.output += text;
			writeFileSync(logFile, text, { flag: 'a' });
		};
		this.child.stdout!.on('data', keep);
		this.child.stderr!.on('data', keep);
		this.child.on('exit', (code) => (this.exitCode = code));
	}

	/** The console's lines, without colours. */
	get lines(): string[] {
		// eslint-disable-next-line no-control-regex
		return this.output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
	}

	/** Waits for "n8n is ready" (and the lines printed with it); throws if it exits or times out. */
	async ready(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const index = this.lines.findIndex((line) => line.startsWith('n8n is ready: '));
			if (index >= 0 && this.lines.some((line, i) => i > index && line.includes('Ctrl+C stops')))
				return;
			if (this.exitCode !== undefined)
				throw new Error(`npm run dev exited (${this.exitCode}) before "n8n is ready"`);
			if (Date.now() > deadline)
				throw new Error(`no "n8n is ready" within ${Math.round(timeoutMs / 1000)} s`);
			await sleepMs(250);
		}
	}

	private groupAlive(): boolean {
		try {
			process.kill(-this.child.pid!, 0);
			return true;
		} catch {
			return false;
		}
	}

	private async groupGone(timeoutMs: number): Promise<boolean> {
		const deadline = Date.now() + timeoutMs;
		while (this.groupAlive()) {
			if (Date.now() > deadline) return false;
			await sleepMs(200);
		}
		return true;
	}

	/**
	 * Ctrl+C: SIGINT to the whole process group; true when every process of it ended
	 * within the grace time, else it is killed (SIGKILL) and false returned.
	 */
	async stop(graceMs = 30000): Promise<boolean> {
		if (!this.groupAlive()) return true;
		process.kill(-this.child.pid!, 'SIGINT');
		if (await this.groupGone(graceMs)) return true;
		try {
			process.kill(-this.child.pid!, 'SIGKILL');
		} catch {
			// ended meanwhile
		}
		await this.groupGone(10000);
		return false;
	}
}

/** Every "<name>" executed: <status> line, by example name. */
function executed(lines: string[]): Map<string, string> {
	const found = new Map<string, string>();
	for (const line of lines) {
		const match = /^\s+"(.+)" executed: (.+)$/.exec(line);
		if (match) found.set(match[1], match[2]);
	}
	return found;
}

/** Throws unless every example printed "executed: success" (all but `except`). */
function expectAllSucceeded(run: DevRun, except: string[] = []) {
	const statuses = executed(run.lines);
	const wrong = examples
		.filter((e) => !except.includes(e.name))
		.map((e) => [e.name, statuses.get(e.name) ?? 'not printed'])
		.filter(([, status]) => status !== 'success');
	expect(
		wrong.length === 0,
		wrong.map(([name, status]) => `"${name}" executed: ${status}`).join('\n'),
	);
}

/** The trigger examples `npm run dev -- --sandbox` sets up: one per spec of a sandbox provider. */
const triggerExamples = providers
	.filter((p) => !p.sandbox)
	.flatMap((p) => [...(p.triggers ?? []), ...(p.validations ?? []), ...(p.polling ?? [])])
	.map((spec) => spec.name);

function expectTriggerExamples(run: DevRun, state: 'created' | 'kept') {
	const made = new Set(
		run.lines
			.map((line) =>
				/^\s+workflow ".+ example: (.+) \(sandbox\)" (created|kept), active$/.exec(line),
			)
			.filter((match) => match?.[2] === state)
			.map((match) => match![1]),
	);
	const missing = triggerExamples.filter((name) => !made.has(name));
	const refused = run.lines.filter((line) => line.includes('could not set up'));
	expect(
		missing.length === 0 && refused.length === 0,
		[...missing.map((name) => `no "${state}, active" for "${name}"`), ...refused].join('\n'),
	);
}

/** Modification times of the default dev data folder, to see that the check left it alone. */
function defaultDataStamp(): string {
	const folder = path.join(cacheDir(), `dev-${N8N_2}`);
	return [folder, path.join(folder, '.n8n', 'database.sqlite')]
		.map((file) => (existsSync(file) ? String(statSync(file).mtimeMs) : 'absent'))
		.join(' ');
}

/** Changes a node of a saved workflow, as the editor saves the user's edit. */
async function breakExample(client: N8nClient, broken: Break) {
	const workflows = await client.listWorkflows();
	const id = workflows.find((w) => w.name === broken.example)?.id;
	if (!id) throw new Error(`no workflow "${broken.example}"`);
	type Nodes = Array<{ name: string; parameters: Record<string, unknown> }>;
	const workflow = await client.request<{ versionId: string; nodes: Nodes; connections: unknown }>(
		'GET',
		`/rest/workflows/${id}`,
	);
	const node = workflow.nodes.find((n) => n.name === broken.node);
	if (!node) throw new Error(`"${broken.example}" has no node "${broken.node}"`);
	const before = JSON.stringify(node.parameters);
	broken.apply(node.parameters);
	const edited = JSON.stringify(node.parameters);
	expect(edited !== before, `the edit changed nothing in "${broken.node}"`);
	await client.request('PATCH', `/rest/workflows/${id}`, {
		nodes: workflow.nodes,
		connections: workflow.connections,
		versionId: workflow.versionId,
	});
	const saved = await client.request<{ nodes: Nodes }>('GET', `/rest/workflows/${id}`);
	expect(
		JSON.stringify(saved.nodes.find((n) => n.name === broken.node)?.parameters) === edited,
		'n8n did not save the edit',
	);
}

/**
 * Throws unless the console shows `"<example>" executed: error`, then the lines of the
 * error under it (each showing in `shows`, in that order), then the reset hint.
 */
function expectShownBroken(run: DevRun, broken: Break) {
	const lines = run.lines;
	const at = lines.findIndex((line) => line.includes(`"${broken.example}" executed: `));
	expect(at >= 0, `no "${broken.example}" executed line`);
	expect(lines[at].endsWith('executed: error'), lines[at].trim());
	const hint = lines.findIndex((line, i) => i > at && line.includes(RESET_HINT));
	const shown = lines.slice(at + 1, hint < 0 ? at + 4 : hint);
	const quoted = shown.map((line) => `"${line}"`).join('\n') || '(no line)';
	expect(hint >= 0, `no ${RESET_HINT} hint after:\n${quoted}`);
	expect(
		shown.length === broken.shows.length &&
			shown.every(
				(line, i) =>
					line.startsWith('      ') && broken.shows[i].every((text) => line.includes(text)),
			),
		`under it, indented, expected lines showing:\n${broken.shows.map((l) => `"${l.join('…')}"`).join('\n')}\ngot:\n${quoted}`,
	);
}

let current: DevRun | undefined;

/** Starts `npm run dev` and waits until it is ready; a check of its own. */
async function start(label: string, args: string[], logFile: string, timeoutMs: number) {
	const run = new DevRun(args, logFile);
	current = run;
	const ready = await check(`${label}: prints "n8n is ready"`, async () => {
		await run.ready(timeoutMs);
	});
	return { run, ready };
}

async function stop(label: string, run: DevRun) {
	await check(
		`${label}: Ctrl+C ends every process it started (n8n, its task runner, the TypeScript watcher)`,
		async () => {
			expect(await run.stop(), 'processes were left after 30 s and had to be killed');
		},
	);
	current = undefined;
}

async function main() {
	const args = process.argv.slice(2);
	const keep = args.includes('--keep');
	const started = Date.now();
	const logDir = path.join(REPO, '.cache', 'e2e', 'dev');
	rmSync(logDir, { recursive: true, force: true });
	mkdirSync(logDir, { recursive: true });
	const data = mkdtempSync(path.join(os.tmpdir(), 'n8n-dev-check-'));
	const port = await freePort();
	let sandboxPort = await freePort();
	while (sandboxPort === port) sandboxPort = await freePort();
	const common = [
		'--sandbox',
		'--data',
		data,
		'--port',
		String(port),
		'--sandbox-port',
		String(sandboxPort),
	];
	const stamp = defaultDataStamp();
	say(`npm run dev -- --sandbox, as a newcomer runs it (data in ${data}, port ${port})`);
	const logs: string[] = [];
	const log = (n: number) => {
		const file = path.join(logDir, `start-${n}.log`);
		logs.push(file);
		return file;
	};

	try {
		// 1. The first start.
		const first = await start('first start', common, log(1), 15 * 60000);
		if (first.ready) {
			await check('first start: every example executed: success', () =>
				expectAllSucceeded(first.run),
			);
			await check('first start: every trigger example created and published', () =>
				expectTriggerExamples(first.run, 'created'),
			);
		}
		// 2. A user's edits break two examples.
		const broken: Break[] = [];
		if (first.ready) {
			const client = new N8nClient(`http://127.0.0.1:${port}`, 2);
			await check(
				"first start: the thanks.io node's Mailing List picker lists the sandbox's list",
				async () => {
					if (!client.cookie) await client.signIn(OWNER);
					await expectSeededMailingList(client);
				},
			);
			for (const b of BREAKS) {
				const done = await check(
					`"${b.example}" broken through n8n's REST API: "${b.node}" with ${b.edit}`,
					async () => {
						if (!client.cookie) await client.signIn(OWNER);
						await breakExample(client, b);
					},
				);
				if (done) broken.push(b);
			}
		}
		await stop('first start', first.run);
		if (!first.ready) return;

		// 3. A restart with the same data folder.
		const second = await start('restart', common, log(2), 5 * 60000);
		if (second.ready) {
			for (const b of broken) {
				await check(
					`restart: "${b.example}" executed: error, then what is wrong, then the reset hint`,
					() => expectShownBroken(second.run, b),
				);
			}
			await check('restart: every example kept as edited, the others executed: success', () => {
				expectAllSucceeded(
					second.run,
					broken.map((b) => b.example),
				);
				const kept = second.run.lines.filter((l) => /^\s+workflow ".+" kept$/.test(l));
				expect(kept.length === examples.length, `${kept.length} examples kept`);
			});
			await check('restart: the trigger examples kept and published', () =>
				expectTriggerExamples(second.run, 'kept'),
			);
			await check(
				'restart: signs in as the owner, with no refused owner setup ("Instance owner already setup", a 400) on the console',
				() => {
					const noise = second.run.lines.filter(
						(line) => /owner already set ?up/i.test(line) || /^\s*400\b/.test(line),
					);
					expect(noise.length === 0, noise.join('\n'));
					expect(
						second.run.lines.includes('Owner signed in.'),
						'no "Owner signed in." on the console',
					);
				},
			);
		}
		await stop('restart', second.run);
		if (!second.ready) return;

		// 4. A restart with --reset-examples.
		const third = await start(
			'--reset-examples',
			[...common, '--reset-examples'],
			log(3),
			5 * 60000,
		);
		if (third.ready) {
			await check(
				'--reset-examples: every example removed, made afresh and executed: success again',
				() => {
					const removed = third.run.lines.filter((l) => l.includes('removed (--reset-examples)'));
					const left = examples.filter((e) => !removed.some((l) => l.includes(`"${e.name}"`)));
					expect(left.length === 0, `not removed: ${left.map((e) => e.name).join(', ')}`);
					const created = third.run.lines.filter((l) => /^\s+workflow ".+" created$/.test(l));
					expect(created.length === examples.length, `${created.length} examples created`);
					expectAllSucceeded(third.run);
				},
			);
		}
		await stop('--reset-examples', third.run);
	} finally {
		if (current) await current.stop();
		await check("the developer's own dev data folder was left alone", () => {
			expect(
				defaultDataStamp() === stamp,
				`${path.join(cacheDir(), `dev-${N8N_2}`)} changed during the check`,
			);
		});
		if (keep) say(`    (data folder kept: ${data})`);
		else rmSync(data, { recursive: true, force: true });
		say(`    (the console of each start: ${logs.map((f) => path.relative(REPO, f)).join(', ')})`);
		report(started);
	}
}

// Ctrl+C on the check stops the dev instance it started (it has a process group of its own).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		void (current?.stop() ?? Promise.resolve()).then(() => process.exit(130));
	});
}

main().catch(async (error: Error) => {
	await current?.stop();
	reportBreak(error);
});
