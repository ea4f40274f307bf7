import type {
	IDataObject,
	INodeCredentialsDetails,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { ThinkificTrigger } from '../../nodes/Thinkific/ThinkificTrigger.node';
import { TOPICS } from '../../nodes/Thinkific/trigger/events';
import { captureN8nLog, freshNodeType, useTriggers } from '../harness';
import { readmeSection } from '../harness/readme';
import type { StaticDataModel, TriggerHarness } from '../harness';
import { THINKIFIC_API_KEY, THINKIFIC_CLIENT } from '../sandbox/thinkific';
import { THINKIFIC_TOPICS } from '../sandbox/thinkificWebhooks';
import {
	DEDUP_MAX_AGE_MS,
	DEDUP_MAX_BYTES,
	DEDUP_MAX_ENTRIES,
	deliveryHash,
	memoryEntry,
	rememberedDeliveries,
} from '../../nodes/shared/trigger';
import type { Auth } from './context';
import { errorText, thinkificFixture } from './context';

const fx = thinkificFixture();
const start = useTriggers();

async function trigger(
	parameters: INodeParameters,
	options: {
		auth?: Auth;
		model?: StaticDataModel;
		credential?: INodeCredentialsDetails;
		nodeType?: INodeType;
		sameAs?: TriggerHarness;
	} = {},
): Promise<TriggerHarness> {
	const auth = options.auth ?? 'thinkificOAuth2Api';
	const credential =
		options.credential ?? (auth === 'thinkificApi' ? fx.apiKeyCredential : fx.oauthCredential);
	return await start({
		nodeType: options.nodeType ?? new ThinkificTrigger(),
		parameters: { authentication: auth, ...parameters },
		credentials: { [auth]: credential },
		store: fx.store,
		model: options.model,
		workflowId: options.sameAs?.workflowId,
		webhookId: options.sameAs?.node.webhookId,
	});
}

function hooks() {
	return [...fx.provider.hooks.webhooks.values()];
}

/** Requests to the Webhooks API (either host) since the fixture's setup. */
function webhookApiCalls() {
	return fx.requests().filter((r) => r.mount !== 'thinkific');
}

function secretsIn(value: unknown): string[] {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return [THINKIFIC_CLIENT.secret, THINKIFIC_API_KEY].filter((s) => text.includes(s));
}

describe('Thinkific Trigger: registration with OAuth2', () => {
	it('registers one webhook per chosen event, at the node URL, keeping the IDs as text', async () => {
		const h = await trigger({ events: ['enrollment.completed', 'order.created'] });
		expect(await h.activate()).toEqual({ created: true });
		const registered = hooks();
		expect(registered.map((w) => w.topic).sort()).toEqual([
			'enrollment.completed',
			'order.created',
		]);
		for (const w of registered) {
			expect(w.target_url).toBe(h.webhookUrl());
			expect(w.target_url).toMatch(new RegExp(`/webhook/${h.node.webhookId}/thinkific$`));
			expect(w.host).toBe('thinkific-api');
			expect(w.by).toBe('app');
		}
		for (const w of registered) expect(w.id).toMatch(/^\d{23}$/);
		// Found again on Thinkific's list by their URL: nothing is kept in static data.
		expect(h.stored).toEqual({});
		// The bearer token of the connected credential was used, on the Webhooks API only.
		for (const call of webhookApiCalls()) expect(call.headers.authorization).toMatch(/^Bearer /);
	});

	it('registers on the other host when the credential names platform.thinkific.com', async () => {
		const credential = await fx.addOAuthCredential({
			webhooksApiBaseUrl: `${fx.sandbox.url}/thinkific-platform/api/v2`,
		});
		await fx.connect(credential);
		const h = await trigger({ events: ['user.signup'] }, { credential });
		await h.activate();
		expect(hooks().map((w) => [w.topic, w.host])).toEqual([['user.signup', 'thinkific-platform']]);
	});

	it('finds its webhooks again on activation, and re-creates one removed on Thinkific only', async () => {
		const h = await trigger({ events: ['enrollment.created', 'lesson.completed'] });
		await h.activate();
		const before = hooks();
		expect(await h.activate()).toEqual({ created: false });
		expect(hooks()).toEqual(before);

		const removed = before.find((w) => w.topic === 'lesson.completed')!;
		fx.provider.hooks.webhooks.delete(removed.id);
		expect(await h.activate()).toEqual({ created: true });
		const after = hooks();
		expect(after).toHaveLength(2);
		expect(after.find((w) => w.topic === 'enrollment.created')!.id).toBe(
			before.find((w) => w.topic === 'enrollment.created')!.id,
		);
		expect(after.find((w) => w.topic === 'lesson.completed')!.id).not.toBe(removed.id);
	});

	it('removes the webhook of an event no longer chosen, and leaves other URLs alone', async () => {
		const other = fx.provider.hooks.addAdminWebhook(
			'user.signup',
			'https://elsewhere.example/hook',
		);
		const h = await trigger({ events: ['user.signup', 'order.created'] });
		await h.activate();
		const kept = hooks().find((w) => w.topic === 'order.created')!;
		h.reconfigure({ ...h.node.parameters, events: ['order.created'] });
		expect(await h.activate()).toEqual({ created: true });
		const ours = hooks().filter((w) => w.target_url === h.webhookUrl());
		expect(ours.map((w) => [w.topic, w.id])).toEqual([['order.created', kept.id]]);
		expect(fx.provider.hooks.webhooks.has(other.id)).toBe(true);
	});

	it('reads the whole webhook list, page after page, by its cursor', async () => {
		for (let i = 0; i < 30; i++) {
			fx.provider.hooks.addAdminWebhook('user.signin', `https://elsewhere.example/${i}`);
		}
		const h = await trigger({ events: ['user.signin'] });
		await h.activate();
		expect(await h.activate()).toEqual({ created: false });
		const lists = webhookApiCalls().filter((r) => r.method === 'GET');
		expect(lists.some((r) => /[?&]next=\d{23}/.test(r.path))).toBe(true);
	});

	it('deletes its webhooks when the workflow is deactivated', async () => {
		const other = fx.provider.hooks.addAdminWebhook('order.created', 'https://elsewhere.example/x');
		const h = await trigger({ events: ['order.created', 'user.updated'] });
		await h.activate();
		expect(hooks()).toHaveLength(3);
		await h.deactivate();
		expect(hooks().map((w) => w.id)).toEqual([other.id]);
		const deletes = webhookApiCalls().filter((r) => r.method === 'DELETE');
		expect(deletes).toHaveLength(2);
	});

	it('says what to do when the app may not manage webhooks (403), without secrets', async () => {
		fx.provider.hooks.permitted = false;
		const h = await trigger({ events: ['order.created'] });
		const error = await h.activate().then(
			() => undefined,
			(e: unknown) => e,
		);
		expect((error as Error).message).toMatch(
			/Could not list .*403: App does not have permission.*\. .*webhooks permission.*reconnect the credential/,
		);
		expect((error as { description?: string }).description).toMatch(
			/webhooks permission.*reconnect the credential/,
		);
		expect(secretsIn(errorText(error))).toEqual([]);
	});

	it('says to check the Webhooks API Base URL when the host does not serve it', async () => {
		const credential = await fx.addOAuthCredential({
			webhooksApiBaseUrl: `${fx.sandbox.url}/thinkific/api/v2`,
		});
		await fx.connect(credential);
		const h = await trigger({ events: ['order.created'] }, { credential });
		const error = (await h.activate().catch((e: unknown) => e)) as Error & {
			description?: string;
		};
		expect(error.message).toMatch(/404.*Webhooks API Base URL.*platform\.thinkific\.com/);
		expect(error.description).toMatch(/Webhooks API Base URL.*platform\.thinkific\.com/);
	});

	it('refuses an insecure Webhooks API Base URL before sending anything', async () => {
		const credential = await fx.addOAuthCredential({
			webhooksApiBaseUrl: 'http://api.thinkific.example/api/v2',
		});
		await fx.connect(credential);
		fx.setupRequests = fx.sandbox.log.length;
		const h = await trigger({ events: ['order.created'] }, { credential });
		await expect(h.activate()).rejects.toThrow(/"Webhooks API Base URL" must be an https/);
		expect(webhookApiCalls()).toEqual([]);
	});
});

describe('Thinkific Trigger: state that survives n8n', () => {
	it('keeps its webhooks through a publish during a running execution, and leaves nothing when deactivated', async () => {
		const h = await trigger({ events: ['order.created', 'user.signup'] });
		await h.activate();
		const held = h.holdNextExecution();
		const inFlight = fx.provider.fire('order.created');
		await held.started;
		expect(await h.republish()).toEqual({ created: true });
		held.release();
		expect((await inFlight)[0].status).toBe(200);
		const [next] = await fx.provider.fire('order.created');
		expect([next.status, JSON.parse(next.answer)]).toEqual([
			200,
			{ received: true, started: true },
		]);
		expect(h.executions).toHaveLength(2);
		await h.deactivate();
		expect(hooks()).toEqual([]);
	});

	it.each([
		['n8n removes what it can', {}],
		['n8n cannot remove anything', { withoutCleanup: true }],
	])('leaves no webhook behind when activation fails half-way (%s)', async (_name, options) => {
		fx.provider.hooks.failCreatesAfter = 1;
		const h = await trigger({ events: ['order.created', 'user.signup'] });
		await expect(h.activate(options)).rejects.toThrow(/Thinkific answered 500/);
		expect(hooks()).toEqual([]);
	});

	it("moves its webhooks when n8n's public URL changes, and removes those of the old URL too", async () => {
		const h = await trigger({ events: ['order.created'] });
		await h.activate();
		const [old] = hooks();
		h.changePublicUrl();
		expect(await h.activate()).toEqual({ created: true });
		expect(hooks().map((w) => w.target_url)).toEqual([h.webhookUrl()]);
		expect(h.webhookUrl()).not.toBe(old.target_url);
		h.changePublicUrl();
		await h.deactivate();
		expect(hooks()).toEqual([]);
	});
});

describe('Thinkific Trigger: "Listen for test event"', () => {
	it.each<Auth>(['thinkificOAuth2Api', 'thinkificApi'])(
		'registers at the test URL, passes one signed test event, then removes the test webhooks (%s)',
		async (auth) => {
			const h = await trigger({ events: ['order.created'] }, { auth });
			await h.activate();
			const production = hooks();
			expect(await h.listenForTestEvent()).toEqual({ created: true });
			expect(hooks().map((w) => w.target_url)).toEqual([h.webhookUrl(), h.testWebhookUrl()]);
			const answers = await fx.provider.fire('order.created');
			expect(answers.map((d) => d.status)).toEqual([200, 200]);
			expect(h.runs.map((r) => [r.mode, r.saved]).sort()).toEqual([
				['manual', false],
				['webhook', true],
			]);
			expect(h.isListening).toBe(false);
			expect(hooks()).toEqual(production);
			await h.deactivate();
			expect(hooks()).toEqual([]);
		},
	);

	it('refuses an unsigned test event, as any other, and keeps listening', async () => {
		const h = await trigger({ events: ['order.created'] });
		await h.listenForTestEvent();
		const [delivery] = await fx.provider.fire('order.created', { unsigned: true });
		expect(delivery.status).toBe(401);
		expect(h.runs).toEqual([]);
		expect(h.isListening).toBe(true);
		const [signed] = await fx.provider.fire('order.created');
		expect(signed.status).toBe(200);
		expect(h.isListening).toBe(false);
		expect(hooks()).toEqual([]);
	});
});

describe('Thinkific Trigger: with an API key', () => {
	it('registers its webhooks through the Webhooks API, with the API key as a bearer token', async () => {
		const h = await trigger(
			{ events: ['enrollment.completed', 'order.created'] },
			{ auth: 'thinkificApi' },
		);
		expect(await h.activate()).toEqual({ created: true });
		expect(
			hooks()
				.map((w) => [w.topic, w.target_url, w.by])
				.sort(),
		).toEqual([
			['enrollment.completed', h.webhookUrl(), 'apiKey'],
			['order.created', h.webhookUrl(), 'apiKey'],
		]);
		const calls = webhookApiCalls();
		expect(calls.length).toBeGreaterThan(0);
		for (const call of calls) {
			expect(call.headers.authorization).toBe(`Bearer ${THINKIFIC_API_KEY}`);
			expect(call.headers['x-auth-api-key']).toBeUndefined();
		}
		// The Admin API is not asked; deliveries are signed with the API key.
		expect(fx.apiCalls()).toEqual([]);
		const [delivery] = await fx.provider.fire('order.created');
		expect(delivery.status).toBe(200);
		expect(h.executions).toHaveLength(1);
		expect(await h.activate()).toEqual({ created: false });
		await h.deactivate();
		expect(hooks()).toEqual([]);
	});

	it('accepts deliveries signed with the API key, and refuses the client secret', async () => {
		const h = await trigger({ events: ['enrollment.completed'] }, { auth: 'thinkificApi' });
		await h.activate();
		const [signed] = await fx.provider.fire('enrollment.completed');
		expect(signed.status).toBe(200);
		expect(h.executions).toHaveLength(1);
		const event = fx.provider.hooks.event('enrollment.completed');
		const other = await fx.provider.hooks.deliverTo(h.webhookUrl(), event, 'app');
		expect(other.status).toBe(401);
		expect(h.executions).toHaveLength(1);
	});
});

describe('Thinkific Trigger: webhooks added in the Thinkific admin (the manual path)', () => {
	/**
	 * The address "Listen for test event" shows when Thinkific refuses the API key: in
	 * the error's description (the editor's "Show details"), never in its message,
	 * which n8n logs.
	 */
	async function addressShown(h: TriggerHarness): Promise<string> {
		const error = (await h.listenForTestEvent().catch((e: unknown) => e)) as Error & {
			description?: string;
		};
		expect(error.message).toMatch(/Thinkific refused the API key on its Webhooks API \(401\)/);
		expect(error.message).toMatch(/Settings → Code & analytics → Webhooks.*Show details/);
		const secret = /\?token=([0-9a-f]{64})/.exec(error.description ?? '')?.[1];
		expect(secret).toBeDefined();
		expect(error.message).not.toContain(secret);
		expect(error.stack).not.toContain(secret);
		expect(h.isListening).toBe(false);
		return `${h.webhookUrl()}?token=${secret}`;
	}

	async function manual(events = ['enrollment.completed']) {
		fx.provider.hooks.apiKeyAccepted = false;
		const h = await trigger({ events }, { auth: 'thinkificApi' });
		const log = captureN8nLog();
		try {
			expect(await h.activate()).toEqual({ created: false });
		} finally {
			log.restore();
		}
		// n8n's log says what happened and where to look, without the secret.
		expect(log.lines.join('\n')).toMatch(
			/refused the API key on its Webhooks API \(401\).*registered no webhook.*Listen for test event/,
		);
		logged.push(...log.lines);
		return h;
	}

	const logged: string[] = [];

	it('publishes without registering when Thinkific refuses the API key, and shows the address to add', async () => {
		const h = await manual();
		expect(hooks()).toEqual([]);
		const address = await addressShown(h);
		// The admin adds it; Thinkific delivers unsigned.
		fx.provider.hooks.addAdminWebhook('enrollment.completed', address, { signed: false });
		const [delivery] = await fx.provider.fire('enrollment.completed');
		expect(delivery.status).toBe(200);
		expect(h.executions).toHaveLength(1);
		// Deactivating removes nothing the admin added (Thinkific refuses the key there too).
		await h.deactivate();
		expect(hooks().map((w) => w.target_url)).toEqual([address]);
	});

	it('refuses an unsigned delivery without the URL secret, or with another', async () => {
		const h = await manual();
		const address = await addressShown(h);
		const wrong = `${h.webhookUrl()}?token=${'0'.repeat(64)}`;
		for (const url of [h.webhookUrl(), wrong]) {
			fx.provider.hooks.webhooks.clear();
			fx.provider.hooks.addAdminWebhook('enrollment.completed', url, { signed: false });
			const [delivery] = await fx.provider.fire('enrollment.completed');
			expect(delivery.status).toBe(401);
			expect(JSON.parse(delivery.answer).message).toMatch(/X-Thinkific-Hmac-Sha256/);
		}
		expect(h.executions).toHaveLength(0);
		// A signed delivery is checked by its signature, whatever its URL carries.
		const forged = await fx.provider.hooks.deliverTo(
			address,
			fx.provider.hooks.event('enrollment.completed'),
			'admin',
			{ signWith: 'not-the-api-key' },
		);
		expect(forged.status).toBe(401);
		const signed = await fx.provider.hooks.deliverTo(
			h.webhookUrl(),
			fx.provider.hooks.event('enrollment.completed'),
			'admin',
		);
		expect(signed.status).toBe(200);
		expect(h.executions).toHaveLength(1);
	});

	it("keeps the URL secret out of static data, outputs, answers and n8n's log", async () => {
		const h = await manual();
		const address = await addressShown(h);
		const secret = new URL(address).searchParams.get('token')!;
		fx.provider.hooks.addAdminWebhook('enrollment.completed', address, { signed: false });
		await fx.provider.fire('enrollment.completed');
		await fx.provider.fire('enrollment.completed', { repeat: true });
		const everything = JSON.stringify([
			h.stored,
			h.runs,
			fx.provider.hooks.deliveries.sent.map((d) => d.answer),
			logged,
		]);
		expect(logged.length).toBeGreaterThan(0);
		expect(everything).not.toContain(secret);
	});
});

describe('Thinkific Trigger: verification', () => {
	async function active(parameters: INodeParameters = {}) {
		const h = await trigger({ events: ['enrollment.completed'], ...parameters });
		await h.activate();
		return h;
	}

	it('starts one execution for a signed event, with the envelope as Thinkific sent it', async () => {
		const h = await active();
		const [delivery] = await fx.provider.fire('enrollment.completed');
		expect(delivery.status).toBe(200);
		expect(JSON.parse(delivery.answer)).toEqual({ received: true, started: true });
		expect(h.executions).toHaveLength(1);
		const sent = JSON.parse(delivery.body) as IDataObject;
		const [item] = h.executions[0];
		expect(item.json).toEqual(sent);
		expect(item.json.id).toMatch(/^\d{23}$/);
		expect(Object.keys(item.json).sort()).toEqual(
			['action', 'created_at', 'id', 'payload', 'resource', 'tenant_id'].sort(),
		);
	});

	it('checks the bytes received, not the body serialised again', async () => {
		const h = await active();
		const event = fx.provider.hooks.event('enrollment.completed');
		const spaced = JSON.stringify(event, null, 2);
		const delivery = await fx.provider.hooks.deliverTo(h.webhookUrl(), event, 'app', {
			body: spaced,
		});
		expect(delivery.status).toBe(200);
		expect(h.executions).toHaveLength(1);
	});

	it.each([
		['forged (signed with another key)', { forge: true }],
		['unsigned', { unsigned: true }],
	])('refuses a %s delivery with 401 and starts nothing', async (_name, options) => {
		const h = await active();
		const [delivery] = await fx.provider.fire('enrollment.completed', options);
		expect(delivery.status).toBe(401);
		expect(JSON.parse(delivery.answer).message).toMatch(/X-Thinkific-Hmac-Sha256/);
		expect(h.executions).toHaveLength(0);
		expect(secretsIn(delivery.answer)).toEqual([]);
	});

	it('refuses a delivery signed with the API key when the node uses the app (OAuth2)', async () => {
		const h = await active();
		const event = fx.provider.hooks.event('enrollment.completed');
		const delivery = await fx.provider.hooks.deliverTo(h.webhookUrl(), event, 'admin');
		expect(delivery.status).toBe(401);
		expect(h.executions).toHaveLength(0);
	});

	it('refuses a signed body that was changed on the way, and a malformed signature', async () => {
		const h = await active();
		const event = fx.provider.hooks.event('enrollment.completed');
		const signature = fx.provider.hooks.sign(JSON.stringify(event), THINKIFIC_CLIENT.secret);
		const changed = { ...event, payload: { ...event.payload, percentage_completed: '1.0' } };
		const tampered = await fx.provider.hooks.deliverTo(h.webhookUrl(), changed, 'app', {
			signature,
		});
		const short = await fx.provider.hooks.deliverTo(h.webhookUrl(), event, 'app', {
			signature: signature.slice(0, 20),
		});
		const upper = await fx.provider.hooks.deliverTo(h.webhookUrl(), event, 'app', {
			signature: signature.toUpperCase(),
		});
		expect([tampered.status, short.status, upper.status]).toEqual([401, 401, 200]);
		expect(h.executions).toHaveLength(1);
	});
});

describe('Thinkific Trigger: de-duplication', () => {
	it.each<StaticDataModel>(['n8n-1', 'n8n-2'])(
		'starts no second execution for a delivery sent again (%s)',
		async (model) => {
			const h = await trigger({ events: ['order.created'] }, { model });
			await h.activate();
			const [first] = await fx.provider.fire('order.created');
			const [again] = await fx.provider.fire('order.created', { repeat: true });
			expect([first.status, again.status]).toEqual([200, 200]);
			expect(JSON.parse(again.answer)).toMatchObject({
				started: false,
				reason: 'delivered before',
			});
			expect(h.executions).toHaveLength(1);
			const [other] = await fx.provider.fire('order.created');
			expect(other.status).toBe(200);
			expect(h.executions).toHaveLength(2);
		},
	);

	it.each<StaticDataModel>(['n8n-1', 'n8n-2'])(
		'remembers deliveries in static data, across n8n processes (%s)',
		async (model) => {
			const first = await trigger({ events: ['order.created'] }, { model });
			await first.activate();
			const [delivery] = await fx.provider.fire('order.created');
			expect(delivery.status).toBe(200);
			const event = JSON.parse(delivery.body) as Parameters<typeof fx.provider.hooks.deliverTo>[1];

			// Another n8n process (or the same after a restart): a fresh copy of the node's code.
			const nodeType = freshNodeType(
				require.resolve('../../nodes/Thinkific/ThinkificTrigger.node'),
				'ThinkificTrigger',
			);
			const second = await trigger(
				{ events: ['order.created'] },
				{ model, nodeType, sameAs: first },
			);
			second.stored = first.stored;
			const again = await fx.provider.hooks.deliverTo(second.webhookUrl(), event, 'app');
			expect(again.status).toBe(200);
			expect(second.executions).toHaveLength(0);
			const fresh = await fx.provider.hooks.deliverTo(
				second.webhookUrl(),
				fx.provider.hooks.event('order.created'),
				'app',
			);
			expect(fresh.status).toBe(200);
			expect(second.executions).toHaveLength(1);
		},
	);

	it(`keeps a bounded window: the last ${DEDUP_MAX_ENTRIES} deliveries of ${DEDUP_MAX_AGE_MS / 3_600_000} hours, in ${DEDUP_MAX_BYTES} bytes`, async () => {
		const h = await trigger({ events: ['user.signin'] });
		await h.activate();
		// A busy site: n8n's database already holds a full window, one delivery a second,
		// and one delivery older than the age limit at its start.
		const now = Date.now();
		const full =
			memoryEntry('too-old', now - DEDUP_MAX_AGE_MS - 120_000) +
			Array.from({ length: DEDUP_MAX_ENTRIES - 1 }, (_, i) =>
				memoryEntry(`seen-${i}`, now - (DEDUP_MAX_ENTRIES - i) * 1000),
			).join('');
		h.stored = { [`node:${h.node.name}`]: { deliveries: full } };

		const event = (id: string) => ({ ...fx.provider.hooks.event('user.signin'), id });
		const deliver = async (id: string) =>
			JSON.parse((await fx.provider.hooks.deliverTo(h.webhookUrl(), event(id), 'app')).answer);
		expect(await deliver('new-1')).toMatchObject({ started: true });
		expect(await deliver('new-2')).toMatchObject({ started: true });
		const memory = rememberedDeliveries(h.stored[`node:${h.node.name}`] as IDataObject).map(
			(e) => e.hash,
		);
		// Still full: the one too old went first, then the oldest within the age limit.
		expect(memory).toHaveLength(DEDUP_MAX_ENTRIES);
		expect(memory).not.toContain(deliveryHash('too-old'));
		expect(memory).not.toContain(deliveryHash('seen-0'));
		expect(memory.slice(-2)).toEqual([deliveryHash('new-1'), deliveryHash('new-2')]);
		expect(JSON.stringify(h.stored).length).toBeLessThan(DEDUP_MAX_BYTES + 100);
		// A delivery that fell out of the window starts again; one still in it does not.
		expect(await deliver('seen-0')).toMatchObject({ started: true });
		expect(await deliver(`seen-${DEDUP_MAX_ENTRIES - 2}`)).toMatchObject({
			started: false,
			reason: 'delivered before',
		});
		expect(h.executions).toHaveLength(3);
	});
});

describe('Thinkific Trigger: events and filters', () => {
	it("offers the 25 topics of Thinkific's webhooks documentation, and the README says 25", () => {
		const documented = [
			'lead.created',
			'order.created',
			'order_transaction.succeeded',
			'order_transaction.failed',
			'order_transaction.refunded',
			'subscription.cancelled',
			'subscription.past_due',
			'subscription.unpaid',
			'user.signup',
			'user.signin',
			'user.updated',
			'enrollment.trial',
			'enrollment.created',
			'enrollment.completed',
			'enrollment.progress',
			'course.created',
			'course.deleted',
			'course.updated',
			'lesson.completed',
			'quiz.attempted',
			'app.uninstalled',
			'product.created',
			'product.deleted',
			'product.updated',
			'plan.updated',
		];
		expect(TOPICS.map((t) => t.value).sort()).toEqual([...documented].sort());
		expect([...THINKIFIC_TOPICS].sort()).toEqual([...documented].sort());
		const section = readmeSection('### Node: Thinkific Trigger');
		expect(section).toMatch(/the 25 topics of Thinkific's webhooks documentation/);
		expect(section).not.toMatch(/\b26\b/);
	});

	it('answers events not chosen without an execution', async () => {
		const h = await trigger({ events: ['enrollment.completed'] }, { auth: 'thinkificApi' });
		await h.activate();
		fx.provider.hooks.addAdminWebhook('user.signup', h.webhookUrl());
		const [delivery] = await fx.provider.fire('user.signup');
		expect(delivery.status).toBe(200);
		expect(JSON.parse(delivery.answer)).toMatchObject({ started: false });
		expect(h.executions).toHaveLength(0);
	});

	it('passes enrollment and lesson events of the chosen courses only', async () => {
		const h = await trigger({
			events: ['enrollment.created', 'lesson.completed', 'user.signup'],
			filters: { courseIds: ['101'] },
		});
		await h.activate();
		await fx.provider.fire('enrollment.created', {
			payload: { course: { id: 102, name: 'Other' }, course_id: 102 },
		});
		expect(h.executions).toHaveLength(0);
		await fx.provider.fire('enrollment.created', {
			payload: { course: { id: 101, name: 'Intro' }, course_id: 101 },
		});
		await fx.provider.fire('lesson.completed', { payload: { course: { id: 102, name: 'Other' } } });
		await fx.provider.fire('lesson.completed', { payload: { course: { id: 101, name: 'Intro' } } });
		// Not about a course: not filtered.
		await fx.provider.fire('user.signup');
		expect(h.executions.map((e) => `${e[0].json.resource}.${e[0].json.action}`)).toEqual([
			'enrollment.created',
			'lesson.completed',
			'user.signup',
		]);
	});

	it('passes orders of the chosen products only, looking at every item', async () => {
		const h = await trigger({ events: ['order.created'], filters: { productIds: ['203'] } });
		await h.activate();
		await fx.provider.fire('order.created');
		expect(h.executions).toHaveLength(0);
		await fx.provider.fire('order.created', {
			payload: { product_id: 201, items: [{ product_id: 201 }, { product_id: 203 }] },
		});
		expect(h.executions).toHaveLength(1);
	});

	it('outputs the payload only when asked', async () => {
		const h = await trigger({ events: ['user.signup'], options: { output: 'payload' } });
		await h.activate();
		await fx.provider.fire('user.signup');
		expect(h.executions[0][0].json).toMatchObject({ email: 'ninjas@example.com', id: 123456 });
		expect(h.executions[0][0].json.resource).toBeUndefined();
	});

	it('offers the courses and products as filter choices', async () => {
		const { loadOptions } = await import('../harness');
		for (const [method, names] of [
			['getCourses', ['Advanced Glazing', 'Intro to Pottery', 'Kiln Safety']],
			// The bundle is a product too.
			['getProducts', ['Advanced Glazing', 'Intro to Pottery', 'Kiln Safety', 'Pottery Bundle']],
		] as const) {
			const options = await loadOptions({
				nodeType: new ThinkificTrigger(),
				method,
				parameters: { authentication: 'thinkificApi' },
				credentials: { thinkificApi: fx.apiKeyCredential },
				store: fx.store,
			});
			expect(options.map((o) => o.name)).toEqual(names);
			for (const option of options) expect(typeof option.value).toBe('string');
		}
	});

	it('keeps secrets out of every answer and output', async () => {
		const h = await trigger({ events: ['order.created'] });
		await h.activate();
		await fx.provider.fire('order.created');
		await fx.provider.fire('order.created', { forge: true });
		await fx.provider.fire('order.created', { repeat: true });
		expect(secretsIn(fx.provider.hooks.deliveries.sent.map((d) => d.answer))).toEqual([]);
		expect(secretsIn(h.executions)).toEqual([]);
		expect(secretsIn(h.stored)).toEqual([]);
	});
});
