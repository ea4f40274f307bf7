/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error --
   End-to-end tooling, never published: it drives a browser against an n8n server
   and runs the sandbox commands the console prints, which the rules for code
   running inside n8n Cloud rightly forbid; its errors are the suite's own. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

import type { Page, Response } from 'playwright-core';

import type { BrowserRun } from './browser';
import { sleepMs } from './lib/n8n';
import type { ThanksIoProvider } from '../test/sandbox';
import { createTriggerWorkflow, eventually } from './lib/triggers';
import { providers } from './providers';
import type { PollingSpec, SandboxContext, TriggerSpec } from './spec';
import { expect } from './spec';

/**
 * Editor checks of what a new user does first, in the browser:
 * - adds a node from the node panel to a new workflow and opens its pickers, which
 *   must fill at once (n8n 2.40.7 opens a freshly added node before it has set the
 *   node's credential: a dropdown that loads at that moment fails, and is not loaded
 *   again until the node is reopened);
 * - saves a Flixcheck Webhook API credential with a secret made as the README says;
 * - clicks "Execute step" in each trigger's panel, which then listens for a test event,
 *   and runs the first command the console of `npm run dev -- --sandbox` prints for
 *   that trigger: for a trigger the user sets up at the provider by hand, the sample
 *   event sent to the test URL; for one that registers its webhooks itself, the
 *   provider's event, which reaches the test URL n8n registered; for a polling trigger,
 *   a new order, which the panel shows as the newest.
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
	/** The action picked; for a trigger, one of its events ("On …"), listed under "Triggers". */
	action: string;
	/** A trigger: its events are folded under "Triggers (N)" once the workflow has a trigger. */
	trigger?: boolean;
	/** The credential type the editor sets on the node (the check needs one of that type). */
	credential: string;
	/** What the user has at the provider before (a mailing list the picker must list). */
	prepare?(ctx: SandboxContext): void;
	/** Each picker's parameter, and an entry its list must hold. */
	pickers: Record<string, string>;
	/** Then an option chosen in a dropdown (a mode), and the pickers it shows. */
	then?: { parameter: string; option: string; pickers: Record<string, string> };
}

