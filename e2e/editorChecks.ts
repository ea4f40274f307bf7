/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   End-to-end tooling, never published: it drives a browser against an n8n server
   and runs the sandbox commands the console prints, which the rules for code
   running inside n8n Cloud rightly forbid. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

import type { Page, Response } from 'playwright-core';

import type { BrowserRun } from './browser';
import { sleepMs } from './lib/n8n';
import { createTriggerWorkflow } from './lib/triggers';
import { providers } from './providers';
import type { TriggerSpec } from './spec';
import { expect } from './spec';

/**
 * Editor checks of what a new user does first, in the browser:
 * - adds a node from the node panel to a new workflow and opens its pickers, which
 *   must fill at once (n8n 2.40.7 opens a freshly added node before it has set the
 *   node's credential: a dropdown that loads at that moment fails, and is not loaded
 *   again until the node is reopened);
 * - saves a Flixcheck Webhook API credential with a secret made as the README says;
 * - clicks "Listen for test event" on each trigger the user sets up at the provider
 *   by hand, and sends the sample event the console of `npm run dev -- --sandbox`
 *   prints for the test URL.
 */

export interface EditorPage {
	page: Page;
	run: BrowserRun;
	shoot(name: string): Promise<void>;
	dismissOverlays(): Promise<void>;
}

/** A node added fresh, the action picked, and each picker with an entry it must list. */
export interface FreshNode {
	/** What is typed into the node panel's search, and the node's name there. */
	search: string;
	action: string;
	/** Each picker's parameter, and an entry its list must hold. */
	pickers: Record<string, string>;
}

export const FRESH_NODES: FreshNode[] = [
	{
		search: 'thanks.io',
		action: 'Send a postcard',
		pickers: {
			messageTemplate: 'Thank you (postcard)',
			imageTemplate: 'Thank you front (postcard)',
			handwritingStyle: 'Foxy Lady (Realistic)',
			subAccount: 'Downtown Office',
		},
	},
	{
		search: 'ThroughLine',
		action: 'Search helplines',
		pickers: { countryCode: 'New Zealand (NZ)', topic: 'Anxiety' },
	},
];

/** The node panel's search field. */
function searchBar(page: Page) {
	return page
		.locator(
			'input[data-test-id=node-creator-search-bar], [data-test-id=node-creator-search-bar] input',
		)
		.first();
}

/** Answers of n8n to the editor's dropdown and picker requests that failed. */
function failedLoads(page: Page): { failures: string[]; stop(): void } {
	const failures: string[] = [];
	const listener = (response: Response) => {
		if (!response.url().includes('/rest/dynamic-node-parameters/') || response.ok()) return;
		void response.text().then(
			(text) => failures.push(`${response.status()} ${text.slice(0, 160)}`),
			() => failures.push(String(response.status())),
		);
	};
	page.on('response', listener);
	return { failures, stop: () => page.off('response', listener) };
}

/**
 * A new workflow gets its first node (a manual trigger), which saves it: the editor
 * then fetches the credentials it may use afresh, and opens the next node before
 * that answer is in, so the node has no credential yet when its panel opens.
 */
async function newWorkflowWithTrigger({ page, run, dismissOverlays }: EditorPage): Promise<void> {
	await page.goto(`${run.url}/workflow/new`);
	const add = page.locator('[data-test-id=canvas-add-button]');
	await add.waitFor({ timeout: 60_000 });
	await dismissOverlays();
	await add.click();
	await searchBar(page).fill('manual');
	await page.locator('[data-test-id=item-iterator-item]').first().waitFor();
	await page.keyboard.press('Enter');
	await page.locator('[data-test-id=canvas-node]').first().waitFor();
	await page.waitForURL(/\/workflow\/(?!new)[^/?]+/, { timeout: 30_000 });
	await dismissOverlays();
}

export async function addFreshNode(editor: EditorPage, node: FreshNode): Promise<void> {
	const { page } = editor;
	const loads = failedLoads(page);
	try {
		await newWorkflowWithTrigger(editor);
		await page.click('[data-test-id=node-creator-plus-button]');
		await searchBar(page).fill(node.search);
		await page
			.locator(`[data-test-id=item-iterator-item]:has-text("${node.search}")`)
			.first()
			.click();
		await page.getByText(node.action, { exact: true }).first().click();
		await page.locator('[data-test-id=ndv]').first().waitFor({ timeout: 30_000 });

		for (const [parameter, entry] of Object.entries(node.pickers)) {
			const input = page.locator(
				`[data-test-id=parameter-input-${parameter}] [data-test-id=rlc-input]`,
			);
			await input.scrollIntoViewIfNeeded();
			await input.click();
			const item = page.locator(`[data-test-id=rlc-item]:visible:has-text("${entry}")`).first();
			await item.waitFor({ timeout: 30_000 }).catch(async () => {
				await editor.shoot(`fresh-${parameter}`);
				throw new Error(`the ${parameter} picker listed no "${entry}"`);
			});
			await item.click();
			let shown = '';
			for (let i = 0; i < 20 && !shown.includes(entry); i++) {
				shown = await input.inputValue();
				if (!shown.includes(entry)) await sleepMs(250);
			}
			expect(
				shown.includes(entry),
				`the ${parameter} picker shows "${shown}" after picking "${entry}"`,
			);
		}
		const errors = await page.locator('input[placeholder*="Error fetching options"]').count();
		await editor.shoot(`fresh-${node.search.replace(/\W+/g, '').toLowerCase()}`);
		expect(errors === 0, `${errors} field(s) say "Error fetching options"`);
		expect(
			loads.failures.length === 0,
			`n8n refused the editor's list requests: ${loads.failures.join('; ')}`,
		);
	} finally {
		loads.stop();
		await page.keyboard.press('Escape');
	}
}

