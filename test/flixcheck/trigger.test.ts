import type {
	IDataObject,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { FlixcheckWebhookApi } from '../../credentials/FlixcheckWebhookApi.credentials';
import { FlixcheckTrigger } from '../../nodes/Flixcheck/FlixcheckTrigger.node';
import { EVENTS } from '../../nodes/Flixcheck/trigger/description';
import { CredentialStore, testCredentialWithNode, useSandbox, useTriggers } from '../harness';
import type { StaticDataModel, TriggerHarness } from '../harness';
import { FLIXCHECK_WEBHOOK_SECRET, FlixcheckProvider } from '../sandbox/flixcheck';
import type { PortalSettings } from '../sandbox/flixcheckWebhooks';
import { VALIDATION_EVENT } from '../sandbox/flixcheckWebhooks';

const served = useSandbox(() => new FlixcheckProvider());
let store: CredentialStore;
let credential: INodeCredentialsDetails;
const start = useTriggers();

beforeEach(async () => {
	store = new CredentialStore([new FlixcheckWebhookApi()]);
	credential = await store.add('flixcheckWebhookApi', { ...FLIXCHECK_WEBHOOK_SECRET } as never);
});

function portal() {
	return served.provider.hooks;
}

async function trigger(
	parameters: INodeParameters = {},
	options: {
		model?: StaticDataModel;
		credential?: INodeCredentialsDetails;
		downstream?: (items: INodeExecutionData[]) => INodeExecutionData[];
		events?: string[];
		nodeType?: INodeType;
		/** More of the webhook's portal settings (a custom body, its failure threshold). */
		portal?: Partial<PortalSettings>;
		typeVersion?: number;
	} = {},
): Promise<TriggerHarness> {
	const harness = await start({
		nodeType: options.nodeType ?? new FlixcheckTrigger(),
		parameters,
		credentials: { flixcheckWebhookApi: options.credential ?? credential },
		store,
		model: options.model,
		downstream: options.downstream,
		typeVersion: options.typeVersion,
	});
	await harness.activate();
	// The administrator adds the URL and the header in the portal.
	portal().configure({
		url: harness.webhookUrl(),
		events: options.events ?? ['all'],
		headers: { [FLIXCHECK_WEBHOOK_SECRET.headerName]: FLIXCHECK_WEBHOOK_SECRET.secret },
		...options.portal,
	});
	return harness;
}

describe('Flixcheck Trigger', () => {
	it('registers nothing when activated or deactivated: webhooks live in the portal', async () => {
		const h = await trigger();
		await h.deactivate();
		expect(served.sandbox.log.filter((e) => !e.path.startsWith('/_sandbox/'))).toEqual([]);
	});

	it('starts one execution for a call with the secret header, with the call as Flixcheck sent it', async () => {
		const h = await trigger();
		const [delivery] = await portal().fire('checkOpened');
		expect(delivery.status).toBe(200);
		expect(JSON.parse(delivery.answer)).toEqual({ received: true, started: true });
		expect(h.executions).toHaveLength(1);
		expect(h.executions[0][0].json).toEqual(JSON.parse(delivery.body));
		expect(h.executions[0][0].json).toMatchObject({
			event: 'checkOpened',
			content: { alreadyOpened: false },
		});
	});

	it('refuses calls without the header, or with another value, with 401 and starts nothing', async () => {
		const h = await trigger();
		const [without] = await portal().fire('checkAnswered', { withoutHeaders: true });
		const body = JSON.stringify(portal().call('checkAnswered'));
		const wrong = await fetch(h.webhookUrl(), {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				[FLIXCHECK_WEBHOOK_SECRET.headerName]: `${FLIXCHECK_WEBHOOK_SECRET.secret}x`,
			},
			body,
		});
		const otherHeader = await fetch(h.webhookUrl(), {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				authorization: FLIXCHECK_WEBHOOK_SECRET.secret,
			},
			body,
		});
		expect([without.status, wrong.status, otherHeader.status]).toEqual([401, 401, 401]);
		expect(JSON.parse(without.answer)).toEqual({
			message: 'Missing or wrong webhook secret header',
		});
		expect(h.executions).toHaveLength(0);
	});

	it('lets nothing in while the credential holds no usable secret', async () => {
		const weak = await store.add('flixcheckWebhookApi', {
			headerName: FLIXCHECK_WEBHOOK_SECRET.headerName,
			secret: 'short',
		} as never);
		const h = await trigger({}, { credential: weak });
		const response = await fetch(h.webhookUrl(), {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				[FLIXCHECK_WEBHOOK_SECRET.headerName]: 'short',
			},
			body: JSON.stringify(portal().call('checkOpened')),
		});
		expect(response.status).toBe(401);
		expect(h.executions).toHaveLength(0);
	});

	it('passes the chosen events only, listed or named; every event when none is chosen', async () => {
		const h = await trigger({ events: ['checkAnswered'], otherEvents: ' checkExpired , ' });
		await portal().fire('checkOpened');
		await portal().fire('checkAnswered');
		await portal().fire('checkExpired');
		expect(h.executions.map((e) => e[0].json.event)).toEqual(['checkAnswered', 'checkExpired']);
		const all = await trigger();
		await portal().fire('checkRated', { to: all.webhookUrl() });
		expect(all.executions).toHaveLength(1);
	});

	it.each<StaticDataModel>(['n8n-1', 'n8n-2'])(
		'starts no second execution for a call sent again (%s)',
		async (model) => {
			const h = await trigger({}, { model });
			await portal().fire('checkAnswered');
			const [again] = await portal().fire('checkAnswered', { repeat: true });
			expect(JSON.parse(again.answer)).toMatchObject({
				started: false,
				reason: 'delivered before',
			});
			expect(h.executions).toHaveLength(1);
			await portal().fire('checkAnswered');
			expect(h.executions).toHaveLength(2);
		},
	);

	it('outputs the content only when asked', async () => {
		const h = await trigger({ options: { output: 'content' } });
		await portal().fire('checkAnswered', { content: { custom: { department: 'Sales' } } });
		expect(h.executions[0][0].json).toMatchObject({ custom: { department: 'Sales' } });
		expect(h.executions[0][0].json.event).toBeUndefined();
	});

	it.each([1, 1.1])(
		"answers a validation event with the workflow's decision (version %s)",
		async (typeVersion) => {
			const decide = (items: INodeExecutionData[]) =>
				items.map((item) => {
					const value = String(((item.json.content ?? {}) as IDataObject).value ?? '');
					return {
						json:
							value.length >= 3
								? { valid: true }
								: { valid: false, message: 'Please enter at least 3 characters' },
					};
				});
			const h = await trigger(
				{ otherEvents: VALIDATION_EVENT, responseMode: 'lastNode' },
				{ downstream: decide, events: [VALIDATION_EVENT], typeVersion },
			);
			const [accepted] = await portal().validate('AB-1234');
			const [refused] = await portal().validate('x');
			expect(accepted).toMatchObject({ status: 200, decision: 'accept' });
			expect(refused).toMatchObject({
				status: 200,
				decision: 'reject',
				message: 'Please enter at least 3 characters',
			});
			// Asked again, the workflow answers again: validation calls are not de-duplicated.
			await portal().validate('x');
			expect(h.executions).toHaveLength(3);
		},
	);

	describe('custom request bodies and pausing', () => {
		/** A portal "Custom Content (Request Body)": the standard body is replaced. */
		const CUSTOM_JSON =
			'{"type": "{{event}}", "check": "{{content.checkId}}", "at": "{{time}}", "team": "Sales"}';

		it('passes a custom JSON body on as a customContent event, with the body as it came', async () => {
			const h = await trigger({}, { portal: { customBody: CUSTOM_JSON } });
			const [delivery] = await portal().fire('checkAnswered');
			expect(delivery.status).toBe(200);
			expect(JSON.parse(delivery.body)).not.toHaveProperty('event');
			expect(h.executions).toHaveLength(1);
			expect(h.executions[0][0].json).toEqual({
				event: 'customContent',
				body: JSON.parse(delivery.body),
			});
		});

		it('passes a custom body that is not JSON on as text, and outputs it alone when asked', async () => {
			const h = await trigger(
				{ options: { output: 'content' } },
				{
					portal: {
						customBody: 'Check {{content.checkId}} answered at {{time}}',
						customContentType: 'text/plain; charset=utf-8',
					},
				},
			);
			const [delivery] = await portal().fire('checkAnswered');
			expect(delivery.status).toBe(200);
			expect(h.executions).toHaveLength(1);
			expect(h.executions[0][0].json).toEqual({ body: delivery.body });
		});

		it('offers custom content in the events list: chosen alone, it passes only custom bodies', async () => {
			const custom = await trigger(
				{ events: ['customContent'] },
				{ portal: { customBody: CUSTOM_JSON } },
			);
			const standard = await trigger({ events: ['customContent'] });
			await portal().fire('checkOpened');
			expect(custom.executions).toHaveLength(1);
			expect(standard.executions).toHaveLength(0);
			expect(portal().deliveries.sent.map((d) => d.status)).toEqual([200, 200]);
		});

		it('starts no second execution for the same custom body sent again', async () => {
			const h = await trigger({}, { portal: { customBody: CUSTOM_JSON } });
			await portal().fire('checkAnswered');
			const [again] = await portal().fire('checkAnswered', { repeat: true });
			expect(again.status).toBe(200);
			expect(JSON.parse(again.answer)).toMatchObject({ started: false });
			expect(h.executions).toHaveLength(1);
		});

		it('the sandbox pauses a webhook after failures in a row, and then sends nothing', async () => {
			// A webhook whose header holds another secret: every call is refused with 401.
			await trigger({}, { portal: { failureThreshold: 3 } });
			const [webhook] = portal().portal;
			webhook.headers = { [FLIXCHECK_WEBHOOK_SECRET.headerName]: 'another-secret' };
			for (let n = 0; n < 4; n++) await portal().fire('checkOpened');
			expect(portal().deliveries.sent.map((d) => d.status)).toEqual([401, 401, 401]);
			expect(webhook.paused).toBe(true);
			expect(webhook.backlog).toHaveLength(1);
		});

		it('is never paused by custom bodies or by events not chosen: every verified call gets 2xx', async () => {
			const threshold = 3;
			const chosen = await trigger(
				{ events: ['checkAnswered'] },
				{ portal: { customBody: CUSTOM_JSON, failureThreshold: threshold } },
			);
			const all = await trigger(
				{},
				{ portal: { customBody: CUSTOM_JSON, failureThreshold: threshold } },
			);
			const unknown = await trigger(
				{ events: ['checkAnswered'] },
				{ portal: { failureThreshold: threshold } },
			);
			for (let n = 0; n < threshold + 2; n++) {
				await portal().fire('checkAnswered');
				await portal().fire('someEventNoOneKnows');
			}
			const statuses = portal().deliveries.sent.map((d) => d.status);
			expect(statuses).toHaveLength(3 * 2 * (threshold + 2));
			expect(statuses.every((status) => status >= 200 && status < 300)).toBe(true);
			expect(portal().portal.map((w) => w.paused)).toEqual([false, false, false]);
			// Custom bodies start executions when chosen (all events) and are answered otherwise.
			expect(all.executions).toHaveLength(2 * (threshold + 2));
			expect(chosen.executions).toHaveLength(0);
			expect(unknown.executions.map((e) => e[0].json.event)).toEqual(
				Array(threshold + 2).fill('checkAnswered'),
			);
		});
	});

	it('accepts the secret a credential holds with spaces around it, as its test does', async () => {
		const spaced = await store.add('flixcheckWebhookApi', {
			headerName: ` ${FLIXCHECK_WEBHOOK_SECRET.headerName} `,
			secret: `  ${FLIXCHECK_WEBHOOK_SECRET.secret} \n`,
		} as never);
		const test = await testCredentialWithNode(
			store,
			new FlixcheckTrigger(),
			'flixcheckWebhookApi',
			spaced,
		);
		expect(test.status).toBe('OK');
		const h = await trigger({}, { credential: spaced });
		const [delivery] = await portal().fire('checkOpened');
		expect(delivery.status).toBe(200);
		expect(h.executions).toHaveLength(1);
	});

	it('keeps the secret out of outputs and answers', async () => {
		const h = await trigger();
		await portal().fire('checkOpened');
		await portal().fire('checkOpened', { withoutHeaders: true });
		const text = JSON.stringify([
			h.executions,
			h.stored,
			portal().deliveries.sent.map((d) => d.answer),
		]);
		expect(text).not.toContain(FLIXCHECK_WEBHOOK_SECRET.secret);
	});
});

