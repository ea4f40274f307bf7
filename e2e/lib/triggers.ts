/* eslint-disable @n8n/community-nodes/require-node-api-error --
   End-to-end tooling, never published: its errors are the suite's own. */
import { randomUUID } from 'node:crypto';

import type {
	PollingSpec,
	SandboxContext,
	TriggerHook,
	TriggerSpec,
	ValidationSpec,
} from '../spec';
import { expect } from '../spec';
import type { N8nClient } from './n8n';
import { sleepMs } from './n8n';
import { deliveryHash } from '../../nodes/shared/trigger';
import type { StoredCredential } from './provision';
import { credentialsOf } from './provision';
import { triggerWorkflow } from './workflows';

/**
 * Trigger workflows in a real n8n: created and activated through the REST API as
 * the editor does, their executions counted through the REST API, deactivated.
 */

export interface TriggerRun {
	client: N8nClient;
	/** n8n's base URL. */
	url: string;
	packageName: string;
	credentials: Map<string, StoredCredential>;
	/** The node types n8n serves (for the trigger's webhook path). */
	nodeTypes: Array<Record<string, unknown>>;
}

/** The node's webhook path, from the description n8n serves. */
function webhookPath(run: TriggerRun, type: string): string {
	const description = run.nodeTypes.find((t) => t.name === type);
	const webhooks = (description?.webhooks ?? []) as Array<{ path?: string }>;
	const path = webhooks[0]?.path;
	if (!path) throw new Error(`${type} has no webhook`);
	return path;
}

/** The trigger's production URL and n8n's test URL of it. */
function hookUrls(run: TriggerRun, type: string, webhookId: string) {
	const path = `${webhookId}/${webhookPath(run, type)}`;
	return {
		webhookUrl: `${run.url}/webhook/${path}`,
		testWebhookUrl: `${run.url}/webhook-test/${path}`,
	};
}

/** Creates the workflow of a trigger spec (not yet active). */
export async function createTriggerWorkflow(
	run: TriggerRun,
	spec: Pick<TriggerSpec, 'type' | 'version' | 'credential' | 'parameters'> & {
		downstream?: unknown[];
	},
	name: string,
): Promise<TriggerHook & { versionId: string; testWebhookUrl: string }> {
	const type = `${run.packageName}.${spec.type}`;
	const description = run.nodeTypes.find((t) => t.name === type);
	const webhookId = randomUUID();
	const workflow = triggerWorkflow(
		name,
		{
			type,
			version: spec.version ?? 1,
			name: String(description?.displayName ?? 'Trigger'),
			webhookId,
			parameters: { ...(spec.credential.parameters ?? {}), ...spec.parameters },
			credentials: credentialsOf(spec.credential.type, run.credentials),
		},
		(spec.downstream ?? []) as Array<Record<string, unknown>>,
	);
	const created = await run.client.createWorkflow(workflow);
	return {
		workflowId: created.id,
		versionId: created.versionId,
		...hookUrls(run, type, webhookId),
	};
}

/** Finished executions of a workflow, newest first. */
export async function finishedExecutions(client: N8nClient, workflowId: string) {
	const executions = await client.executions(workflowId);
	return executions
		.filter((e) => !['running', 'new', 'waiting'].includes(e.status))
		.sort((a, b) => Number(b.id) - Number(a.id));
}

/**
 * Waits until the workflow has `count` finished executions, then waits `quietMs`
 * more and checks that no further one started. Returns them, newest first.
 */
export async function expectExecutions(
	client: N8nClient,
	workflowId: string,
	count: number,
	quietMs = 2500,
) {
	const deadline = Date.now() + 20000;
	let done = await finishedExecutions(client, workflowId);
	while (done.length < count && Date.now() < deadline) {
		await sleepMs(300);
		done = await finishedExecutions(client, workflowId);
	}
	await sleepMs(quietMs);
	const all = await client.executions(workflowId);
	expect(
		all.length === count,
		`expected exactly ${count} execution(s) of workflow ${workflowId}, n8n has ${all.length} (${all.map((e) => e.status).join(', ')})`,
	);
	return await finishedExecutions(client, workflowId);
}

type Check = (name: string, fn: () => Promise<void> | void) => Promise<boolean>;

/**
 * The outcome of the sandbox's (first) delivery: its answer, and the event's
 * `marker` (and what the trigger remembers of it, when that is not the marker).
 */
export async function outcomeOf<E>(
	deliveries: Promise<Array<{ status: number; answer: string; body: string }>>,
	marker: (event: E) => string,
	remembered?: (event: E) => string,
): Promise<{ status: number; answer: string; marker: string; remembered?: string }> {
	const [delivery] = await deliveries;
	expect(delivery !== undefined, 'the sandbox had no webhook to deliver to');
	const event = JSON.parse(delivery.body) as E;
	return {
		status: delivery.status,
		answer: delivery.answer,
		marker: marker(event),
		remembered: remembered?.(event),
	};
}

/** Retries `fn` until it stops throwing (n8n 2.x registers webhooks a moment after activation). */
export async function eventually(fn: () => void | Promise<void>, timeoutMs = 20000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			await fn();
			return;
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await sleepMs(300);
		}
	}
}