/** The README's way to make a secret: `openssl rand -hex 32` (Node's own bytes without openssl). */
async function madeSecret(): Promise<string> {
	try {
		const { stdout } = await promisify(execFile)('openssl', ['rand', '-hex', '32']);
		return stdout.trim();
	} catch {
		return randomBytes(32).toString('hex');
	}
}

/** The Flixcheck Webhook API credential, saved in the credential dialog with a made secret. */
export async function saveWebhookSecret(editor: EditorPage): Promise<void> {
	const { page, run } = editor;
	const displayName = 'Flixcheck Webhook API';
	const name = 'Flixcheck webhook secret (typed in the editor)';
	await page.goto(`${run.url}/home/credentials/create`);
	await page.locator('[data-test-id=new-credential-type-select] input').fill(displayName);
	await page.locator(`.el-select-dropdown__item:has-text("${displayName}")`).first().click();
	await page.click('[data-test-id=new-credential-type-button]');
	const dialog = page.locator('[data-test-id=credential-edit-dialog]');
	await dialog.waitFor();
	await dialog.getByText('openssl rand -hex 32').first().waitFor();

	await page.click('[data-test-id=credential-name]');
	const nameInput = page.locator('[data-test-id=credential-name] input').first();
	await nameInput.fill(name);
	await nameInput.press('Enter');
	await page
		.locator('[data-test-id=parameter-input-secret] input')
		.first()
		.fill(await madeSecret());
	await page.click('[data-test-id=credential-save-button]');
	await page.locator('[data-test-id=credential-delete-button]').waitFor({ timeout: 30_000 });
	await dialog
		.getByText('Connection tested successfully')
		.first()
		.waitFor({ timeout: 30_000 })
		.catch(async () => {
			await editor.shoot('credential-webhook-secret');
			throw new Error('the credential was saved, but its Test did not pass');
		});
	await editor.shoot('credential-webhook-secret');
	const saved = (await run.client.listCredentials()).filter(
		(c) => c.name === name && c.type === 'flixcheckWebhookApi',
	);
	expect(saved.length === 1, `${saved.length} credentials named "${name}" were saved, not one`);
	await page.keyboard.press('Escape');
}

/** The triggers whose test URL the sandbox can be told of, with their providers. */
export function listenableTriggers() {
	return providers.flatMap((provider) =>
		(provider.triggers ?? []).filter((spec) => spec.fireTest).map((spec) => ({ provider, spec })),
	);
}

/** Runs a command as the console prints it; returns the sandbox's answer. */
async function runPrinted(command: string): Promise<string> {
	const { stdout } = await promisify(execFile)('sh', ['-c', command], { timeout: 60_000 });
	return stdout;
}

/**
 * A trigger's workflow opened in the editor; "Listen for test event"; the sample
 * event sent to the test URL with the printed command; the panel shows it.
 */
export async function listenForTestEvent(editor: EditorPage, spec: TriggerSpec): Promise<void> {
	const { page, run } = editor;
	const ctx = run.contextFor(spec.credential.type);
	const triggerRun = {
		client: run.client,
		url: run.url,
		packageName: run.packageName,
		credentials: run.credentials,
		nodeTypes: await run.client.nodeTypes(),
	};
	const hook = await createTriggerWorkflow(
		triggerRun,
		spec,
		`${spec.type}: ${spec.name} (listening in the editor)`,
	);
	// The user adds the test URL at the provider, as the node's notice says for the
	// production URL.
	await spec.prepare?.(ctx, { ...hook, webhookUrl: hook.testWebhookUrl });

	await page.goto(`${run.url}/workflow/${hook.workflowId}`);
	const node = page.locator('[data-test-id=canvas-node]').first();
	await node.waitFor({ timeout: 60_000 });
	await editor.dismissOverlays();
	await node.dblclick();
	const listen = page.locator('[data-test-id=trigger-execute-button]').first();
	await listen.waitFor({ timeout: 30_000 });
	await listen.click();
	await page.locator('[data-test-id=trigger-listening]').first().waitFor({ timeout: 30_000 });

	// n8n's test URL takes one call per "Listen for test event": the first command.
	const [command] = spec.fireTest!(ctx, hook);
	const answer = await runPrinted(command);
	const delivered = (JSON.parse(answer) as { delivered?: Array<{ status: number }> }).delivered;
	expect(
		delivered?.length === 1 && delivered[0].status === 200,
		`the test URL answered the sample event with ${JSON.stringify(delivered).slice(0, 300)}`,
	);
	const output = page.locator('[data-test-id=output-panel]').first();
	const deadline = Date.now() + 30_000;
	let text = '';
	while (Date.now() < deadline && !/\b1 item\b/.test(text)) {
		text = await output.innerText().catch(() => '');
		if (!/\b1 item\b/.test(text)) await sleepMs(300);
	}
	await editor.shoot(`listen-${spec.type}-${spec.name.replace(/\W+/g, '-').slice(0, 30)}`);
	expect(/\b1 item\b/.test(text), `the panel shows no event: ${text.slice(0, 200)}`);
	await page.keyboard.press('Escape');
}
