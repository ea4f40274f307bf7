import type { FlixcheckProvider, ThanksIoProvider, ThinkificProvider } from '../test/sandbox';
import { FLIXCHECK_WEBHOOK_SECRET } from '../test/sandbox';
import type { N8nClient, N8nServer } from './lib/n8n';
import { OWNER, RestError, sleepMs } from './lib/n8n';
import type { TriggerRun } from './lib/triggers';
import {
	createTriggerWorkflow,
	eventually,
	expectExecutions,
	waitForWebhook,
} from './lib/triggers';
import type { ProviderSpec, SandboxContext, TriggerHook } from './spec';
import { expect } from './spec';

/**
 * The thanks.io and Thinkific Triggers in a real n8n, where their state must
 * survive n8n itself:
 * - "Listen for test event": the editor's manual run registers at the test URL,
 *   one test event starts a manual execution, and the test registrations go;
 * - a publish while an execution of the workflow still runs (a Wait node after
 *   the trigger): when it ends, n8n writes back the static data it began with,
 *   and the next delivery must still be accepted and start an execution;
 * - an activation that fails half-way leaves no registration on the sandbox;
 * - n8n restarted with another public URL (WEBHOOK_URL): deactivating removes the
 *   registrations of the old address too (n8n 2.x does not register webhook triggers
 *   again when it starts), activating again registers at the new one only;
 * - the Thinkific API key refused by the Webhooks API: published without
 *   registrations, "Listen for test event" shows the address to add in the admin,
 *   and an unsigned delivery to it starts an execution.
 */

export interface StateLine {
	label: string;
	server: N8nServer;
	client: N8nClient;
	contexts: Map<ProviderSpec, SandboxContext>;
	workflowIds: string[];
	webhookAnswers: string[];
}

type Check = (name: string, fn: () => Promise<void> | void) => Promise<boolean>;

interface Delivery {
	status: number;
	answer: string;
	body: string;
}

/** What differs between the two triggers. */
interface Subject {
	/** The provider's name in the suite (and the sandbox). */
	provider: string;
	type: string;
	credential: string;
	events: string[];
	/** The registrations' URLs at the sandbox for an n8n webhook ID, on either endpoint or host. */
	registered(ctx: SandboxContext, webhookId: string): string[];
	/** Delivers an event of the first chosen kind to the registration at `url`. */
	fire(ctx: SandboxContext, url: string): Promise<Delivery[]>;
	/** Makes creating a webhook fail after `count` more (undefined: never). */
	failCreatesAfter(ctx: SandboxContext, count: number | undefined): void;
	/** The event's ID in a delivery's body. */
	eventId(body: string): string;
}

function thanksIo(ctx: SandboxContext) {
	return ctx.sandbox.provider<ThanksIoProvider>('thanksio');
}

function thinkific(ctx: SandboxContext) {
	return ctx.sandbox.provider<ThinkificProvider>('thinkific');
}

function hasWebhookId(url: string, webhookId: string): boolean {
	try {
		return new URL(url).pathname.split('/').includes(webhookId);
	} catch {
		return false;
	}
}

const SUBJECTS: Subject[] = [
	{
		provider: 'thanksio',
		type: 'thanksIoTrigger',
		credential: 'thanksIoOAuth2Api',
		events: ['order_item.delivered', 'scans.scan_update'],
		registered: (ctx, id) =>
			[...thanksIo(ctx).hooks.webhooks.values()]
				.map((w) => w.url)
				.filter((url) => hasWebhookId(url, id)),
		fire: async (ctx, url) => await thanksIo(ctx).hooks.fire('order_item.delivered', { to: url }),
		failCreatesAfter: (ctx, count) => void (thanksIo(ctx).hooks.failCreatesAfter = count),
		eventId: (body) => String((JSON.parse(body) as { event_id: string }).event_id),
	},
	{
		provider: 'thinkific',
		type: 'thinkificTrigger',
		credential: 'thinkificOAuth2Api',
		events: ['order.created', 'user.signup'],
		registered: (ctx, id) =>
			[...thinkific(ctx).hooks.webhooks.values()]
				.map((w) => w.target_url)
				.filter((url) => hasWebhookId(url, id)),
		fire: async (ctx, url) => await thinkific(ctx).fire('order.created', { url }),
		failCreatesAfter: (ctx, count) => void (thinkific(ctx).hooks.failCreatesAfter = count),
		eventId: (body) => String((JSON.parse(body) as { id: string }).id),
	},
];