export const FRESH_NODES: FreshNode[] = [
	{
		search: 'thanks.io',
		action: 'Send a postcard',
		credential: 'thanksIoOAuth2Api',
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
		credential: 'throughLineOAuth2Api',
		pickers: { countryCode: 'New Zealand (NZ)', topic: 'Anxiety' },
	},
	{
		// n8n 2.40.7 lists the trigger under the app's name ("thanks.io"), its events as
		// "On order item delivered" and the like. Added, as the others, to a workflow that
		// has just got its first node: that is when n8n opens the node before setting its
		// credential (added as a new workflow's first step, it had its credential in time
		// in every try on 2.40.7).
		search: 'thanks.io',
		action: 'On order item delivered',
		trigger: true,
		credential: 'thanksIoOAuth2Api',
		prepare: (ctx) =>
			void ctx.sandbox.provider<ThanksIoProvider>('thanksio').addMailingLists(1, 'Postcard fans'),
		pickers: { mailingList: 'Postcard fans 1' },
		then: {
			parameter: 'mode',
			option: 'Polling the Orders List',
			pickers: { subAccount: 'Downtown Office' },
		},
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

/** Opens each picker and picks its entry, which it must list. */
async function pickEach(editor: EditorPage, pickers: Record<string, string>): Promise<void> {
	const { page } = editor;
	for (const [parameter, entry] of Object.entries(pickers)) {
		const field = page.locator(`[data-test-id=parameter-input-${parameter}]`).first();
		await field.waitFor({ timeout: 30_000 });
		const input = field.locator('[data-test-id=rlc-input]');
		if ((await input.count()) === 0) {
			await editor.shoot(`fresh-${parameter}`);
			throw new Error(`the ${parameter} field is no picker (a dropdown, loaded as the node opens)`);
		}
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
}

/** Chooses an option of a dropdown in the node's panel. */
async function choose(editor: EditorPage, parameter: string, option: string): Promise<void> {
	const { page } = editor;
	await page.locator(`[data-test-id=parameter-input-${parameter}]`).first().click();
	await page.locator(`.el-select-dropdown__item:visible:has-text("${option}")`).first().click();
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
		const action = page.getByText(node.action, { exact: true }).first();
		if (node.trigger && !(await action.isVisible())) {
			await page
				.getByText(/^Triggers \(\d+\)$/)
				.first()
				.click();
		}
		await action.click();
		await page.locator('[data-test-id=ndv]').first().waitFor({ timeout: 30_000 });

		try {
			await pickEach(editor, node.pickers);
			if (node.then) {
				await choose(editor, node.then.parameter, node.then.option);
				await pickEach(editor, node.then.pickers);
			}
		} catch (error) {
			if (loads.failures.length && error instanceof Error) {
				error.message += `; n8n refused the editor's list requests: ${loads.failures.join('; ')}`;
			}
			throw error;
		}
		const errors = await page.locator('input[placeholder*="Error fetching options"]').count();
		const slug = `${node.search}${node.trigger ? '-trigger' : ''}`;
		await editor.shoot(`fresh-${slug.replace(/\W+/g, '').toLowerCase()}`);
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

/** Every webhook trigger spec of the providers, and every polling one. */
export function editorTriggers() {
	return {
		listening: providers.flatMap((provider) =>
			(provider.triggers ?? []).map((spec) => ({ provider, spec })),
		),
		polling: providers.flatMap((provider) =>
			(provider.polling ?? []).map((spec) => ({ provider, spec })),
		),
	};
}

/** Runs a command as the console prints it; returns its output (the sandbox's answer). */
async function runPrinted(command: string): Promise<string> {
	const { stdout } = await promisify(execFile)('sh', ['-c', command], { timeout: 60_000 });
	return stdout;
}

/** The trigger's workflow opened in the editor, its panel open. */
async function openTrigger(editor: EditorPage, workflowId: string): Promise<void> {
	const { page, run } = editor;
	await page.goto(`${run.url}/workflow/${workflowId}`);
	const node = page.locator('[data-test-id=canvas-node]').first();
	await node.waitFor({ timeout: 60_000 });
	await editor.dismissOverlays();
	await node.dblclick();
}

/** The trigger panel's button: "Execute step" in n8n 2.40.7 (for these triggers). */
async function executeStep(editor: EditorPage): Promise<void> {
	const button = editor.page.locator('[data-test-id=trigger-execute-button]').first();
	await button.waitFor({ timeout: 30_000 });
	await button.click();
}

/** Waits until the trigger's output panel shows one item (holding `also`, when given). */
async function panelShowsOne(
	editor: EditorPage,
	also?: string,
): Promise<{ shown: boolean; text: string }> {
	const output = editor.page.locator('[data-test-id=output-panel]').first();
	const deadline = Date.now() + 30_000;
	let text = '';
	const shown = () =>
		/\b1 item\b/.test(text) && (also === undefined || new RegExp(`\\b${also}\\b`).test(text));
	while (Date.now() < deadline && !shown()) {
		text = await output.innerText().catch(() => '');
		if (!shown()) await sleepMs(300);
	}
	return { shown: shown(), text };
}

function triggerRunOf(run: BrowserRun, nodeTypes: Array<Record<string, unknown>>) {
	return {
		client: run.client,
		url: run.url,
		packageName: run.packageName,
		credentials: run.credentials,
		nodeTypes,
	};
}

/**
 * A trigger's workflow opened in the editor; "Execute step" in its panel, which then
 * listens for a test event; the first command the console prints for it; the panel
 * shows the event.
 *
 * - A trigger the user sets up at the provider by hand (`fireTest`): the sandbox holds a
 *   webhook with the test URL, as the user adds it there, and the command sends the
 *   sample event to that URL only.
 * - A trigger that registers its webhooks itself: the workflow is published first, as
 *   `npm run dev -- --sandbox` publishes its example; listening makes n8n register the
 *   test URL with the provider too, and the provider's event (the `fire` command) goes
 *   to every registration of its topic: the published workflow runs, and the panel
 *   shows the event. n8n then removes the test registration.
 */
export async function listenForTestEvent(editor: EditorPage, spec: TriggerSpec): Promise<void> {
	const { page, run } = editor;
	const ctx = run.contextFor(spec.credential.type);
	const registers = !spec.fireTest;
	const triggerRun = triggerRunOf(run, await run.client.nodeTypes());
	const hook = await createTriggerWorkflow(
		triggerRun,
		spec,
		`${spec.type}: ${spec.name} (listening in the editor)`,
	);
	const testHook = { ...hook, webhookUrl: hook.testWebhookUrl };
	try {
		if (registers) {
			await run.client.activateWorkflow(hook.workflowId, hook.versionId);
			await eventually(() => spec.registered(ctx, hook));
		} else {
			// The user adds the test URL at the provider, as the node's notice says for the
			// production URL.
			await spec.prepare?.(ctx, testHook);
		}

		await openTrigger(editor, hook.workflowId);
		await executeStep(editor);
		await page.locator('[data-test-id=trigger-listening]').first().waitFor({ timeout: 30_000 });
		if (registers) await eventually(() => spec.registered(ctx, testHook));

		// n8n's test URL takes one call per listening: the first command.
		const [command] = registers ? (spec.fire?.(ctx, hook) ?? []) : spec.fireTest!(ctx, hook);
		expect(command, 'the console prints no command for this trigger');
		const answer = await runPrinted(command);
		const delivered =
			(JSON.parse(answer) as { delivered?: Array<{ url: string; status: number }> }).delivered ??
			[];
		const to = (url: string) => delivered.filter((d) => d.url.split('?')[0] === url);
		const test = to(hook.testWebhookUrl);
		expect(
			test.length === 1 && test[0].status === 200,
			`the test URL answered the event with ${JSON.stringify(delivered).slice(0, 300)}`,
		);
		if (registers) {
			const published = to(hook.webhookUrl);
			expect(
				published.length === 1 && published[0].status === 200,
				`the published workflow's URL answered ${JSON.stringify(delivered).slice(0, 300)}`,
			);
		}
		const { shown, text } = await panelShowsOne(editor);
		await editor.shoot(`listen-${spec.type}-${spec.name.replace(/\W+/g, '-').slice(0, 30)}`);
		expect(shown, `the panel shows no event: ${text.slice(0, 200)}`);
		if (registers) await eventually(() => spec.removed(ctx, testHook));
	} finally {
		await page.keyboard.press('Escape');
		if (registers) await run.client.deactivateWorkflow(hook.workflowId).catch(() => undefined);
	}
}

/**
 * A polling trigger's workflow opened in the editor; the first command the console
 * prints for it adds an order; "Execute step" in the panel shows that order, the
 * newest, as the sample (the node's manual poll reads one order and moves nothing).
 */
export async function showPollingSample(editor: EditorPage, spec: PollingSpec): Promise<void> {
	const { page, run } = editor;
	const ctx = run.contextFor(spec.credential.type);
	const hook = await createTriggerWorkflow(
		triggerRunOf(run, await run.client.nodeTypes()),
		{
			...spec,
			parameters: { ...spec.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } },
		},
		`${spec.type}: ${spec.name} (a test event in the editor)`,
	);
	try {
		const [command] = spec.fire?.(ctx) ?? [];
		expect(command, 'the console prints no command for this trigger');
		const added = JSON.parse(await runPrinted(command)) as { id?: unknown };
		expect(added.id !== undefined, `the command answered ${JSON.stringify(added).slice(0, 200)}`);

		await openTrigger(editor, hook.workflowId);
		await executeStep(editor);
		const { shown, text } = await panelShowsOne(editor, String(added.id));
		await editor.shoot(`fetch-${spec.type}-${spec.name.replace(/\W+/g, '-').slice(0, 30)}`);
		expect(
			shown,
			`the panel does not show the new order ${String(added.id)}: ${text.slice(0, 200)}`,
		);
	} finally {
		await page.keyboard.press('Escape');
	}
}
