import type { ThanksIoProvider } from '../../test/sandbox';
import { THANKSIO_CLIENT, THANKSIO_PERSONAL_TOKEN } from '../../test/sandbox';
import { EARLIER_SEND_NAMES, OTHER_RECIPIENT_NAMES } from '../../test/sandbox/thanksio';
import { outcomeOf } from '../lib/triggers';
import type { ProviderSpec, SandboxContext, TriggerHook, WorkflowSpec } from '../spec';
import { expect } from '../spec';

const LIST_NAME = 'Customers to thank';

function thanksIo({ sandbox }: SandboxContext): ThanksIoProvider {
	return sandbox.provider<ThanksIoProvider>('thanksio');
}

/** The node's Authentication option: the credential type's name. */
function chooseCredential(type: string) {
	return { authentication: type };
}

/** The webhooks registered for the trigger's URL (with its secret). */
function webhooksOf(ctx: SandboxContext, hook: TriggerHook) {
	return [...thanksIo(ctx).hooks.webhooks.values()].filter((w) =>
		w.url.startsWith(`${hook.webhookUrl}?token=`),
	);
}

function delivered(deliveries: ReturnType<ThanksIoProvider['hooks']['fire']>) {
	return outcomeOf(deliveries, (event: { event_id: string }) => event.event_id);
}

/** The order the polling workflow follows. */
let polledOrder = 0;

/** The last request to a send route, and its route. */
function lastSend(ctx: SandboxContext) {
	const requests = thanksIo(ctx).sendRequests;
	return requests[requests.length - 1];
}

/** Sends as the vendor's own node makes them: windowed letters and magnacards. */
const sendWorkflows: WorkflowSpec[] = [
	{
		name: 'Send a windowed letter',
		kind: 'write',
		parameters: {
			resource: 'mailer',
			operation: 'sendLetter',
			message: 'Dear %FIRST_NAME%, thank you!',
			recipientName: 'Kim Example',
			recipientAddress: '123 Main Street',
			recipientCity: 'Any Town',
			recipientProvince: 'NY',
			recipientPostalCode: '12345',
			recipientCountry: 'US',
		},
		check(items, ctx) {
			expect(items[0]?.type === 'letter', `unexpected answer ${JSON.stringify(items[0])}`);
			expect(lastSend(ctx)?.route === 'letter', 'the letter did not go to /send/letter');
		},
	},
	{
		name: 'Send a magnacard to a mailing list, by templates',
		kind: 'write',
		parameters: (ctx) => {
			const [list] = thanksIo(ctx).addMailingLists(1, 'Magnacard list');
			thanksIo(ctx).addRecipients(Number(list.id), 2);
			const template = (rows: Array<Record<string, unknown>>) =>
				Number(rows.find((row) => row.type === 'magnacard')!.id);
			return {
				resource: 'mailer',
				operation: 'sendMagnacard',
				audience: 'mailingLists',
				mailingListIds: [Number(list.id)],
				messageTemplate: template(thanksIo(ctx).messageTemplates),
				imageTemplate: template(thanksIo(ctx).imageTemplates),
				handwritingStyle: 'Foxy Lady',
				options: { email_additional: 'ops@example.com, sales@example.com' },
			};
		},
		check(items, ctx) {
			expect(
				items[0]?.type === 'magnacard' && items[0]?.total_recipients === 2,
				`unexpected answer ${JSON.stringify(items[0])}`,
			);
			const sent = lastSend(ctx);
			expect(sent?.route === 'magnacard', 'the magnacard did not go to /send/magnacard');
			const doubled = EARLIER_SEND_NAMES.filter((name) => sent.body[name] !== undefined);
			expect(doubled.length === 0, `the send carried earlier names: ${doubled.join(', ')}`);
			expect(
				Array.isArray(sent.body.mailing_list_ids) &&
					sent.body.notification_emails === 'ops@example.com,sales@example.com',
				`unexpected send ${JSON.stringify(sent.body)}`,
			);
		},
	},
];

