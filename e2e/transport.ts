/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   End-to-end tooling, never published: it drives a real n8n server and reads its log. */
import { readFileSync } from 'node:fs';

import type { Sandbox, ThinkificProvider } from '../test/sandbox';
import { executionError } from './lib/executions';
import type { N8nClient } from './lib/n8n';
import { sleepMs } from './lib/n8n';
import { provisionCredential } from './lib/provision';
import type { ChainNode } from './lib/workflows';
import { splitOut, webhookChain } from './lib/workflows';
import { providers } from './providers';
import type { ProviderSpec, SandboxContext } from './spec';
import { expect } from './spec';

/**
 * The shared request path in a real n8n (`--provider transport` runs only these):
 * - a revoked refresh token with Continue On Fail over 200 items ends in seconds,
 *   with one token request, every item carrying the error;
 * - Stop during a rate-limit wait ends the execution at once, sends nothing more,
 *   and the node's error says so;
 * - a 429's `Retry-After` is waited out as the provider asked.
 */

export interface TransportRun {
	client: N8nClient;
	label: string;
	url: string;
	packageName: string;
	contexts: Map<ProviderSpec, SandboxContext>;
	check: (name: string, fn: () => Promise<void>) => Promise<boolean>;
	/** Workflows created, for the secrecy checks that follow. */
	workflowIds: string[];
	/** n8n's log (debug level). */
	logFile: string;
}

interface Answer {
	status: number;
	text: string;
	ms: number;
}

/** POSTs to a webhook; sent again only while n8n has not registered it yet (404). */
async function callWebhook(url: string, body: unknown): Promise<Answer> {
	const started = Date.now();
	const init = {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	};
	let response = await fetch(url, { ...init, signal: AbortSignal.timeout(300_000) });
	while (response.status === 404 && Date.now() - started < 20_000) {
		await response.text();
		await sleepMs(300);
		response = await fetch(url, { ...init, signal: AbortSignal.timeout(300_000) });
	}
	return { status: response.status, text: await response.text(), ms: Date.now() - started };
}

/**
 * The message and description of the error a workflow's execution ended with, as
 * n8n logs it ("Workflow execution finished with error", at debug level).
 */
function nodeErrorInLog(logFile: string, workflowId: string): string | undefined {
	const line = readFileSync(logFile, 'utf8')
		.split('\n')
		.find((l) => l.includes('Workflow execution finished with error') && l.includes(workflowId));
	if (!line) return undefined;
	const json = /\{.*\}/.exec(line)?.[0];
	const error = (JSON.parse(json ?? '{}') as { error?: { message?: string; description?: string } })
		.error;
	return [error?.message, error?.description].filter(Boolean).join(' — ');
}

