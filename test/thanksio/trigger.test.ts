import type {
	IDataObject,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ThanksIoTrigger } from '../../nodes/ThanksIo/ThanksIoTrigger.node';
import { freshNodeType, listSearch, useTriggers } from '../harness';
import type { StaticDataModel, TriggerHarness } from '../harness';
import { deliveryHash, rememberedDeliveries } from '../../nodes/shared/trigger';
import { deriveUrlSecret } from '../../nodes/shared/urlSecret';
import { THANKSIO_CLIENT, THANKSIO_SUB_ACCOUNT_TOKEN } from '../sandbox/thanksio';
import type { ThanksIoEvent } from '../sandbox/thanksioWebhooks';
import type { Authentication } from './context';
import { thanksIoFixture } from './context';

const fx = thanksIoFixture();
const start = useTriggers();

async function trigger(
	parameters: INodeParameters,
	options: {
		authentication?: Authentication;
		model?: StaticDataModel;
		nodeType?: INodeType;
		sameAs?: TriggerHarness;
		credential?: INodeCredentialsDetails;
		typeVersion?: number;
	} = {},
): Promise<TriggerHarness> {
	const authentication = options.authentication ?? 'thanksIoOAuth2Api';
	return await start({
		nodeType: options.nodeType ?? new ThanksIoTrigger(),
		parameters: { authentication, ...parameters },
		credentials: {
			[authentication]:
				options.credential ?? (authentication === 'thanksIoApi' ? fx.token : fx.oauth),
		},
		store: fx.store,
		model: options.model,
		workflowId: options.sameAs?.workflowId,
		webhookId: options.sameAs?.node.webhookId,
		typeVersion: options.typeVersion,
	});
}

function hooks() {
	return [...fx.provider.hooks.webhooks.values()];
}

function nodeData(h: TriggerHarness): IDataObject {
	return (h.stored[`node:${h.node.name}`] ?? {}) as IDataObject;
}

function tokenOf(url: string): string {
	return new URL(url).searchParams.get('token') ?? '';
}

/** thanks.io API requests since the test began, as "METHOD /path?query". */
function apiCalls(since = 0) {
	return fx.sandbox.log
		.slice(since)
		.filter((e) => e.path.startsWith('/api/v2/'))
		.map((e) => `${e.method} ${e.path.slice('/api/v2'.length)}`);
}