describe('Flixcheck Webhook credential test', () => {
	const node = new FlixcheckTrigger();

	it('passes for a usable header name and secret', async () => {
		expect(await testCredentialWithNode(store, node, 'flixcheckWebhookApi', credential)).toEqual({
			status: 'OK',
			message: 'The header name and the secret can be used',
		});
	});

	it.each([
		['an empty secret', { secret: '' }, /secret is empty.*16 characters.*openssl rand -hex 32/],
		['a short secret', { secret: 'hunter2' }, /too short: use at least 16 characters/],
		['15 characters', { secret: '  0123456789abcde  ' }, /too short: use at least 16 characters/],
		['a header name with a space', { headerName: 'X Secret' }, /cannot be used as the header name/],
		[
			'a header n8n or a proxy sets',
			{ headerName: 'Content-Type' },
			/cannot be used as the header name/,
		],
	])('fails for %s, saying what to do', async (_name, data, message) => {
		const bad = await store.add('flixcheckWebhookApi', {
			...FLIXCHECK_WEBHOOK_SECRET,
			...data,
		} as never);
		const result = await testCredentialWithNode(store, node, 'flixcheckWebhookApi', bad);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
	});

	it('passes for a typed secret of 16 characters, spaces around it dropped', async () => {
		const typed = await store.add('flixcheckWebhookApi', {
			headerName: 'X-Flixcheck-Webhook-Secret',
			secret: '  0123456789abcdef \n',
		} as never);
		expect(await testCredentialWithNode(store, node, 'flixcheckWebhookApi', typed)).toMatchObject({
			status: 'OK',
		});
	});

	it('never puts a secret into its answer', async () => {
		const bad = await store.add('flixcheckWebhookApi', {
			headerName: 'X-Secret',
			secret: '',
		} as never);
		const result = await testCredentialWithNode(store, node, 'flixcheckWebhookApi', bad);
		expect(result.message).not.toMatch(/[0-9a-f]{32}/);
	});
});

