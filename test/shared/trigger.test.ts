import { createHmac } from 'node:crypto';

import { WebhookContext } from 'n8n-core';
import type { IDataObject, IWebhookData, WorkflowExecuteMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ThinkificTrigger } from '../../nodes/Thinkific/ThinkificTrigger.node';
import {
	DEDUP_ENTRY_LENGTH,
	DEDUP_MAX_AGE_MS,
	DEDUP_MAX_BYTES,
	DEDUP_MAX_ENTRIES,
	deliveryHash,
	deliveryKey,
	memoryEntry,
	rememberedDeliveries,
	sameSecret,
	seenBefore,
	verifyHmacSha256Hex,
} from '../../nodes/shared/trigger';
import { sameWebhook } from '../../nodes/shared/registrations';
import { deriveUrlSecret } from '../../nodes/shared/urlSecret';
import { CredentialStore, additionalDataFor, buildNode, nodeTypesFor } from '../harness';

describe('signatures and secrets', () => {
	const body = Buffer.from('{"id":"20180126172320940835610","resource":"order"}');
	const key = 'client-secret-of-the-app';
	const signature = createHmac('sha256', key).update(body).digest('hex');

	it('accepts the hex HMAC-SHA256 of the bytes, in either case', () => {
		expect(verifyHmacSha256Hex(body, key, signature)).toBe(true);
		expect(verifyHmacSha256Hex(body, key, ` ${signature.toUpperCase()} `)).toBe(true);
	});

	it('refuses another key, other bytes, a cut or malformed signature, and an empty key', () => {
		expect(verifyHmacSha256Hex(body, 'another-key', signature)).toBe(false);
		expect(verifyHmacSha256Hex(Buffer.from(`${body.toString()} `), key, signature)).toBe(false);
		expect(verifyHmacSha256Hex(body, key, signature.slice(0, 63))).toBe(false);
		expect(verifyHmacSha256Hex(body, key, `${signature.slice(0, 63)}g`)).toBe(false);
		expect(verifyHmacSha256Hex(body, key, undefined)).toBe(false);
		expect(verifyHmacSha256Hex(body, '', createHmac('sha256', '').update(body).digest('hex'))).toBe(
			false,
		);
	});

	it('compares secrets of any length without throwing, and never matches an empty one', () => {
		expect(sameSecret('s3cret-value', 's3cret-value')).toBe(true);
		expect(sameSecret('s3cret-valu', 's3cret-value')).toBe(false);
		expect(sameSecret('x'.repeat(1000), 's3cret-value')).toBe(false);
		expect(sameSecret('', '')).toBe(false);
		expect(sameSecret(undefined, 's3cret-value')).toBe(false);
		expect(sameSecret(['s3cret-value'], 's3cret-value')).toBe(false);
	});

	it('keys a delivery by its ID, or by a hash of the event without one', () => {
		expect(deliveryKey('20180126172320940835610', {})).toBe('20180126172320940835610');
		expect(deliveryKey(undefined, { event: 'checkOpened' })).toMatch(/^sha256:[0-9a-f]{40}$/);
		expect(deliveryKey(undefined, { event: 'checkOpened' })).toBe(
			deliveryKey('', { event: 'checkOpened' }),
		);
		expect(deliveryKey('x'.repeat(100), {})).toHaveLength(40);
	});
});