describe('thanks.io Trigger, webhook mode: registration', () => {
	it('registers one webhook per event at the node URL, with a secret of this workflow', async () => {
		const h = await trigger({ events: ['order_item.delivered', 'scans.scan_update'] });
		expect(await h.activate()).toMatchObject({ created: true, polled: null });
		const registered = hooks();
		expect(registered.map((w) => w.type).sort()).toEqual([
			'order_item.delivered',
			'scans.scan_update',
		]);
		const tokens = new Set(registered.map((w) => tokenOf(w.url)));
		expect(tokens.size).toBe(1);
		const [token] = tokens;
		// Derived from the workflow, the node and the credential's client secret; never stored.
		expect(token).toBe(
			deriveUrlSecret(THANKSIO_CLIENT.secret, {
				workflowId: h.workflowId,
				nodeId: h.node.id,
				webhookId: h.node.webhookId!,
			}),
		);
		for (const w of registered) {
			expect(w.url).toBe(`${h.webhookUrl()}?token=${token}`);
			expect(w.verb).toBe('post');
			expect(w.mailing_list_id).toBeNull();
		}
		expect(h.stored).toEqual({});
	});

	it('each workflow gets its own secret', async () => {
		const a = await trigger({ events: ['order.status_update'] });
		const b = await trigger({ events: ['order.status_update'] });
		await a.activate();
		await b.activate();
		const [first, second] = hooks().map((w) => tokenOf(w.url));
		expect(first).not.toBe(second);
	});

	it('registers for one mailing list when asked, and again when the list changes', async () => {
		const [list, other] = fx.provider.addMailingLists(2);
		const h = await trigger({ events: ['order_item.delivered'], mailingList: Number(list.id) });
		await h.activate();
		expect(hooks().map((w) => w.mailing_list_id)).toEqual([list.id]);
		h.reconfigure({ ...h.node.parameters, mailingList: Number(other.id) });
		expect(await h.activate()).toMatchObject({ created: true });
		expect(hooks().map((w) => w.mailing_list_id)).toEqual([other.id]);
	});

	it("finds its webhooks on thanks.io's list, and makes one removed in the dashboard anew", async () => {
		const h = await trigger({ events: ['order_item.delivered', 'order.status_update'] });
		await h.activate();
		const before = hooks();
		expect(await h.activate()).toMatchObject({ created: false });
		expect(hooks()).toEqual(before);
		fx.provider.hooks.webhooks.delete(before[0].id);
		expect(await h.activate()).toMatchObject({ created: true });
		const after = hooks();
		expect(after.map((w) => w.type).sort()).toEqual([
			'order.status_update',
			'order_item.delivered',
		]);
		expect(after.map((w) => w.url)).toEqual([before[1].url, before[1].url]);
		expect(after[0]).toEqual(before[1]);
	});

	it('leaves webhooks of other addresses alone, and removes a copy of its own', async () => {
		const h = await trigger({ events: ['order_item.delivered'] });
		const other = fx.provider.hooks.add({
			url: 'https://elsewhere.example/hook',
			type: 'order_item.delivered',
			verb: 'post',
		});
		await h.activate();
		const [ours] = hooks().filter((w) => w.id !== other.id);
		fx.provider.hooks.add({ url: ours.url, type: 'order_item.delivered', verb: 'post' });
		expect(await h.activate()).toMatchObject({ created: true });
		expect(hooks().map((w) => w.id)).toEqual([other.id, ours.id]);
		await h.deactivate();
		expect(hooks().map((w) => w.id)).toEqual([other.id]);
	});

	it('deletes its webhooks when the workflow is deactivated', async () => {
		const h = await trigger({ events: ['order_item.delivered', 'scans.scan_update'] });
		await h.activate();
		await h.deactivate();
		expect(hooks()).toEqual([]);
		expect(h.stored).toEqual({});
	});

	it('says what to do on an account without webhooks (free plan)', async () => {
		fx.provider.hooks.paidPlan = false;
		const h = await trigger({ events: ['order_item.delivered'] });
		const error = (await h.activate().catch((e: unknown) => e)) as Error & {
			description?: string;
		};
		// n8n 2.x shows an activation error's message only: what to do is in it.
		expect(error.message).toMatch(
			/cannot manage webhooks\. .*paid plans only.*set the trigger's Receive Events By to Polling/,
		);
		expect(error.description).toMatch(/paid plans only.*Polling/);
		expect(hooks()).toEqual([]);
	});

	it("keeps its URL secret out of an activation error that repeats the webhook's address", async () => {
		fx.provider.hooks.refuseUrls = true;
		const h = await trigger({ events: ['order_item.delivered'] });
		const error = (await h.activate().catch((e: unknown) => e)) as Error & {
			description?: string;
		};
		expect(error.message).toMatch(
			/thanks\.io answered 422: The url .*\/thanksio\?token=\*\*\* did not answer/,
		);
		const secret = deriveUrlSecret(THANKSIO_CLIENT.secret, {
			workflowId: h.workflowId,
			nodeId: h.node.id,
			webhookId: h.node.webhookId!,
		});
		expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(
			secret,
		);
		expect(fx.secretsIn(error)).toEqual([]);
	});

	it('says in the message what to do when no event is chosen', async () => {
		const h = await trigger({ events: [] });
		await expect(h.activate()).rejects.toThrow(
			/No thanks\.io event is chosen\. Choose at least one event in the trigger's "Events"/,
		);
	});

	it('works with a personal access token too', async () => {
		const h = await trigger({ events: ['scans.scan_update'] }, { authentication: 'thanksIoApi' });
		await h.activate();
		expect(hooks()).toHaveLength(1);
		const [delivery] = await fx.provider.hooks.fire('scans.scan_update');
		expect(delivery.status).toBe(200);
		expect(h.executions).toHaveLength(1);
	});
});