describe('Flixcheck Webhook credential, as the editor shows it', () => {
	const properties = new FlixcheckWebhookApi().properties;

	it('asks for a secret to type or paste, and says how to make one', () => {
		const notice = properties.find((p) => p.type === 'notice')!.displayName;
		expect(notice).toMatch(/openssl rand -hex 32/);
		expect(notice).not.toMatch(/empty/i);
		const secret = properties.find((p) => p.name === 'secret')!;
		expect(secret.required).toBe(true);
		expect(secret.description).toMatch(/at least 16 characters/);
	});
});

describe('Flixcheck Trigger events, as the node panel names them', () => {
	it('keeps "unconfirmed" out of the event names, and in their descriptions', () => {
		expect(EVENTS.filter((e) => /unconfirmed/i.test(e.name))).toEqual([]);
		for (const value of ['checkCompleted', 'checkCreated', 'checkRated', 'checkSent']) {
			expect(EVENTS.find((e) => e.value === value)?.description).toMatch(/name unconfirmed/i);
		}
	});
});

describe('Flixcheck Trigger in the editor', () => {
	const { description } = new FlixcheckTrigger();

	/** The values of the Respond field a node of `typeVersion` offers. */
	function respondOptions(typeVersion: number): string[] {
		const node = { typeVersion, parameters: {} } as unknown as INode;
		const shown = description.properties.filter(
			(p) => p.name === 'responseMode' && NodeHelpers.displayParameter({}, p, node, description),
		);
		expect(shown).toHaveLength(1);
		return (shown[0].options ?? []).map((o) => (o as { value: string }).value);
	}

	/** Whether a node of `typeVersion` with Respond set to `responseMode` shows the field `name`. */
	function shows(typeVersion: number, responseMode: string, name: string): boolean {
		const node = { typeVersion, parameters: { responseMode } } as unknown as INode;
		return description.properties
			.filter((p) => p.name === name)
			.some((p) => NodeHelpers.displayParameter({ responseMode }, p, node, description));
	}

	// n8n's Respond to Webhook node from version 1.1 on (the one the editor adds) answers
	// only for n8n's own Webhook, Form, Chat and Wait nodes.
	test("new nodes get version 1.1, which offers no 'Respond to Webhook' answer; version 1 keeps it", () => {
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
		expect(respondOptions(1.1)).toEqual(['onReceived', 'lastNode']);
		expect(respondOptions(1)).toEqual(['onReceived', 'lastNode', 'responseNode']);
		expect(shows(1, 'responseNode', 'respondNodeNotice')).toBe(true);
		expect(shows(1.1, 'lastNode', 'validationNotice')).toBe(true);
		expect(shows(1.1, 'lastNode', 'respondNodeNotice')).toBe(false);
	});
});