const WAIT_SECONDS = 6;

function webhookIdOf(hook: TriggerHook): string {
	return hook.webhookUrl.split('/').slice(-2)[0];
}

function isTestUrl(url: string): boolean {
	return new URL(url).pathname.includes('/webhook-test/');
}

/**
 * Waits until n8n 2.x has finished publishing (1.x publishes inside the REST call). A
 * failing activation is tried five times over about 16 s by n8n 2.40.7, and a node
 * that meets the provider's rate limit on the way waits as long as the provider says
 * (the thanks.io sandbox: up to a minute), so the wait is long.
 */
async function published(
	client: N8nClient,
	workflowId: string,
): Promise<{ status: string; errors: string[] }> {
	if (client.major < 2) return { status: 'published', errors: [] };
	const deadline = Date.now() + 120_000;
	for (;;) {
		const state = await client.request<{
			status: string;
			triggers?: Array<{ errorMessage?: string | null }>;
		}>('GET', `/rest/workflows/${workflowId}/publication-status`);
		if (state.status !== 'in_progress' || Date.now() > deadline) {
			const errors = (state.triggers ?? [])
				.map((t) => t.errorMessage)
				.filter((m): m is string => typeof m === 'string' && m !== '');
			return { status: state.status, errors };
		}
		await sleepMs(300);
	}
}

/** Publishes a changed version of an active workflow (the Wait node waits a second longer). */
async function publishAgain(client: N8nClient, workflowId: string): Promise<void> {
	const workflow = await client.request<{
		versionId: string;
		nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
		connections: unknown;
	}>('GET', `/rest/workflows/${workflowId}`);
	const nodes = workflow.nodes.map((node) =>
		node.type === 'n8n-nodes-base.wait'
			? { ...node, parameters: { ...node.parameters, amount: Number(node.parameters.amount) + 1 } }
			: node,
	);
	const update = { nodes, connections: workflow.connections, versionId: workflow.versionId };
	if (client.major >= 2) {
		const saved = await client.request<{ versionId: string }>(
			'PATCH',
			`/rest/workflows/${workflowId}`,
			update,
		);
		await client.request('POST', `/rest/workflows/${workflowId}/activate`, {
			versionId: saved.versionId,
		});
	} else {
		await client.request('PATCH', `/rest/workflows/${workflowId}`, { ...update, active: true });
	}
}

/**
 * Delivers an event, waits until the execution it starts runs (held by a Wait node),
 * and publishes the workflow again meanwhile, without errors.
 */
async function publishDuringExecution(
	client: N8nClient,
	workflowId: string,
	deliver: () => Promise<{ status: number } | undefined>,
): Promise<void> {
	const early = await deliver();
	expect(early?.status === 200, `the first delivery got ${early?.status}`);
	await eventually(async () => {
		const running = await client.executions(workflowId);
		expect(running.length === 1, 'the first execution did not start');
	});
	await publishAgain(client, workflowId);
	const republished = await published(client, workflowId);
	expect(
		republished.errors.length === 0,
		`publishing again failed: ${republished.errors.join('; ')}`,
	);
}

/** The editor's "Listen for test event" on the trigger (a manual run from it). */
async function listenForTestEvent(
	client: N8nClient,
	workflowId: string,
	nodeName: string,
): Promise<{ waitingForWebhook?: boolean }> {
	const workflowData = await client.request('GET', `/rest/workflows/${workflowId}`);
	return await client.request('POST', `/rest/workflows/${workflowId}/run`, {
		workflowData,
		triggerToStartFrom: { name: nodeName },
	});
}

/** Restarts n8n with `webhookUrl` as its public URL (WEBHOOK_URL), or its own again. */
async function restartWith(line: StateLine, webhookUrl?: string): Promise<void> {
	await line.server.stop();
	const env = { ...(line.server.options.env ?? {}) };
	if (webhookUrl) env.WEBHOOK_URL = webhookUrl;
	else delete env.WEBHOOK_URL;
	line.server.options.env = env;
	await line.server.start();
	await line.client.signIn(OWNER);
}

