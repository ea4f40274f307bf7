/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   End-to-end tooling, never published: it drives a browser against an n8n server,
   which the rules for code running inside n8n Cloud rightly forbid. */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import type { EditorPage } from './editorChecks';
import {
	FRESH_NODES,
	addFreshNode,
	editorTriggers,
	listenForTestEvent,
	saveWebhookSecret,
	showPollingSample,
} from './editorChecks';
import type { ExampleContext } from './examples';
import { examples, exampleWorkflowJson } from './examples';
import { say } from './lib/install';
import { nodeOutput } from './lib/executions';
import type { N8nClient, Owner } from './lib/n8n';
import { sleepMs } from './lib/n8n';
import type { StoredCredential } from './lib/provision';
import type { CredentialSpec, SandboxContext } from './spec';
import { expect } from './spec';

/**
 * The editor, in a real browser (Chromium through playwright-core): signs in,
 * creates an OAuth2 credential through the credential dialog and connects it with
 * "Connect" in the provider's popup, then opens each example workflow, runs it
 * with "Execute workflow" and checks what its nodes returned. Screenshots of each
 * step go to `screenshotDir`; `readmeImages` (for `npm run screenshots`) receives
 * the few the README shows.
 */

/** Debian's Chromium (`apt-get install chromium`), or the one CHROMIUM_PATH names. */
export function chromiumPath(): string | undefined {
	return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
		(candidate): candidate is string => !!candidate && existsSync(candidate),
	);
}

export interface BrowserRun {
	url: string;
	client: N8nClient;
	owner: Owner;
	packageName: string;
	/** The OAuth2 (authorization code) credential to create in the editor, and its sandbox. */
	oauth: { spec: CredentialSpec; ctx: SandboxContext };
	/** Credentials created through REST, by type; the editor's one is added. */
	credentials: Map<string, StoredCredential>;
	/** The sandbox context of each example's credential types. */
	contextFor(credentialType: string): SandboxContext;
	check(name: string, fn: () => Promise<void>): Promise<boolean>;
	screenshotDir: string;
	/** Where the README's screenshots are written (`npm run screenshots`); none in CI. */
	readmeImages?: string;
}

/** The README's screenshots: the file each is copied to, from the step's screenshot. */
const README_SHOTS: Record<string, string> = {
	'credential-connected': 'credential.png',
	'credential-webhook-secret': 'credential-webhook-secret.png',
	'example-thinkific-run': 'workflow-run.png',
	'example-thinkific-node': 'node-panel.png',
};

async function shoot(page: Page, run: BrowserRun, name: string): Promise<void> {
	const file = path.join(run.screenshotDir, `${name}.png`);
	await page.screenshot({ path: file });
	const readme = README_SHOTS[name];
	if (run.readmeImages && readme) copyFileSync(file, path.join(run.readmeImages, readme));
}

/** Closes what n8n may show over the page on a first visit (announcements, surveys). */
async function dismissOverlays(page: Page): Promise<void> {
	for (let i = 0; i < 2; i++) await page.keyboard.press('Escape');
}