/** Add Many: the input item's recipient added through one create-multiple request. */
const addManyWorkflow: WorkflowSpec = {
	name: 'Add recipients to a mailing list in one request',
	kind: 'write',
	parameters: (ctx) => {
		const [list] = thanksIo(ctx).addMailingLists(1, 'Bulk list');
		return {
			resource: 'recipient',
			operation: 'createMany',
			mailingListId: { __rl: true, mode: 'id', value: String(list.id) },
			recipientName: 'Kim Example',
			recipientAddress: '123 Main Street',
			recipientCity: 'Any Town',
			recipientProvince: 'NY',
			recipientPostalCode: '12345',
		};
	},
	check(items, ctx) {
		expect(
			items.length === 1 && items[0]?.name === 'Kim Example' && items[0]?.error === undefined,
			`unexpected answer ${JSON.stringify(items)}`,
		);
		const requests = ctx.sandbox.log.filter(
			(r) => r.method === 'POST' && r.path === '/api/v2/recipients-utils/create-multiple',
		);
		const body = JSON.parse(requests[requests.length - 1]?.body ?? '[]') as Array<
			Record<string, unknown>
		>;
		const doubled = OTHER_RECIPIENT_NAMES.filter((name) => body[0]?.[name] !== undefined);
		expect(
			body.length === 1 && body[0].mailing_list_id !== undefined && doubled.length === 0,
			`unexpected create-multiple request ${JSON.stringify(body)}`,
		);
	},
};

/**
 * thanks.io: authorization code with rotating refresh tokens, and an expired token
 * answered with 403 (not 401); or a personal access token.
 */