export async function runTriggerState(
	line: StateLine,
	run: TriggerRun,
	check: Check,
): Promise<void> {
	const contextOf = (provider: string) =>
		[...line.contexts.entries()].find(([spec]) => spec.name === provider)?.[1];
	const subjects = SUBJECTS.filter(
		(s) => contextOf(s.provider) && run.credentials.has(s.credential),
	);
	await flixcheckPublishedAgain(line, run, check, contextOf('flixcheck'));
	if (subjects.length === 0) return;
	const nodeName = (type: string) =>
		String(run.nodeTypes.find((t) => t.name === `${run.packageName}.${type}`)?.displayName ?? type);

	async function workflowOf(
		subject: Subject,
		name: string,
		options: { credential?: string; events?: string[]; wait?: boolean } = {},
	) {
		const credential = options.credential ?? subject.credential;
		const hook = await createTriggerWorkflow(
			run,
			{
				type: subject.type,
				credential: { type: credential, parameters: { authentication: credential } },
				parameters: { events: options.events ?? subject.events },
				downstream: options.wait
					? [
							{
								name: 'Wait',
								type: 'n8n-nodes-base.wait',
								typeVersion: 1.1,
								parameters: { resume: 'timeInterval', amount: WAIT_SECONDS, unit: 'seconds' },
							},
						]
					: [],
			},
			`${subject.type}: ${name}`,
		);
		line.workflowIds.push(hook.workflowId);
		return hook;
	}

	/** The production registrations of a workflow (all hosts), once there are `count`. */
	async function registeredNow(subject: Subject, ctx: SandboxContext, id: string, count: number) {
		let urls: string[] = [];
		await eventually(() => {
			urls = subject.registered(ctx, id).filter((url) => !isTestUrl(url));
			expect(urls.length === count, `${urls.length} registration(s) on the sandbox`);
		}, 60000);
		return urls;
	}

	async function deliverOnce(subject: Subject, ctx: SandboxContext, url: string) {
		const [delivery] = await subject.fire(ctx, url);
		expect(delivery !== undefined, `the sandbox has no webhook at ${url}`);
		line.webhookAnswers.push(delivery.answer);
		return delivery;
	}

	for (const subject of subjects) {
		const ctx = contextOf(subject.provider)!;
		const title = `${line.label}: ${subject.type}`;

		await check(
			`${title}: "Listen for test event" registers at the test URL, runs one test event, removes the test registration`,
			async () => {
				const hook = await workflowOf(subject, 'test event');
				const id = webhookIdOf(hook);
				const answer = await listenForTestEvent(
					line.client,
					hook.workflowId,
					nodeName(subject.type),
				);
				expect(answer?.waitingForWebhook === true, `n8n answered ${JSON.stringify(answer)}`);
				const test = subject.registered(ctx, id);
				expect(
					test.length === subject.events.length && test.every(isTestUrl),
					`the sandbox has ${test.join(', ') || 'nothing'}`,
				);
				const delivery = await deliverOnce(subject, ctx, test[0]);
				expect(delivery.status === 200, `the test URL answered ${delivery.status}`);
				const [execution] = await expectExecutions(line.client, hook.workflowId, 1);
				expect(execution.status === 'success', `the test execution ended ${execution.status}`);
				const data = await line.client.executionText(execution.id);
				expect(data.includes(subject.eventId(delivery.body)), 'the execution lacks the event');
				await eventually(() => {
					const left = subject.registered(ctx, id);
					expect(left.length === 0, `test registrations left: ${left.join(', ')}`);
				});
			},
		);

		await check(
			`${title}: published again while an execution runs, the next delivery still starts one`,
			async () => {
				const hook = await workflowOf(subject, 'published again', { wait: true });
				const id = webhookIdOf(hook);
				await line.client.activateWorkflow(hook.workflowId, hook.versionId);
				await published(line.client, hook.workflowId);
				const [first] = await registeredNow(subject, ctx, id, subject.events.length);
				await waitForWebhook(hook.webhookUrl);
				await publishDuringExecution(
					line.client,
					hook.workflowId,
					async () => await deliverOnce(subject, ctx, first),
				);
				const [again] = await registeredNow(subject, ctx, id, subject.events.length);
				// The first execution ends after its wait, and n8n writes back its static data.
				const [ended] = await expectExecutions(line.client, hook.workflowId, 1, 500);
				expect(ended.status === 'success', `the first execution ended ${ended.status}`);
				const next = await deliverOnce(subject, ctx, again);
				expect(
					next.status === 200 && JSON.parse(next.answer).started === true,
					`the next delivery got ${next.status}: ${next.answer.slice(0, 200)}`,
				);
				const done = await expectExecutions(line.client, hook.workflowId, 2);
				expect(
					done.every((e) => e.status === 'success'),
					`executions ended ${done.map((e) => e.status).join(', ')}`,
				);
				await line.client.deactivateWorkflow(hook.workflowId);
				await eventually(() => {
					const left = subject.registered(ctx, id);
					expect(left.length === 0, `registrations left: ${left.join(', ')}`);
				});
			},
		);

		await check(
			`${title}: an activation that fails half-way leaves no registration behind`,
			async () => {
				const hook = await workflowOf(subject, 'failed activation');
				const id = webhookIdOf(hook);
				subject.failCreatesAfter(ctx, 1);
				let message = '';
				try {
					try {
						await line.client.activateWorkflow(hook.workflowId, hook.versionId);
						message = (await published(line.client, hook.workflowId)).errors.join('; ');
					} catch (error) {
						message = error instanceof RestError ? error.body : String(error);
					}
					expect(/answered 500/.test(message), `the activation error was: ${message || 'none'}`);
					await eventually(() => {
						const left = subject.registered(ctx, id);
						expect(left.length === 0, `registrations left: ${left.join(', ')}`);
					});
				} finally {
					subject.failCreatesAfter(ctx, undefined);
					await line.client.deactivateWorkflow(hook.workflowId).catch(() => undefined);
				}
			},
		);
	}

	const thinkificSubject = subjects.find((s) => s.provider === 'thinkific');
	if (thinkificSubject && run.credentials.has('thinkificApi')) {
		const ctx = contextOf('thinkific')!;
		await check(
			`${line.label}: thinkificTrigger with an API key Thinkific refuses: published without registrations, the test run shows the address for the admin`,
			async () => {
				thinkific(ctx).hooks.apiKeyAccepted = false;
				try {
					const hook = await workflowOf(thinkificSubject, 'webhooks added in the admin', {
						credential: 'thinkificApi',
						events: ['user.signup'],
					});
					const id = webhookIdOf(hook);
					await line.client.activateWorkflow(hook.workflowId, hook.versionId);
					const state = await published(line.client, hook.workflowId);
					expect(state.errors.length === 0, `publishing failed: ${state.errors.join('; ')}`);
					await waitForWebhook(hook.webhookUrl);
					expect(thinkificSubject.registered(ctx, id).length === 0, 'something was registered');
					// The editor shows the address under "Show details": the error's description.
					const shown = await listenForTestEvent(
						line.client,
						hook.workflowId,
						nodeName(thinkificSubject.type),
					).then(
						() => ({}) as { message?: string; description?: string },
						(error: unknown) =>
							JSON.parse(error instanceof RestError ? error.body : '{}') as {
								message?: string;
								description?: string;
							},
					);
					const secret = /\?token=([0-9a-f]{64})/.exec(shown.description ?? '')?.[1];
					expect(
						secret !== undefined && !String(shown.message).includes(secret),
						`the test run said: ${JSON.stringify(shown).slice(0, 300)}`,
					);
					const address = `${hook.webhookUrl}?token=${secret}`;
					thinkific(ctx).hooks.addAdminWebhook('user.signup', address, { signed: false });
					const [delivery] = await thinkific(ctx).fire('user.signup', { url: address });
					line.webhookAnswers.push(delivery.answer);
					expect(delivery.status === 200, `the unsigned delivery got ${delivery.status}`);
					// Unsigned and without the secret: refused, nothing starts.
					const bare = await thinkific(ctx).hooks.deliverTo(
						hook.webhookUrl,
						thinkific(ctx).hooks.event('user.signup'),
						'admin',
						{ signature: null },
					);
					line.webhookAnswers.push(bare.answer);
					expect(bare.status === 401, `an unsigned delivery without the secret got ${bare.status}`);
					await expectExecutions(line.client, hook.workflowId, 1);
					await line.client.deactivateWorkflow(hook.workflowId);
				} finally {
					thinkific(ctx).hooks.apiKeyAccepted = true;
				}
			},
		);
	}

	await check(
		`${line.label}: after a restart with another public URL, deactivating leaves no registration of the old one, and activating registers at the new one only`,
		async () => {
			const active: Array<{ subject: Subject; ctx: SandboxContext; hook: TriggerHook }> = [];
			for (const subject of subjects) {
				const ctx = contextOf(subject.provider)!;
				const hook = await workflowOf(subject, 'public URL changes');
				await line.client.activateWorkflow(hook.workflowId, hook.versionId);
				await published(line.client, hook.workflowId);
				await registeredNow(subject, ctx, webhookIdOf(hook), subject.events.length);
				active.push({ subject, ctx, hook });
			}
			const moved = line.server.url.replace('127.0.0.1', 'localhost');
			await restartWith(line, `${moved}/`);
			try {
				for (const { subject, ctx, hook } of active) {
					const id = webhookIdOf(hook);
					// Whatever n8n did at its start, deactivating removes every registration of the
					// node, the old address's included.
					await line.client.deactivateWorkflow(hook.workflowId);
					await eventually(() => {
						const left = subject.registered(ctx, id);
						expect(left.length === 0, `registrations left: ${left.join(', ')}`);
					});
					const workflow = await line.client.request<{ versionId: string }>(
						'GET',
						`/rest/workflows/${hook.workflowId}`,
					);
					await line.client.activateWorkflow(hook.workflowId, workflow.versionId);
					await published(line.client, hook.workflowId);
					const urls = await registeredNow(subject, ctx, id, subject.events.length);
					expect(
						urls.every((url) => url.startsWith(`${moved}/webhook/`)),
						`the sandbox has ${urls.join(', ')}`,
					);
					const delivery = await deliverOnce(subject, ctx, urls[0]);
					expect(delivery.status === 200, `a delivery to the new URL got ${delivery.status}`);
					await expectExecutions(line.client, hook.workflowId, 1);
					await line.client.deactivateWorkflow(hook.workflowId);
					await eventually(() => {
						const left = subject.registered(ctx, id);
						expect(left.length === 0, `registrations left: ${left.join(', ')}`);
					});
				}
			} finally {
				await restartWith(line);
			}
		},
	);
}