async function signIn(page: Page, run: BrowserRun): Promise<void> {
	await page.goto(`${run.url}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', run.owner.email);
	await page.fill('input[name=password]', run.owner.password);
	await page.click('button:has-text("Sign in")');
	await page.waitForURL(/\/home\//, { timeout: 60_000 });
}

/** The credential dialog: type, fields, Save, then "Connect" and the provider's popup. */
async function createAndConnect(page: Page, run: BrowserRun): Promise<StoredCredential> {
	const { spec, ctx } = run.oauth;
	const name = `${spec.name.replace(/ \(sandbox\)$/, '')} (created in the editor)`;
	const typeName = (await run.client.credentialTypes()).find((t) => t.name === spec.type) as
		| { displayName?: string }
		| undefined;
	const displayName = String(typeName?.displayName ?? spec.type);
	spec.register?.(ctx);

	await page.goto(`${run.url}/home/credentials/create`);
	await page.locator('[data-test-id=new-credential-type-select] input').fill(displayName);
	await page.locator(`.el-select-dropdown__item:has-text("${displayName}")`).first().click();
	await page.click('[data-test-id=new-credential-type-button]');
	await page.locator('[data-test-id=credential-edit-dialog]').waitFor();

	await page.click('[data-test-id=credential-name]');
	const nameInput = page.locator('[data-test-id=credential-name] input').first();
	await nameInput.fill(name);
	await nameInput.press('Enter');
	for (const [field, value] of Object.entries(spec.data(ctx))) {
		const input = page.locator(`[data-test-id=parameter-input-${field}] input`).first();
		if ((await input.count()) === 0) continue; // a field n8n fills itself (the redirect URL)
		await input.fill(String(value));
	}
	await page.click('[data-test-id=credential-save-button]');
	// Saved once the dialog offers to delete it; "Connect" before that would save it again.
	await page.locator('[data-test-id=credential-delete-button]').waitFor({ timeout: 30_000 });

	const popupOpened = page.waitForEvent('popup', { timeout: 30_000 });
	await page.locator('[data-test-id=quick-connect-button]').first().click();
	const popup = await popupOpened;
	// The sandbox's consent page grants at once and sends the popup to n8n's callback,
	// which stores the tokens and closes the popup.
	await popup.waitForEvent('close', { timeout: 60_000 });
	await page.locator('[data-test-id=oauth-connect-success-banner]').waitFor({ timeout: 30_000 });
	await shoot(page, run, 'credential-connected');

	const saved = (await run.client.listCredentials()).filter(
		(c) => c.name === name && c.type === spec.type,
	);
	expect(saved.length === 1, `${saved.length} credentials named "${name}" were saved, not one`);
	const stored = saved[0];
	// The dialog saves the credential once more after connecting: wait for the stored state.
	let connected = false;
	for (let i = 0; i < 30 && !connected; i++) {
		const data = await run.client.request<{ data?: { oauthTokenData?: unknown } }>(
			'GET',
			`/rest/credentials/${stored.id}?includeData=true`,
		);
		connected = data.data?.oauthTokenData === true;
		if (!connected) await sleepMs(500);
	}
	expect(connected, 'n8n stored no token for the credential');
	await page.keyboard.press('Escape');
	return { id: stored.id, name, type: spec.type };
}

/** Opens an example, runs it from the canvas and returns its result node's items. */
async function runExample(
	page: Page,
	run: BrowserRun,
	workflowId: string,
	slug: string,
	resultNode: string,
): Promise<Array<Record<string, unknown>>> {
	const before = (await run.client.executions(workflowId)).map((e) => e.id);
	await page.goto(`${run.url}/workflow/${workflowId}`);
	const execute = page.locator('[data-test-id=execute-workflow-button]').first();
	await execute.waitFor({ timeout: 60_000 });
	await dismissOverlays(page);
	await execute.click();

	let done: { id: string; status: string } | undefined;
	const deadline = Date.now() + 90_000;
	while (!done && Date.now() < deadline) {
		await sleepMs(500);
		done = (await run.client.executions(workflowId)).find(
			(e) => !before.includes(e.id) && !['running', 'new', 'waiting'].includes(e.status),
		);
	}
	expect(done, 'the run started from the canvas did not finish within 90 s');
	await page
		.locator('[data-test-id=execute-workflow-button]:not([disabled])')
		.first()
		.waitFor({ timeout: 30_000 })
		.catch(() => undefined);
	await sleepMs(500);
	await shoot(page, run, `example-${slug}-run`);
	expect(done.status === 'success', `the run ended with status "${done.status}"`);

	// The result node's panel, with its output.
	await page.locator(`[data-test-id=canvas-node][data-node-name="${resultNode}"]`).dblclick();
	await page
		.locator('[data-test-id=output-panel]')
		.waitFor({ timeout: 15_000 })
		.catch(() => undefined);
	await sleepMs(500);
	await shoot(page, run, `example-${slug}-node`);
	await page.keyboard.press('Escape');

	return nodeOutput(await run.client.executionText(done.id), resultNode);
}

export async function runBrowser(run: BrowserRun): Promise<void> {
	mkdirSync(run.screenshotDir, { recursive: true });
	if (run.readmeImages) mkdirSync(run.readmeImages, { recursive: true });
	const executablePath = chromiumPath();
	if (
		!(await run.check('editor: Chromium is installed', async () => {
			expect(executablePath, 'no Chromium found: apt-get install chromium (or set CHROMIUM_PATH)');
		}))
	)
		return;

	let browser: Browser | undefined;
	try {
		browser = await chromium.launch({
			executablePath,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
		});
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		page.setDefaultTimeout(30_000);

		if (!(await run.check('editor: signs in as the owner', async () => await signIn(page, run))))
			return;

		await run.check(
			`editor: creates a ${run.oauth.spec.type} credential in the credential dialog and connects it in the provider's popup`,
			async () => {
				run.credentials.set(run.oauth.spec.type, await createAndConnect(page, run));
			},
		);

		// A check whose provider was left out (`--provider`) has no credential to run with.
		const runnable = (what: string, types: string[]) => {
			const missing = types.filter((type) => !run.credentials.has(type));
			if (missing.length) say(`  - editor: ${what}: skipped, no ${missing.join(', ')} credential`);
			return missing.length === 0;
		};

		for (const example of examples) {
			if (!runnable(`"${example.name}"`, example.credentialTypes)) continue;
			const slug = example.name.split(':')[0].toLowerCase().replace(/\W+/g, '');
			await run.check(
				`editor: runs "${example.name}" from the canvas and checks its result`,
				async () => {
					const ctx: ExampleContext = {
						...run.contextFor(example.credentialTypes[0]),
						packageName: run.packageName,
						credential: (type) => {
							const stored = run.credentials.get(type)!;
							return { id: stored.id, name: stored.name };
						},
					};
					const { id } = await run.client.createWorkflow(exampleWorkflowJson(example, ctx));
					const items = await runExample(page, run, id, slug, example.resultNode);
					example.check(items, ctx);
				},
			);
		}

		const editor: EditorPage = {
			page,
			run,
			shoot: async (name) => await shoot(page, run, name),
			dismissOverlays: async () => await dismissOverlays(page),
		};
		for (const node of FRESH_NODES) {
			const what = `a ${node.search} ${node.trigger ? 'Trigger' : 'node'}`;
			if (!runnable(what, [node.credential])) continue;
			const then = node.then ? `, and the ones "${node.then.option}" shows` : '';
			await run.check(
				`editor: ${what} added fresh from the node panel to a new workflow fills its pickers at once${then}`,
				async () => {
					node.prepare?.(run.contextFor(node.credential));
					await addFreshNode(editor, node);
				},
			);
		}
		await run.check(
			'editor: saves a Flixcheck Webhook API credential with a secret made as the README says, and its Test passes',
			async () => await saveWebhookSecret(editor),
		);
		const { listening, polling } = editorTriggers();
		for (const { spec } of listening) {
			if (!runnable(`${spec.type} (${spec.name})`, [spec.credential.type])) continue;
			const command = spec.fireTest
				? 'the sample event the console prints for the test URL'
				: "the event the console's command has the provider send";
			await run.check(
				`editor: "Listen for test event" on ${spec.type} (${spec.name}) shows ${command}`,
				async () => await listenForTestEvent(editor, spec),
			);
		}
		for (const { spec } of polling) {
			if (!runnable(`${spec.type} (${spec.name})`, [spec.credential.type])) continue;
			await run.check(
				`editor: "Execute step" on ${spec.type} (${spec.name}) shows the newest order, the one the console's command adds`,
				async () => await showPollingSample(editor, spec),
			);
		}
	} finally {
		await browser?.close();
	}
}