export const thanksIoSpec: ProviderSpec = {
	name: 'thanksio',
	credentials: [
		{
			type: 'thanksIoOAuth2Api',
			name: 'thanks.io OAuth2 (sandbox)',
			connect: 'authorizationCode',
			// An OAuth2 credential has no Test of its own: "Connect my account" is its test.
			skipTest: true,
			register: ({ callbackUrl }) => {
				if (!THANKSIO_CLIENT.redirectUris.includes(callbackUrl))
					THANKSIO_CLIENT.redirectUris.push(callbackUrl);
			},
			data: ({ url }) => ({
				clientId: THANKSIO_CLIENT.id,
				clientSecret: THANKSIO_CLIENT.secret,
				authorizationUrl: `${url}/thanksio/oauth/authorize`,
				tokenUrl: `${url}/thanksio/oauth/token`,
				apiBaseUrl: `${url}/thanksio/api/v2`,
			}),
			tokenRequests: ({ sandbox }) => sandbox.count('thanksio', 'POST /oauth/token'),
			tokenRoute: { provider: 'thanksio', route: 'POST /oauth/token' },
			expireTokens: (ctx) => thanksIo(ctx).auth.expireAccessTokens(),
			rotatingRefreshTokens: true,
			secrets: (ctx) => [THANKSIO_CLIENT.secret, ...thanksIo(ctx).auth.validRefreshTokens()],
		},
		{
			type: 'thanksIoApi',
			name: 'thanks.io personal access token (sandbox)',
			connect: 'none',
			data: ({ url }) => ({
				accessToken: THANKSIO_PERSONAL_TOKEN,
				apiBaseUrl: `${url}/thanksio/api/v2`,
			}),
			broken: { accessToken: 'not-the-personal-access-token' },
			secrets: () => [THANKSIO_PERSONAL_TOKEN],
		},
	],
	nodes: [
		{
			type: 'thanksIo',
			credentials: [
				{ type: 'thanksIoOAuth2Api', parameters: chooseCredential('thanksIoOAuth2Api') },
				{ type: 'thanksIoApi', parameters: chooseCredential('thanksIoApi') },
			],
			workflows: [
				{
					name: 'Create a mailing list',
					kind: 'write',
					parameters: { resource: 'mailingList', operation: 'create', listName: LIST_NAME },
					check(items, ctx) {
						expect(items.length === 1, `expected one item, got ${items.length}`);
						const stored = thanksIo(ctx).mailingLists.get(Number(items[0].id));
						expect(
							stored?.description === LIST_NAME,
							`the sandbox has no list ${String(items[0].id)}`,
						);
					},
				},
				{
					name: 'Get mailing lists',
					kind: 'read',
					parameters: { resource: 'mailingList', operation: 'getAll', returnAll: true },
					check(items, ctx) {
						const lists = thanksIo(ctx).mailingLists.size;
						expect(
							items.length === lists && lists > 0,
							`expected all ${lists} lists, got ${items.length}`,
						);
						expect(
							items.some((i) => i.description === LIST_NAME),
							'the created list is missing',
						);
					},
				},
				...sendWorkflows,
				addManyWorkflow,
			],
			loadOptions: {
				getGiftCardAmounts: { parameters: { giftCardBrand: 'amazonus' } },
			},
		},
	],
	triggers: [
		{
			name: 'webhooks, a secret in the URL',
			type: 'thanksIoTrigger',
			// The version new nodes get: its Mailing List is a picker, empty for any list.
			// e2e/triggerState.ts runs version 1 workflows, as saved before it.
			version: 1.1,
			credential: { type: 'thanksIoOAuth2Api', parameters: chooseCredential('thanksIoOAuth2Api') },
			parameters: {
				mode: 'webhook',
				events: ['order_item.delivered', 'scans.scan_update'],
				mailingList: { __rl: true, mode: 'list', value: '' },
			},
			registered(ctx, hook) {
				const types = webhooksOf(ctx, hook).map((w) => w.type);
				expect(
					types.sort().join(', ') === 'order_item.delivered, scans.scan_update',
					`the sandbox has these webhooks for the trigger: ${types.join(', ') || 'none'}`,
				);
				const tokens = new Set(
					webhooksOf(ctx, hook).map((w) => new URL(w.url).searchParams.get('token')),
				);
				expect(
					tokens.size === 1 && /^[0-9a-f]{64}$/.test([...tokens][0] ?? ''),
					'no secret in the URLs',
				);
			},
			deliver: {
				genuine: async (ctx, hook) =>
					await delivered(
						thanksIo(ctx).hooks.fire('order_item.delivered', { to: hook.webhookUrl }),
					),
				unauthenticated: async (ctx, hook) =>
					await delivered(
						thanksIo(ctx).hooks.fire('order_item.delivered', {
							to: hook.webhookUrl,
							withoutToken: true,
						}),
					),
				duplicate: async (ctx, hook) =>
					await delivered(
						thanksIo(ctx).hooks.fire('order_item.delivered', { to: hook.webhookUrl, repeat: true }),
					),
			},
			removed(ctx, hook) {
				const left = webhooksOf(ctx, hook);
				expect(left.length === 0, `${left.length} webhook(s) left on the sandbox`);
			},
			// The secret of each registration URL must never show in n8n.
			secrets: (ctx) => [...thanksIo(ctx).hooks.tokensSeen],
			fire: (ctx) => [
				`curl -s -X POST ${ctx.url}/thanksio/_sandbox/events -H 'content-type: application/json' -d '{"type":"order_item.delivered"}'`,
				`curl -s -X POST ${ctx.url}/thanksio/_sandbox/events -H 'content-type: application/json' -d '{"type":"scans.scan_update"}'`,
			],
		},
	],
	polling: [
		{
			name: 'polling the orders list',
			type: 'thanksIoTrigger',
			version: 1.1,
			credential: { type: 'thanksIoApi', parameters: chooseCredential('thanksIoApi') },
			parameters: {
				mode: 'poll',
				pollEvents: ['order.status_changed', 'order.delivered'],
				subAccount: { __rl: true, mode: 'list', value: '' },
			},
			prepare(ctx) {
				// History the first poll must not replay: a delivered order and one in print.
				thanksIo(ctx).addOrders(1, 'Delivered');
				polledOrder = Number(thanksIo(ctx).addOrders(1, 'Printing')[0].id);
			},
			polls: ({ sandbox }) => sandbox.count('thanksio', 'GET /api/v2/orders/list'),
			change(ctx, n) {
				thanksIo(ctx).setOrderStatus(polledOrder, n === 1 ? 'Printed' : 'Delivered');
				return n === 1 ? 'order.status_changed' : 'order.delivered';
			},
			changes: 2,
			fire: (ctx) => [
				`curl -s -X POST ${ctx.url}/thanksio/_sandbox/orders -H 'content-type: application/json' -d '{"status":"Printing"}'   # a new order: note its "id"`,
				`curl -s -X POST ${ctx.url}/thanksio/_sandbox/orders/<id>/status -H 'content-type: application/json' -d '{"status":"Delivered"}'`,
			],
		},
	],
};