export async function runTransportChecks(run: TransportRun): Promise<void> {
	const ctxOf = (name: string) => {
		const provider = providers.find((p) => p.name === name)!;
		return { spec: provider, ctx: run.contexts.get(provider)! };
	};
	const throughline = ctxOf('throughline');
	const thinkific = ctxOf('thinkific');
	const sandbox: Sandbox = throughline.ctx.sandbox;
	let slugs = 0;

	/** Creates and activates Webhook → nodes; returns its webhook URL. */
	const deploy = async (name: string, nodes: ChainNode[], continueOnFail = false) => {
		const slug = `transport-${++slugs}-${Math.random().toString(36).slice(2, 8)}`;
		const workflow = webhookChain(name, slug, nodes, 'allEntries');
		if (continueOnFail) {
			Object.assign(workflow.nodes[workflow.nodes.length - 1], {
				onError: 'continueRegularOutput',
			});
		}
		const created = await run.client.createWorkflow(workflow);
		await run.client.activateWorkflow(created.id, created.versionId);
		run.workflowIds.push(created.id);
		return { id: created.id, url: `${run.url}/webhook/${slug}` };
	};

	const tlSpec = throughline.spec.credentials[0];
	const tl = await provisionCredential(run.client, tlSpec, throughline.ctx, {
		name: 'ThroughLine (request path)',
	});
	const tlNode = (parameters: Record<string, unknown>): ChainNode => ({
		name: 'ThroughLine',
		type: `${run.packageName}.throughLine`,
		version: 1.1,
		parameters,
		credentials: { throughLineOAuth2Api: { id: tl.id, name: tl.name } },
	});

	await run.check(
		`${run.label}: a 429 with Retry-After: 5 is waited out for 5 s, then sent again once`,
		async () => {
			const { url } = await deploy('Retry-After', [
				tlNode({ resource: 'helpline', operation: 'get', helplineId: 'us-3' }),
			]);
			// Through n8n once first (the token, and the webhook registered).
			expect((await callWebhook(url, {})).status === 200, 'the first run failed');
			sandbox.inject({
				provider: 'throughline',
				route: 'GET /v1/helplines/us-3',
				kind: 'rateLimit',
				headers: { 'retry-after': '5' },
			});
			const since = sandbox.log.length;
			const answer = await callWebhook(url, {});
			const times = sandbox.log
				.slice(since)
				.filter((r) => r.path === '/v1/helplines/us-3')
				.map((r) => r.at);
			expect(
				answer.status === 200,
				`the webhook answered ${answer.status}: ${answer.text.slice(0, 300)}`,
			);
			expect(times.length === 2, `${times.length} requests to the helpline, expected 2`);
			expect(times[1] - times[0] >= 4900, `sent again after ${times[1] - times[0]} ms, not 5 s`);
		},
	);

	await run.check(
		`${run.label}: Stop during a rate-limit wait ends the execution within a second, sends nothing more, and says nothing was sent`,
		async () => {
			const { id, url } = await deploy('Stop during a wait', [
				splitOut('body.sessions'),
				tlNode({
					resource: 'event',
					operation: 'recordDisplay',
					helplineId: 'nz-2',
					sessionId: '={{ $json.session }}',
				}),
			]);
			sandbox.inject({
				provider: 'throughline',
				route: 'POST /v1/events/helpline_display',
				kind: 'rateLimit',
				headers: { 'retry-after': '5' },
			});
			const eventsBefore = sandbox.count('throughline', 'events recorded');
			const running = callWebhook(url, {
				sessions: [1, 2, 3].map((n) => ({ session: `e2e-stop-${n}` })),
			});
			let executionId: string | undefined;
			let seen: Array<{ id: string; status: string }> = [];
			const deadline = Date.now() + 20_000;
			while (!executionId && Date.now() < deadline) {
				await sleepMs(200);
				seen = await run.client.executions(id);
				executionId = seen.find((e) => e.status === 'running')?.id;
			}
			if (!executionId && seen[0]) {
				const text = await run.client.executionText(seen[0].id);
				throw new Error(`no running execution to stop: ${seen[0].status}, ${executionError(text)}`);
			}
			expect(executionId, 'no execution to stop');
			// Into the 5 s wait after the 429.
			await sleepMs(1000);
			const stoppedAt = Date.now();
			await run.client.request('POST', `/rest/executions/${executionId}/stop`);
			await running;
			// n8n saves a stopped execution as cancelled, without the node's error; the
			// node's own error (what was and was not sent) is in n8n's log when the node ends.
			let status = 'running';
			let error: string | undefined;
			let endedMs: number | undefined;
			while ((status === 'running' || !error) && Date.now() - stoppedAt < 10_000) {
				status = (await run.client.executions(id)).find((e) => e.id === executionId)!.status;
				error ??= nodeErrorInLog(run.logFile, id);
				if (status !== 'running' && error) endedMs ??= Date.now() - stoppedAt;
				if (status === 'running' || !error) await sleepMs(100);
			}
			expect(status === 'canceled', `the execution is ${status}`);
			expect(error, "the node's error is not in n8n's log");
			expect(
				endedMs !== undefined && endedMs < 1000,
				`the execution and the node ended ${endedMs} ms after the Stop`,
			);
			expect(/nothing was sent after the Stop/.test(error), `the node's error: "${error}"`);
			expect(/Items 1–2 were not started/.test(error), `the node's error: "${error}"`);
			// Past the 5 s the provider asked to wait: nothing more may come.
			await sleepMs(6000);
			const after = sandbox.log.filter((r) => r.provider === 'throughline' && r.at > stoppedAt);
			expect(
				after.length === 0,
				`sent after the Stop: ${after.map((r) => `${r.method} ${r.path}`).join(', ')}`,
			);
			expect(
				sandbox.count('throughline', 'events recorded') === eventsBefore,
				'an event was recorded',
			);
		},
	);

	await run.check(
		`${run.label}: a revoked refresh token with Continue On Fail over 200 items ends in seconds, with one token request`,
		async () => {
			const provider = thinkific.ctx.sandbox.provider<ThinkificProvider>('thinkific');
			const spec = thinkific.spec.credentials.find((c) => c.type === 'thinkificOAuth2Api')!;
			const issued = new Set(provider.auth.validRefreshTokens());
			const credential = await provisionCredential(run.client, spec, thinkific.ctx, {
				name: 'Thinkific OAuth2 (revoked)',
			});
			// The user disconnects the app at Thinkific: this credential's refresh token is revoked.
			provider.auth.revokeRefreshTokens(
				provider.auth.validRefreshTokens().filter((token) => !issued.has(token)),
			);
			const { url } = await deploy(
				'Revoked refresh token',
				[
					splitOut('body.users'),
					{
						name: 'Thinkific',
						type: `${run.packageName}.thinkific`,
						version: 1,
						parameters: {
							authentication: spec.type,
							resource: 'user',
							operation: 'get',
							userId: '={{ $json.id }}',
						},
						credentials: { thinkificOAuth2Api: { id: credential.id, name: credential.name } },
					},
				],
				true,
			);
			provider.auth.expireAccessTokens();
			const tokenRequests = () => thinkific.ctx.sandbox.count('thinkific', 'POST /oauth2/token');
			const before = tokenRequests();
			const answer = await callWebhook(url, {
				users: Array.from({ length: 200 }, () => ({ id: 1 })),
			});
			expect(
				answer.status === 200,
				`the webhook answered ${answer.status}: ${answer.text.slice(0, 300)}`,
			);
			const items = JSON.parse(answer.text) as Array<{ error?: string }>;
			expect(answer.ms < 15_000, `the execution took ${Math.round(answer.ms / 1000)} s`);
			expect(tokenRequests() - before === 1, `${tokenRequests() - before} token requests`);
			expect(items.length === 200, `${items.length} items`);
			const carrying = items.filter((i) => /needs to be reconnected/.test(i.error ?? ''));
			expect(
				carrying.length === 200,
				`${carrying.length} of 200 items carry the error; first: ${JSON.stringify(items[0])}`,
			);
		},
	);
}