/**
 * Waits until n8n serves the trigger's webhook: a call without any credential must
 * then get the node's own 401 (and start nothing) rather than n8n's 404.
 */
export async function waitForWebhook(url: string): Promise<void> {
	await eventually(async () => {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		const text = await response.text();
		expect(response.status !== 404, `n8n does not serve ${url} yet`);
		expect(
			response.status === 401,
			`a call without credentials got ${response.status}: ${text.slice(0, 200)}`,
		);
	});
}

/**
 * One trigger spec in a real n8n: activation and registration, a genuine delivery
 * (one execution), an unauthenticated one (refused, none), a duplicate (none),
 * deactivation and removal. Returns the workflow's ID (for the secrecy checks).
 */
export async function runTriggerSpec(
	run: TriggerRun,
	ctx: SandboxContext,
	spec: TriggerSpec,
	label: string,
	check: Check,
	answers: string[],
): Promise<string | undefined> {
	let hook: (TriggerHook & { versionId: string }) | undefined;
	const title = `${label}: ${spec.type} (${spec.name})`;
	const activated = await check(
		`${title} activates, and the provider sees the registration`,
		async () => {
			hook = await createTriggerWorkflow(run, spec, `${spec.type}: ${spec.name}`);
			await spec.prepare?.(ctx, hook);
			await run.client.activateWorkflow(hook.workflowId, hook.versionId);
			const active = hook;
			await eventually(() => spec.registered(ctx, active));
			await waitForWebhook(active.webhookUrl);
		},
	);
	if (!activated || !hook) return hook?.workflowId;
	const h = hook;
	let genuine: string | undefined;
	await check(`${title}: a genuine event starts exactly one execution`, async () => {
		const outcome = await spec.deliver.genuine(ctx, h);
		answers.push(outcome.answer);
		expect(
			outcome.status === 200,
			`the webhook answered ${outcome.status}: ${outcome.answer.slice(0, 200)}`,
		);
		const [execution] = await expectExecutions(run.client, h.workflowId, 1);
		expect(execution.status === 'success', `the execution ended ${execution.status}`);
		const data = await run.client.executionText(execution.id);
		expect(
			data.includes(outcome.marker),
			`the execution does not hold the event (${outcome.marker})`,
		);
		// The trigger remembers a short hash of the delivery's key.
		genuine = deliveryHash(outcome.remembered ?? outcome.marker);
	});
	await check(
		`${title}: n8n's database keeps the delivery in the workflow's static data`,
		async () => {
			expect(genuine !== undefined, 'no genuine delivery');
			await eventually(async () => {
				const workflow = await run.client.request<{ staticData?: unknown }>(
					'GET',
					`/rest/workflows/${h.workflowId}`,
				);
				const stored = JSON.stringify(workflow.staticData ?? null);
				expect(
					stored.includes(genuine!),
					`the static data holds no ${genuine}: ${stored.slice(0, 300)}`,
				);
			}, 10000);
		},
	);
	await check(`${title}: an unauthenticated call gets 401 and starts nothing`, async () => {
		const outcome = await spec.deliver.unauthenticated(ctx, h);
		answers.push(outcome.answer);
		expect(
			outcome.status === 401,
			`the webhook answered ${outcome.status}: ${outcome.answer.slice(0, 200)}`,
		);
		await expectExecutions(run.client, h.workflowId, 1);
	});
	await check(`${title}: the same event again starts no second execution`, async () => {
		const outcome = await spec.deliver.duplicate(ctx, h);
		answers.push(outcome.answer);
		expect(
			outcome.status === 200,
			`the webhook answered ${outcome.status}: ${outcome.answer.slice(0, 200)}`,
		);
		await expectExecutions(run.client, h.workflowId, 1);
	});
	await check(
		`${title}: deactivates, and the provider shows the registration removed`,
		async () => {
			await run.client.deactivateWorkflow(h.workflowId);
			await eventually(() => spec.removed(ctx, h));
		},
	);
	return h.workflowId;
}

/** n8n's scheduled polls come every minute; one may take a little longer to start. */
const NEXT_POLL_MS = 80000;

/**
 * A polling spec in a real n8n: the first poll (at activation) starts nothing;
 * each change starts exactly one execution at the next scheduled poll; the poll
 * after the last change starts none.
 */