describe('the de-duplication window', () => {
	const nodeType = new ThinkificTrigger();
	const node = buildNode(nodeType, { events: ['order.created'] }, {}, false);
	node.webhookId = 'hook-1';

	/** A webhook call's context, as n8n makes one, over the given static data. */
	function context(staticData: IDataObject, mode: WorkflowExecuteMode = 'webhook', id = 'wf-1') {
		const workflow = new Workflow({
			id,
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesFor(nodeType),
			staticData,
		});
		const additionalData = additionalDataFor(new CredentialStore([]));
		additionalData.httpRequest = { body: {}, headers: {}, query: {}, params: {} } as never;
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'hook-1/thinkific',
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: id,
			workflowExecuteAdditionalData: additionalData,
		} as IWebhookData;
		return {
			ctx: new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null),
			workflow,
		};
	}

	function memory(workflow: Workflow) {
		return rememberedDeliveries(workflow.getStaticData('node', node));
	}

	it(`keeps at most ${DEDUP_MAX_ENTRIES} deliveries in ${DEDUP_MAX_BYTES} bytes, dropping the oldest`, () => {
		const { ctx, workflow } = context({}, 'webhook', 'wf-bound');
		const start = Date.now();
		for (let i = 0; i < DEDUP_MAX_ENTRIES + 10; i++) {
			expect(seenBefore(ctx, `event-${i}-${'x'.repeat(60)}`, start + i)).toBe(false);
		}
		const kept = memory(workflow).map((e) => e.hash);
		expect(kept).toHaveLength(DEDUP_MAX_ENTRIES);
		expect(kept).not.toContain(deliveryHash(`event-0-${'x'.repeat(60)}`));
		expect(kept[kept.length - 1]).toBe(
			deliveryHash(`event-${DEDUP_MAX_ENTRIES + 9}-${'x'.repeat(60)}`),
		);
		const stored = workflow.getStaticData('node', node).deliveries as string;
		expect(stored.length).toBe(DEDUP_MAX_ENTRIES * DEDUP_ENTRY_LENGTH);
		expect(JSON.stringify(workflow.getStaticData('node', node)).length).toBeLessThan(
			DEDUP_MAX_BYTES + 32,
		);
	});

	it('forgets deliveries older than the window', () => {
		const start = Date.now();
		const stored: IDataObject = {
			'node:Thinkific Trigger': {
				deliveries:
					memoryEntry('old', start - DEDUP_MAX_AGE_MS - 120_000) +
					memoryEntry('recent', start - 1000),
			},
		};
		const { ctx, workflow } = context(stored, 'webhook', 'wf-age');
		expect(seenBefore(ctx, 'recent', start)).toBe(true);
		expect(seenBefore(ctx, 'old', start)).toBe(false);
		expect(memory(workflow).map((e) => e.hash)).toEqual([
			deliveryHash('recent'),
			deliveryHash('old'),
		]);
	});

	it('reads the memory an earlier version kept (key → time in ms)', () => {
		const start = Date.now();
		const stored: IDataObject = {
			'node:Thinkific Trigger': { deliveries: { earlier: start - 5000 } },
		};
		const { ctx } = context(stored, 'webhook', 'wf-earlier');
		expect(seenBefore(ctx, 'earlier', start)).toBe(true);
	});

	it('passes every test event on, and remembers none', () => {
		const { ctx, workflow } = context({}, 'manual', 'wf-manual');
		expect(seenBefore(ctx, 'test-event')).toBe(false);
		expect(seenBefore(ctx, 'test-event')).toBe(false);
		expect(memory(workflow)).toEqual([]);
	});

	it('recognises a delivery still being handled by this process before static data is saved', () => {
		const first = context({}, 'webhook', 'wf-inflight');
		expect(seenBefore(first.ctx, 'in-flight')).toBe(false);
		// The second call reads static data as saved before the first was done: empty.
		const second = context({}, 'webhook', 'wf-inflight');
		expect(seenBefore(second.ctx, 'in-flight')).toBe(true);
		// Another workflow's memory is its own.
		const other = context({}, 'webhook', 'wf-other');
		expect(seenBefore(other.ctx, 'in-flight')).toBe(false);
	});
});

describe('URL secrets and registrations found by URL', () => {
	const ids = { workflowId: 'wf-1', nodeId: 'node-1', webhookId: 'hook-1' };

	it('derives the same secret every time, and another for another workflow, node, webhook or key', () => {
		const secret = deriveUrlSecret('client-secret', ids);
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(deriveUrlSecret('client-secret', { ...ids })).toBe(secret);
		for (const other of [
			deriveUrlSecret('another-secret', ids),
			deriveUrlSecret('client-secret', { ...ids, workflowId: 'wf-2' }),
			deriveUrlSecret('client-secret', { ...ids, nodeId: 'node-2' }),
			deriveUrlSecret('client-secret', { ...ids, webhookId: 'hook-2' }),
		]) {
			expect(other).not.toBe(secret);
		}
	});

	it("knows a node's registrations by n8n's endpoint, webhook ID and path, whatever host", () => {
		const own = 'https://n8n.example/webhook/hook-1/thinkific';
		expect(sameWebhook('https://old.example/webhook/hook-1/thinkific', own)).toBe(true);
		expect(sameWebhook('http://127.0.0.1:5678/n8n/webhook/hook-1/thinkific?token=x', own)).toBe(
			true,
		);
		expect(sameWebhook('https://n8n.example/webhook-test/hook-1/thinkific', own)).toBe(false);
		expect(sameWebhook('https://n8n.example/webhook/hook-2/thinkific', own)).toBe(false);
		expect(sameWebhook('https://n8n.example/webhook/hook-1/thanksio', own)).toBe(false);
		expect(sameWebhook('not a url', own)).toBe(false);
	});
});