/**
 * The Flixcheck Trigger keeps nothing but its de-duplication window in static data
 * (the secret is the credential's): published again while an execution waits, the
 * next delivery still starts an execution.
 */
async function flixcheckPublishedAgain(
	line: StateLine,
	run: TriggerRun,
	check: Check,
	ctx: SandboxContext | undefined,
): Promise<void> {
	if (!ctx || !run.credentials.has('flixcheckWebhookApi')) return;
	const hooks = ctx.sandbox.provider<FlixcheckProvider>('flixcheck').hooks;
	await check(
		`${line.label}: flixcheckTrigger: published again while an execution runs, the next delivery still starts one`,
		async () => {
			const hook = await createTriggerWorkflow(
				run,
				{
					type: 'flixcheckTrigger',
					credential: { type: 'flixcheckWebhookApi' },
					parameters: { events: ['checkOpened'] },
					downstream: [
						{
							name: 'Wait',
							type: 'n8n-nodes-base.wait',
							typeVersion: 1.1,
							parameters: { resume: 'timeInterval', amount: WAIT_SECONDS, unit: 'seconds' },
						},
					],
				},
				'flixcheckTrigger: published again',
			);
			line.workflowIds.push(hook.workflowId);
			hooks.configure({
				url: hook.webhookUrl,
				events: ['checkOpened'],
				headers: { [FLIXCHECK_WEBHOOK_SECRET.headerName]: FLIXCHECK_WEBHOOK_SECRET.secret },
			});
			await line.client.activateWorkflow(hook.workflowId, hook.versionId);
			await published(line.client, hook.workflowId);
			await waitForWebhook(hook.webhookUrl);
			await publishDuringExecution(line.client, hook.workflowId, async () => {
				const [early] = await hooks.fire('checkOpened', { to: hook.webhookUrl });
				return early;
			});
			const [ended] = await expectExecutions(line.client, hook.workflowId, 1, 500);
			expect(ended.status === 'success', `the first execution ended ${ended.status}`);
			await waitForWebhook(hook.webhookUrl);
			const [next] = await hooks.fire('checkOpened', { to: hook.webhookUrl });
			expect(next?.status === 200, `the next delivery got ${next?.status}`);
			const done = await expectExecutions(line.client, hook.workflowId, 2);
			expect(
				done.every((e) => e.status === 'success'),
				`executions ended ${done.map((e) => e.status).join(', ')}`,
			);
			await line.client.deactivateWorkflow(hook.workflowId);
		},
	);
}