export async function runPollingSpec(
	run: TriggerRun,
	ctx: SandboxContext,
	spec: PollingSpec,
	label: string,
	check: Check,
): Promise<string | undefined> {
	const title = `${label}: ${spec.type} (${spec.name})`;
	let hook: (TriggerHook & { versionId: string }) | undefined;
	const activated = await check(
		`${title} activates, and its first poll replays nothing`,
		async () => {
			spec.prepare?.(ctx);
			hook = await createTriggerWorkflow(
				run,
				{
					...spec,
					parameters: { ...spec.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } },
				},
				`${spec.type}: ${spec.name}`,
			);
			const before = spec.polls(ctx);
			await run.client.activateWorkflow(hook.workflowId, hook.versionId);
			await eventually(() => expect(spec.polls(ctx) > before, 'n8n did not poll at activation'));
			await expectExecutions(run.client, hook.workflowId, 0);
		},
	);
	if (!activated || !hook) return hook?.workflowId;
	const h = hook;
	for (let n = 1; n <= spec.changes; n++) {
		const ok = await check(
			`${title}: change ${n} starts exactly one execution at the next poll`,
			async () => {
				const marker = spec.change(ctx, n);
				const before = spec.polls(ctx);
				await eventually(
					() => expect(spec.polls(ctx) > before, 'n8n did not poll again'),
					NEXT_POLL_MS,
				);
				const [latest] = await expectExecutions(run.client, h.workflowId, n);
				expect(latest.status === 'success', `the execution ended ${latest.status}`);
				const data = await run.client.executionText(latest.id);
				expect(data.includes(marker), `the execution does not hold the change (${marker})`);
			},
		);
		if (!ok) break;
	}
	await check(`${title}: the next poll, with nothing new, starts nothing`, async () => {
		const before = spec.polls(ctx);
		await eventually(
			() => expect(spec.polls(ctx) > before, 'n8n did not poll again'),
			NEXT_POLL_MS,
		);
		await expectExecutions(run.client, h.workflowId, spec.changes);
	});
	await check(`${title}: deactivates`, async () => {
		await run.client.deactivateWorkflow(h.workflowId);
	});
	return h.workflowId;
}

/**
 * A validation spec in a real n8n: the provider asks the workflow, which answers
 * through n8n's response mode; the provider must read each expected decision.
 */
export async function runValidationSpec(
	run: TriggerRun,
	ctx: SandboxContext,
	spec: ValidationSpec,
	label: string,
	check: Check,
	answers: string[],
): Promise<string | undefined> {
	const title = `${label}: ${spec.type} (${spec.name})`;
	let hook: (TriggerHook & { versionId: string }) | undefined;
	const activated = await check(`${title} activates`, async () => {
		hook = await createTriggerWorkflow(run, spec, `${spec.type}: ${spec.name}`);
		await spec.prepare?.(ctx, hook);
		await run.client.activateWorkflow(hook.workflowId, hook.versionId);
		await waitForWebhook(hook.webhookUrl);
	});
	if (!activated || !hook) return hook?.workflowId;
	const h = hook;
	for (const [index, { input, decision }] of spec.cases.entries()) {
		await check(
			`${title}: the provider reads the workflow's ${decision} of "${input}"`,
			async () => {
				const outcome = await spec.ask(ctx, h, input);
				answers.push(outcome.answer);
				expect(
					outcome.decision === decision,
					`the provider read ${outcome.decision} from ${outcome.status} ${outcome.answer.slice(0, 200)}`,
				);
				await expectExecutions(run.client, h.workflowId, index + 1, 500);
			},
		);
	}
	await check(`${title}: deactivates`, async () => {
		await run.client.deactivateWorkflow(h.workflowId);
	});
	return h.workflowId;
}

/**
 * The example of a trigger spec for `npm run dev -- --sandbox`: the workflow named
 * `name` (created unless it exists), prepared at the provider and active.
 */
export async function provisionTriggerExample(
	run: TriggerRun,
	ctx: SandboxContext,
	spec: Pick<
		TriggerSpec,
		'type' | 'version' | 'credential' | 'parameters' | 'prepare' | 'fireTest'
	> & {
		downstream?: unknown[];
	},
	name: string,
): Promise<{ hook: TriggerHook & { testWebhookUrl: string }; created: boolean }> {
	const existing = (await run.client.listWorkflows()).find((w) => w.name === name);
	let hook: TriggerHook & { versionId: string; testWebhookUrl: string };
	let created = false;
	if (existing) {
		const workflow = await run.client.request<{
			versionId: string;
			active?: boolean;
			nodes: Array<{ type: string; webhookId?: string }>;
		}>('GET', `/rest/workflows/${existing.id}`);
		const type = `${run.packageName}.${spec.type}`;
		const node = workflow.nodes.find((n) => n.type === type);
		hook = {
			workflowId: existing.id,
			versionId: workflow.versionId,
			...hookUrls(run, type, node?.webhookId ?? ''),
		};
	} else {
		hook = await createTriggerWorkflow(run, spec, name);
		created = true;
	}
	await spec.prepare?.(ctx, hook);
	// A trigger set up at the provider by hand: its test URL too, as a user adds it there
	// to try "Listen for test event".
	if (spec.fireTest) await spec.prepare?.(ctx, { ...hook, webhookUrl: hook.testWebhookUrl });
	if (!created) {
		// Kept from an earlier run: n8n re-activated it at start, against a sandbox that
		// had just started afresh (and credentials not yet connected to it). Activate it
		// again now, so that it registers with this sandbox.
		await run.client.deactivateWorkflow(hook.workflowId).catch(() => undefined);
		const workflow = await run.client.request<{ versionId: string }>(
			'GET',
			`/rest/workflows/${hook.workflowId}`,
		);
		hook.versionId = workflow.versionId;
	}
	await run.client.activateWorkflow(hook.workflowId, hook.versionId);
	return { hook, created };
}