describe('thanks.io Trigger, webhook mode: state that survives n8n', () => {
	async function deliver() {
		const [delivery] = await fx.provider.hooks.fire('order_item.delivered');
		return delivery;
	}

	it('keeps hearing after a publish during a running execution, and leaves nothing when deactivated', async () => {
		const h = await trigger({ events: ['order_item.delivered', 'scans.scan_update'] });
		await h.activate();
		// An execution runs (a Wait node after the trigger) while the workflow is published again.
		const held = h.holdNextExecution();
		const inFlight = deliver();
		await held.started;
		expect(await h.republish()).toEqual({ created: true, polled: null });
		held.release();
		expect((await inFlight).status).toBe(200);
		// It ended and n8n wrote its static data back whole: the next delivery still starts one.
		const next = await deliver();
		expect([next.status, JSON.parse(next.answer)]).toEqual([
			200,
			{ received: true, started: true },
		]);
		expect(h.executions).toHaveLength(2);
		await h.deactivate();
		expect(hooks()).toEqual([]);
	});

	it('keeps its URL secret when an event is added: deliveries sent to the old URL still pass', async () => {
		const h = await trigger({ events: ['order_item.delivered'] });
		await h.activate();
		const [before] = hooks();
		const retry = fx.provider.hooks.event('order_item.delivered');
		h.reconfigure({ ...h.node.parameters, events: ['order_item.delivered', 'scans.scan_update'] });
		expect(await h.republish()).toMatchObject({ created: true });
		expect(hooks().map((w) => w.url)).toEqual([before.url, before.url]);
		// thanks.io retries a delivery it made before, to the URL it had then.
		const answer = await fetch(before.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(retry),
		});
		expect(answer.status).toBe(200);
		expect(h.executions).toHaveLength(1);
	});

	it('keeps nothing in static data but the deliveries it passed on', async () => {
		const h = await trigger({ events: ['order_item.delivered'] });
		await h.activate();
		await deliver();
		expect(Object.keys(nodeData(h))).toEqual(['deliveries']);
	});

	it.each([
		['n8n removes what it can', {}],
		['n8n cannot remove anything', { withoutCleanup: true }],
	])('leaves no webhook behind when activation fails half-way (%s)', async (_name, options) => {
		fx.provider.hooks.failCreatesAfter = 1;
		const h = await trigger({ events: ['order_item.delivered', 'scans.scan_update'] });
		await expect(h.activate(options)).rejects.toThrow(/thanks\.io answered 500/);
		expect(hooks()).toEqual([]);
	});

	it("moves its webhooks when n8n's public URL changes, and removes those of the old URL too", async () => {
		const h = await trigger({ events: ['order_item.delivered'] });
		await h.activate();
		const old = hooks().map((w) => w.url);
		// n8n restarts with another WEBHOOK_URL; before it activates the workflow again, or after.
		h.changePublicUrl();
		await h.deactivate();
		expect(hooks()).toEqual([]);
		await h.activate();
		h.changePublicUrl();
		expect(await h.activate()).toMatchObject({ created: true });
		expect(hooks().map((w) => w.url)).toEqual(old);
		expect((await deliver()).status).toBe(200);
		h.changePublicUrl();
		await h.deactivate();
		expect(hooks()).toEqual([]);
	});
});

describe('thanks.io Trigger, webhook mode: "Listen for test event"', () => {
	it('registers at the test URL, passes one test event, then removes the test webhooks', async () => {
		const h = await trigger({ events: ['order_item.delivered', 'scans.scan_update'] });
		expect(await h.listenForTestEvent()).toEqual({ created: true });
		const test = hooks();
		expect(test.map((w) => w.type).sort()).toEqual(['order_item.delivered', 'scans.scan_update']);
		for (const w of test) expect(w.url.startsWith(`${h.testWebhookUrl()}?token=`)).toBe(true);
		const [delivery] = await fx.provider.hooks.fire('scans.scan_update');
		expect([delivery.status, JSON.parse(delivery.answer)]).toEqual([
			200,
			{ received: true, started: true },
		]);
		expect(h.runs.map((r) => [r.mode, r.saved])).toEqual([['manual', false]]);
		// n8n stops listening after the first call, and the node removes the test webhooks.
		expect(h.isListening).toBe(false);
		expect(hooks()).toEqual([]);
		expect(h.stored).toEqual({});
	});

	it("leaves the published workflow's webhooks alone, and they keep working", async () => {
		const h = await trigger({ events: ['order_item.delivered'] });
		await h.activate();
		const production = hooks();
		await h.listenForTestEvent();
		expect(hooks()).toHaveLength(2);
		const answers = await fx.provider.hooks.fire('order_item.delivered');
		expect(answers.map((d) => d.status)).toEqual([200, 200]);
		expect(h.runs.map((r) => r.mode).sort()).toEqual(['manual', 'webhook']);
		expect(hooks()).toEqual(production);
		const [later] = await fx.provider.hooks.fire('order_item.delivered');
		expect(later.status).toBe(200);
		expect(h.runs.filter((r) => r.mode === 'webhook')).toHaveLength(2);
	});

	it('removes the test webhooks when the listening is cancelled', async () => {
		const h = await trigger({ events: ['order_item.delivered'] });
		await h.listenForTestEvent();
		expect(hooks()).toHaveLength(1);
		await h.stopListening();
		expect(hooks()).toEqual([]);
		const late = await fetch(`${h.testWebhookUrl()}?token=x`, { method: 'POST', body: '{}' });
		expect(late.status).toBe(404);
	});
});

describe('thanks.io Trigger, webhook mode: deliveries', () => {
	async function active(parameters: INodeParameters = {}, model?: StaticDataModel) {
		const h = await trigger({ events: ['order_item.delivered'], ...parameters }, { model });
		await h.activate();
		return h;
	}

	it('starts one execution for an event sent to the registered URL, as thanks.io sent it', async () => {
		const h = await active();
		const [delivery] = await fx.provider.hooks.fire('order_item.delivered');
		expect(delivery.status).toBe(200);
		expect(JSON.parse(delivery.answer)).toEqual({ received: true, started: true });
		expect(h.executions).toHaveLength(1);
		expect(h.executions[0][0].json).toEqual(JSON.parse(delivery.body));
		expect(h.executions[0][0].json.data).toMatchObject({
			'order_item.current_status': 'Delivered',
		});
	});

	it('refuses a call without the secret, or with another one, with 401 and starts nothing', async () => {
		const h = await active();
		const [without] = await fx.provider.hooks.fire('order_item.delivered', { withoutToken: true });
		const wrong = await fetch(`${h.webhookUrl()}?token=${'0'.repeat(64)}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(fx.provider.hooks.event('order_item.delivered')),
		});
		expect([without.status, wrong.status]).toEqual([401, 401]);
		expect(JSON.parse(without.answer)).toEqual({ message: 'Missing or wrong webhook token' });
		expect(h.executions).toHaveLength(0);
	});

	it('has no test URL while nobody listens for a test event, as in n8n', async () => {
		const h = await trigger({ events: ['order_item.delivered'] });
		const test = await fetch(`${h.testWebhookUrl()}?token=x`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		expect(test.status).toBe(404);
	});

	it.each<StaticDataModel>(['n8n-1', 'n8n-2'])(
		'starts no second execution for an event delivered again (%s)',
		async (model) => {
			const h = await active({}, model);
			await fx.provider.hooks.fire('order_item.delivered');
			const [again] = await fx.provider.hooks.fire('order_item.delivered', { repeat: true });
			expect(JSON.parse(again.answer)).toMatchObject({
				started: false,
				reason: 'delivered before',
			});
			expect(h.executions).toHaveLength(1);
			expect(rememberedDeliveries(nodeData(h)).map((e) => e.hash)).toContain(
				deliveryHash(String((JSON.parse(again.body) as ThanksIoEvent).event_id)),
			);
		},
	);

	it('remembers delivered events in static data, across n8n processes', async () => {
		const first = await active({}, 'n8n-2');
		const [delivery] = await fx.provider.hooks.fire('order_item.delivered');
		const fresh = freshNodeType(
			require.resolve('../../nodes/ThanksIo/ThanksIoTrigger.node'),
			'ThanksIoTrigger',
		);
		const second = await trigger(
			{ events: ['order_item.delivered'] },
			{ model: 'n8n-2', nodeType: fresh, sameAs: first },
		);
		second.stored = first.stored;
		const url = `${second.webhookUrl()}?token=${tokenOf(delivery.url)}`;
		const again = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: delivery.body,
		});
		expect(again.status).toBe(200);
		expect(second.executions).toHaveLength(0);
	});

	it('passes only the chosen events', async () => {
		const h = await trigger({ events: ['order_item.delivered', 'scans.scan_update'] });
		await h.activate();
		fx.provider.hooks.add({ url: hooks()[0].url, type: 'order.status_update', verb: 'post' });
		await fx.provider.hooks.fire('order.status_update');
		await fx.provider.hooks.fire('order_item.delivered');
		expect(h.executions.map((e) => e[0].json.event_type)).toEqual(['order_item.delivered']);
	});

	it("hears a sub-account's events through webhooks made with that sub-account's credential", async () => {
		const subCredential = await fx.addTokenCredential({ accessToken: THANKSIO_SUB_ACCOUNT_TOKEN });
		const parent = await trigger(
			{ events: ['order_item.delivered'] },
			{ authentication: 'thanksIoApi' },
		);
		// Saved with a sub-account chosen in webhook mode, as this node once offered.
		const sub = await trigger(
			{ events: ['order_item.delivered'], subAccount: '7' },
			{ authentication: 'thanksIoApi', credential: subCredential },
		);
		await parent.activate();
		await sub.activate();
		// Each account lists its own webhooks only.
		expect(fx.provider.hooks.of(7).map((w) => w.url)).toEqual([
			expect.stringContaining(sub.webhookUrl()),
		]);
		const [ofSub] = await fx.provider.hooks.fire('order_item.delivered', { subAccount: 7 });
		const [ofParent] = await fx.provider.hooks.fire('order_item.delivered');
		expect(sub.executions.map((e) => e[0].json.event_id)).toEqual([
			JSON.parse(ofSub.body).event_id,
		]);
		expect(parent.executions.map((e) => e[0].json.event_id)).toEqual([
			JSON.parse(ofParent.body).event_id,
		]);
		await sub.deactivate();
		expect(fx.provider.hooks.of(7)).toEqual([]);
		expect(fx.provider.hooks.of(null)).toHaveLength(1);
	});

	it('nests the dotted data keys when asked', async () => {
		const h = await active({ options: { nest: true } });
		await fx.provider.hooks.fire('order_item.delivered');
		const data = h.executions[0][0].json.data as IDataObject;
		expect(data.order).toMatchObject({ id: 1001 });
		expect(data.recipient).toMatchObject({ name: 'Pat Jones' });
		expect(data['order.id']).toBeUndefined();
	});

	it('keeps the secret and the credentials out of outputs, answers and errors', async () => {
		const h = await active();
		await fx.provider.hooks.fire('order_item.delivered');
		await fx.provider.hooks.fire('order_item.delivered', { withoutToken: true });
		await fx.provider.hooks.fire('order_item.delivered', { repeat: true });
		const [token] = [...fx.provider.hooks.tokensSeen];
		const everything = JSON.stringify([
			h.executions,
			h.stored,
			fx.provider.hooks.deliveries.sent.map((d) => d.answer),
		]);
		expect(everything).not.toContain(token);
		expect(fx.secretsIn(everything)).toEqual([]);
	});
});

describe('thanks.io Trigger, polling mode', () => {
	async function polling(parameters: INodeParameters = {}) {
		const h = await trigger({
			mode: 'poll',
			pollEvents: ['order.created', 'order.status_changed', 'order.delivered'],
			...parameters,
		});
		return h;
	}

	it('registers no webhook, and the first poll only notes the orders as they are', async () => {
		fx.provider.addOrders(3, 'Delivered');
		const h = await polling();
		const start = fx.sandbox.log.length;
		expect(await h.activate()).toEqual({ created: false, polled: null });
		expect(hooks()).toEqual([]);
		expect(apiCalls(start)).toEqual(['GET /orders/list?limit=100&items_per_page=100&page=1']);
		expect(h.executions).toHaveLength(0);
		expect(h.hasWebhook()).toBe(false);
		const answer = await fetch(h.webhookUrl(), { method: 'POST', body: '{}' });
		expect(answer.status).toBe(404);
	});

	it('reports each order whose status changed since the last poll, once', async () => {
		const [a, b] = fx.provider.addOrders(2, 'Printing');
		const h = await polling({ pollEvents: ['order.status_changed'] });
		await h.activate();
		expect(await h.poll()).toBeNull();

		fx.provider.setOrderStatus(Number(a.id), 'Printed');
		const first = await h.poll();
		expect(first?.map((i) => i.json)).toEqual([
			expect.objectContaining({
				event: 'order.status_changed',
				order_id: a.id,
				previous_status: 'Printing',
				status: 'Printed',
			}),
		]);
		expect(await h.poll()).toBeNull();

		// Two orders changed between two polls: both reported, oldest order first.
		fx.provider.setOrderStatus(Number(b.id), 'Printed');
		fx.provider.setOrderStatus(Number(a.id), 'Shipped');
		const second = await h.poll();
		expect(second?.map((i) => [i.json.order_id, i.json.status])).toEqual([
			[a.id, 'Shipped'],
			[b.id, 'Printed'],
		]);
		expect(h.executions).toHaveLength(2);
	});

	it('sees the status each poll shows: A → B → C between two polls arrives as A → C', async () => {
		const [a] = fx.provider.addOrders(1, 'Printing');
		const h = await polling();
		await h.activate();
		fx.provider.setOrderStatus(Number(a.id), 'Printed');
		fx.provider.setOrderStatus(Number(a.id), 'In Transit');
		const [created] = fx.provider.addOrders(1, 'Reviewing');
		const items = (await h.poll())!.map((i) => i.json);
		expect(items.map((i) => [i.event, i.order_id, i.previous_status, i.status])).toEqual([
			['order.status_changed', a.id, 'Printing', 'In Transit'],
			['order.created', created.id, null, 'Reviewing'],
		]);
		for (const item of items) expect(Object.keys(item)).toContain('previous_status');
	});

	it('reports new orders, and a delivery as "order delivered"', async () => {
		const [a] = fx.provider.addOrders(1, 'In Transit');
		const h = await polling();
		await h.activate();
		fx.provider.setOrderStatus(Number(a.id), 'Delivered');
		const [created] = fx.provider.addOrders(1, 'Reviewing');
		const items = (await h.poll())!.map((i) => i.json);
		expect(items.map((i) => [i.event, i.order_id])).toEqual([
			['order.delivered', a.id],
			['order.created', created.id],
		]);
	});

	it('reports only the chosen kinds of change', async () => {
		const [a] = fx.provider.addOrders(1, 'In Transit');
		const h = await polling({ pollEvents: ['order.delivered'] });
		await h.activate();
		fx.provider.addOrders(1);
		fx.provider.setOrderStatus(Number(a.id), 'Returned to Sender');
		expect(await h.poll()).toBeNull();
		fx.provider.setOrderStatus(Number(a.id), 'Delivered');
		expect((await h.poll())!.map((i) => i.json.event)).toEqual(['order.delivered']);
	});

	it("reads one sub-account's orders when asked, and starts afresh when the filter changes", async () => {
		const h = await polling({ subAccount: '7' });
		const start = fx.sandbox.log.length;
		await h.activate();
		expect(apiCalls(start)[0]).toContain('sub_account_id=7');
		fx.provider.addOrders(1);
		h.reconfigure({ ...h.node.parameters, subAccount: '' });
		// Another filter: the first poll with it only notes the orders.
		expect(await h.poll()).toBeNull();
	});

	it('gives the latest order as a sample when run by hand, and moves no cursor', async () => {
		const [a] = fx.provider.addOrders(2, 'Printing').slice(-1);
		const h = await polling();
		await h.activate();
		// n8n saved what the poll at activation noted: each order's status.
		const saved = nodeData(h).cursor as { orders: Record<string, string> };
		expect(Object.values(saved.orders)).toEqual(['Printing', 'Printing']);

		fx.provider.setOrderStatus(Number(a.id), 'Printed');
		const sample = await h.executeManually();
		expect(sample.map((i) => [i.json.order_id, i.json.status])).toEqual([[a.id, 'Printed']]);
		// The manual run left the cursor as it was (and n8n saves nothing of a manual run).
		const manual = h.runs[h.runs.length - 1];
		expect(manual).toMatchObject({ mode: 'manual', saved: false });
		expect((manual.staticData[`node:${h.node.name}`] as IDataObject).cursor).toEqual(saved);
		expect(nodeData(h).cursor).toEqual(saved);

		// n8n restarts: the poller starts again from the saved cursor, and its poll at
		// activation reports the change, once.
		await h.deactivate();
		const { polled } = await h.activate();
		expect(polled?.map((i) => [i.json.order_id, i.json.previous_status, i.json.status])).toEqual([
			[a.id, 'Printing', 'Printed'],
		]);
		expect(await h.poll()).toBeNull();
	});

	it('makes no request in webhook mode when n8n polls at activation', async () => {
		const h = await trigger({ events: ['order_item.delivered'] });
		await h.activate();
		expect(apiCalls().filter((c) => c.includes('/orders/list'))).toEqual([]);
	});
});

/**
 * Version 1 saves the filters as dropdown values (a list ID as a number, a sub-account
 * ID as text, '' for none); version 1.1 as resource locators, by list or by ID. Every
 * path that reads them (activation, deactivation, the poll at activation, the
 * scheduled poll, a run by hand) must read the same plain ID.
 */
describe('thanks.io Trigger: the Mailing List and Sub-Account filters of versions 1 and 1.1', () => {
	const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

	describe.each<[string, number, (id: number) => unknown]>([
		['version 1, from the dropdown', 1, (id) => id],
		['version 1.1, picked from the list', 1.1, (id) => locator('list', String(id))],
		['version 1.1, given as an ID', 1.1, (id) => locator('id', ` ${id} `)],
		['version 1.1, an expression', 1.1, (id) => locator('id', `={{ ${id} }}`)],
	])('%s', (_name, typeVersion, given) => {
		it('registers for that list, finds its webhooks again, and removes them', async () => {
			const [, list] = fx.provider.addMailingLists(2);
			const h = await trigger(
				{ events: ['order_item.delivered'], mailingList: given(Number(list.id)) as never },
				{ typeVersion },
			);
			expect(h.node.typeVersion).toBe(typeVersion);
			expect(await h.activate()).toMatchObject({ created: true });
			expect(hooks().map((w) => w.mailing_list_id)).toEqual([list.id]);
			// Published again: the webhooks for that list are found, none made anew.
			expect(await h.activate()).toMatchObject({ created: false });
			await h.deactivate();
			expect(hooks()).toEqual([]);
		});

		it("reads that sub-account's orders when polled and when run by hand", async () => {
			fx.provider.addOrders(1);
			const h = await trigger(
				{ mode: 'poll', pollEvents: ['order.created'], subAccount: given(7) as never },
				{ typeVersion },
			);
			const start = fx.sandbox.log.length;
			await h.activate();
			await h.poll();
			await h.executeManually();
			const lists = apiCalls(start).filter((c) => c.startsWith('GET /orders/list'));
			expect(lists).toHaveLength(3);
			for (const call of lists) expect(call).toContain('sub_account_id=7');
			// The cursor's filter is the plain ID, whatever the version.
			expect((nodeData(h).cursor as IDataObject).scope).toBe('sub-account:7');
		});
	});

	test.each<[string, number, unknown]>([
		['version 1', 1, ''],
		['version 1.1', 1.1, locator('list', '')],
		['version 1.1, as a new node has it', 1.1, undefined],
	])(
		'empty (%s): webhooks for any list, orders of all accounts',
		async (_name, typeVersion, none) => {
			const filter = none === undefined ? {} : { mailingList: none, subAccount: none };
			const webhooks = await trigger(
				{ events: ['order_item.delivered'], ...(filter as INodeParameters) },
				{ typeVersion },
			);
			await webhooks.activate();
			expect(hooks().map((w) => w.mailing_list_id)).toEqual([null]);
			const start = fx.sandbox.log.length;
			const polling = await trigger(
				{ mode: 'poll', pollEvents: ['order.created'], ...(filter as INodeParameters) },
				{ typeVersion },
			);
			await polling.activate();
			await polling.executeManually();
			const lists = apiCalls(start).filter((c) => c.startsWith('GET /orders/list'));
			expect(lists).toHaveLength(2);
			for (const call of lists) expect(call).not.toContain('sub_account_id');
		},
	);

	test.each([1, 1.1])(
		'version %s refuses a filter that is not an ID, naming the field, before any request',
		async (typeVersion) => {
			const notAnId = typeVersion === 1 ? 'Customers' : locator('id', '={{ "Customers" }}');
			const webhooks = await trigger(
				{ events: ['order_item.delivered'], mailingList: notAnId as never },
				{ typeVersion },
			);
			const start = fx.sandbox.log.length;
			await expect(webhooks.activate()).rejects.toThrow(
				/"Mailing List" is "Customers", not the numeric ID of a thanks\.io mailing list/,
			);
			const polling = await trigger(
				{ mode: 'poll', subAccount: notAnId as never },
				{ typeVersion },
			);
			await expect(polling.activate()).rejects.toThrow(
				/"Sub-Account" is "Customers", not the numeric ID of a thanks\.io sub-account/,
			);
			expect(apiCalls(start)).toEqual([]);
			expect(hooks()).toEqual([]);
		},
	);

	test("the sandbox's event control reaches a webhook registered for one list with mail to that list", async () => {
		const [list] = fx.provider.addMailingLists(1);
		const h = await trigger({
			events: ['order_item.delivered'],
			mailingList: locator('list', String(list.id)),
		});
		await h.activate();
		const fire = async (body: object) => {
			const answer = await fetch(`${fx.sandbox.url}/thanksio/_sandbox/events`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ type: 'order_item.delivered', ...body }),
			});
			return ((await answer.json()) as { delivered: Array<{ status: number }> }).delivered;
		};
		expect(await fire({})).toEqual([]);
		expect((await fire({ mailingListId: list.id })).map((d) => d.status)).toEqual([200]);
		expect(h.executions).toHaveLength(1);
	});
});

describe('thanks.io Trigger in the editor', () => {
	/** The trigger's field `name` as a node of `typeVersion` in `mode` shows it. */
	function shownField(typeVersion: number, mode: string, name: string): INodeProperties {
		const { description } = new ThanksIoTrigger();
		const node = { typeVersion, parameters: { mode } } as never;
		const shown = description.properties.filter(
			(p) => p.name === name && NodeHelpers.displayParameter({ mode }, p, node, description),
		);
		expect(shown).toHaveLength(1);
		return shown[0];
	}

	test('new nodes get version 1.1; version 1 keeps its dropdowns, 1.1 has optional pickers', () => {
		const { description } = new ThanksIoTrigger();
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
		for (const [mode, name, loader, search, empty] of [
			[
				'webhook',
				'mailingList',
				'getMailingListFilter',
				'searchMailingLists',
				/empty for any list/,
			],
			[
				'poll',
				'subAccount',
				'getSubAccountFilter',
				'searchSubAccounts',
				/empty for .*all accounts/,
			],
		] as const) {
			const old = shownField(1, mode, name);
			expect([old.type, old.typeOptions?.loadOptionsMethod]).toEqual(['options', loader]);
			const picker = shownField(1.1, mode, name);
			expect(picker.type).toBe('resourceLocator');
			expect(picker.required).toBe(false);
			expect(picker.default).toEqual({ mode: 'list', value: '' });
			expect(picker.description).toMatch(empty);
			const list = picker.modes?.find((m) => m.name === 'list');
			expect(list?.typeOptions?.searchListMethod).toBe(search);
			expect(new ThanksIoTrigger().methods.listSearch[search]).toBeInstanceOf(Function);
		}
	});

	test('the pickers list the mailing lists and the sub-accounts, searched by name', async () => {
		fx.provider.addMailingLists(2, 'Postcard fans');
		const credentialType: Authentication = 'thanksIoOAuth2Api';
		const search = async (method: string, filter?: string) =>
			await listSearch({
				nodeType: new ThanksIoTrigger(),
				method,
				filter,
				parameters: { authentication: credentialType },
				credentials: { [credentialType]: fx.oauth },
				store: fx.store,
			});
		const lists = await search('searchMailingLists', 'fans 2');
		expect(lists.results.map((r) => r.name)).toEqual(['Postcard fans 2 (0 recipients)']);
		const accounts = await search('searchSubAccounts');
		expect(accounts.results).toEqual([
			{ name: 'Downtown Office', value: '7' },
			{ name: 'Uptown Office', value: '9' },
		]);
	});

	test('no field of its own is labelled "Mode", the label of the field inside n8n\'s Poll Times', () => {
		const { description } = new ThanksIoTrigger();
		const pollTimes = description.properties.find((p) => p.type === 'fixedCollection');
		expect(pollTimes?.name).toBe('pollTimes');
		expect(JSON.stringify(pollTimes?.options)).toContain('"displayName":"Mode"');
		expect(description.properties.map((p) => p.displayName)).not.toContain('Mode');
		expect(description.properties.find((p) => p.name === 'mode')?.displayName).toBe(
			'Receive Events By',
		);
	});
});
