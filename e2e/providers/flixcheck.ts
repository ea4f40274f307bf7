import { createHash, randomUUID } from 'node:crypto';

import type { FlixcheckProvider } from '../../test/sandbox';
import { FLIXCHECK_CLIENT, FLIXCHECK_USERS, FLIXCHECK_WEBHOOK_SECRET } from '../../test/sandbox';
import { VALIDATION_EVENT } from '../../test/sandbox/flixcheckWebhooks';
import { outcomeOf } from '../lib/triggers';
import type {
	ProviderSpec,
	SandboxContext,
	TriggerHook,
	TriggerSpec,
	ValidationSpec,
} from '../spec';
import { expect } from '../spec';

const SUBJECT = 'Photos of the damage';

function flixcheck({ sandbox }: SandboxContext): FlixcheckProvider {
	return sandbox.provider<FlixcheckProvider>('flixcheck');
}

/** The node's Authentication option: the credential type's name. */
function chooseCredential(type: string) {
	return { authentication: type };
}

/** The newest check in the sandbox (the one the write workflow sent). */
function latestCheckId(ctx: SandboxContext): string {
	const checks = [...flixcheck(ctx).checks.values()];
	return checks.length ? checks[checks.length - 1].id : 'no-check-sent-yet';
}

/**
 * The administrator adds the trigger's URL and the secret header in Flixcheck's portal,
 * and optionally a "Custom Content (Request Body)" that replaces the standard body.
 */
function configurePortal(
	ctx: SandboxContext,
	hook: TriggerHook,
	events: string[],
	customBody?: string,
) {
	const portal = flixcheck(ctx).hooks.portal;
	if (portal.some((w) => w.url === hook.webhookUrl)) return;
	flixcheck(ctx).hooks.configure({
		url: hook.webhookUrl,
		events,
		headers: { [FLIXCHECK_WEBHOOK_SECRET.headerName]: FLIXCHECK_WEBHOOK_SECRET.secret },
		customBody,
	});
}

/** What the trigger remembers of a delivery: Flixcheck sends no event ID, so a hash of the event. */
function hashOf(event: unknown): string {
	return `sha256:${createHash('sha256').update(JSON.stringify(event), 'utf8').digest('hex').slice(0, 40)}`;
}

function delivered(deliveries: ReturnType<FlixcheckProvider['hooks']['fire']>) {
	return outcomeOf(
		deliveries,
		(call: { content: { checkId: string } }) => call.content.checkId,
		hashOf,
	);
}

/** A webhook's "Custom Content (Request Body)": no `event` field, the check ID under `check`. */
const CUSTOM_BODY = '{"type": "{{event}}", "check": "{{content.checkId}}", "at": "{{time}}"}';

/** A delivery of the custom body, as the trigger passes it on: `{event: "customContent", body}`. */
function deliveredCustom(deliveries: ReturnType<FlixcheckProvider['hooks']['fire']>) {
	return outcomeOf(
		deliveries,
		(body: { check: string }) => body.check,
		(body) => hashOf({ event: 'customContent', body }),
	);
}

/** The decision the validation workflows make: at least three characters are accepted. */
const VALID = "String($json.content.value || '').length >= 3";
const DECISION = `{{ JSON.stringify({ valid: ${VALID}, message: ${VALID} ? '' : 'Please enter at least 3 characters' }) }}`;

function validation(
	name: string,
	version: number,
	responseMode: string,
	downstream: ValidationSpec['downstream'],
): ValidationSpec {
	return {
		name,
		type: 'flixcheckTrigger',
		version,
		credential: { type: 'flixcheckWebhookApi' },
		parameters: { otherEvents: VALIDATION_EVENT, responseMode },
		downstream,
		prepare: (ctx, hook) => configurePortal(ctx, hook, [VALIDATION_EVENT]),
		async ask(ctx, hook, input) {
			const [answer] = await flixcheck(ctx).hooks.validate(input, { to: hook.webhookUrl });
			expect(answer !== undefined, 'the portal has no validation webhook for the trigger');
			return answer;
		},
		cases: [
			{ input: 'AB-1234', decision: 'accept' },
			{ input: 'x', decision: 'reject' },
		],
		fire: (ctx) => [
			`curl -s -X POST ${ctx.url}/flixcheck/_sandbox/validations -H 'content-type: application/json' -d '{"value":"AB-1234"}'`,
			`curl -s -X POST ${ctx.url}/flixcheck/_sandbox/validations -H 'content-type: application/json' -d '{"value":"x"}'`,
		],
	};
}

/**
 * Commands that make the sandbox's portal send each event: to the webhook with URL
 * `to` (the trigger's production or test URL), or to every webhook that has it.
 */
function sampleEvents(ctx: SandboxContext, events: string[], to?: string): string[] {
	return events.map(
		(event) =>
			`curl -s -X POST ${ctx.url}/flixcheck/_sandbox/events -H 'content-type: application/json' -d '${JSON.stringify(to ? { event, to } : { event })}'`,
	);
}

/**
 * A trigger whose webhook the administrator sets up in the portal, for `event`: the
 * standard body, or (with `customBody`) a body the portal replaced, which the node
 * passes on as a `customContent` event. Webhooks live in the portal only: activation
 * registers nothing, and deactivation removes nothing.
 */
function portalTrigger(
	name: string,
	events: string[],
	event: string,
	customBody?: string,
): TriggerSpec {
	const deliveries = customBody === undefined ? delivered : deliveredCustom;
	const fire = (ctx: SandboxContext, hook: TriggerHook, options = {}) =>
		deliveries(flixcheck(ctx).hooks.fire(event, { to: hook.webhookUrl, ...options }));
	return {
		name,
		type: 'flixcheckTrigger',
		credential: { type: 'flixcheckWebhookApi' },
		parameters: { events, responseMode: 'onReceived' },
		prepare: (ctx, hook) =>
			configurePortal(ctx, hook, customBody === undefined ? events : [event], customBody),
		registered(ctx, hook) {
			expect(
				flixcheck(ctx).hooks.portal.filter((w) => w.url === hook.webhookUrl).length === 1,
				'the portal does not list the trigger once',
			);
		},
		deliver: {
			genuine: async (ctx, hook) => await fire(ctx, hook),
			unauthenticated: async (ctx, hook) => await fire(ctx, hook, { withoutHeaders: true }),
			duplicate: async (ctx, hook) => await fire(ctx, hook, { repeat: true }),
		},
		removed: () => undefined,
		secrets: () => [FLIXCHECK_WEBHOOK_SECRET.secret],
		fire: (ctx, hook) =>
			sampleEvents(ctx, customBody === undefined ? events : [event], hook?.webhookUrl),
		fireTest: (ctx, hook) =>
			sampleEvents(ctx, customBody === undefined ? events : [event], hook.testWebhookUrl),
	};
}

/** Flixcheck: authorization code with rotating refresh tokens (JWT access tokens), or an API key. */
export const flixcheckSpec: ProviderSpec = {
	name: 'flixcheck',
	credentials: [
		{
			type: 'flixcheckOAuth2Api',
			name: 'Flixcheck OAuth2 (sandbox)',
			connect: 'authorizationCode',
			// An OAuth2 credential has no Test of its own: "Connect my account" is its test.
			skipTest: true,
			register: ({ callbackUrl }) => {
				if (!FLIXCHECK_CLIENT.redirectUris.includes(callbackUrl))
					FLIXCHECK_CLIENT.redirectUris.push(callbackUrl);
			},
			data: ({ url, callbackUrl }) => ({
				clientId: FLIXCHECK_CLIENT.id,
				clientSecret: FLIXCHECK_CLIENT.secret,
				redirectUrl: callbackUrl,
				portalUrl: `${url}/flixcheck/portal`,
				apiBaseUrl: `${url}/flixcheck`,
				v1BaseUrl: `${url}/flixcheck-www`,
			}),
			tokenRequests: ({ sandbox }) => sandbox.count('flixcheck', 'POST /guest/v7/oauth-tokens'),
			tokenRoute: { provider: 'flixcheck', route: 'POST /guest/v7/oauth-tokens' },
			expireTokens: (ctx) => flixcheck(ctx).expireJwts(),
			rotatingRefreshTokens: true,
			secrets: (ctx) => [FLIXCHECK_CLIENT.secret, ...flixcheck(ctx).auth.validRefreshTokens()],
		},
		{
			type: 'flixcheckApi',
			name: 'Flixcheck API key (sandbox)',
			connect: 'none',
			data: ({ url }) => ({
				userId: FLIXCHECK_USERS.agent.id,
				apiKey: FLIXCHECK_USERS.agent.apiKey,
				apiBaseUrl: `${url}/flixcheck`,
				v1BaseUrl: `${url}/flixcheck-www`,
			}),
			broken: { apiKey: 'not-the-api-key' },
			secrets: () => [FLIXCHECK_USERS.agent.apiKey],
		},
		{
			type: 'flixcheckWebhookApi',
			name: 'Flixcheck webhook secret (sandbox)',
			connect: 'none',
			data: () => ({ ...FLIXCHECK_WEBHOOK_SECRET }),
			broken: { secret: 'too-short' },
			secrets: () => [FLIXCHECK_WEBHOOK_SECRET.secret],
		},
	],
	nodes: [
		{
			type: 'flixcheck',
			credentials: [
				{ type: 'flixcheckOAuth2Api', parameters: chooseCredential('flixcheckOAuth2Api') },
				{ type: 'flixcheckApi', parameters: chooseCredential('flixcheckApi') },
			],
			workflows: [
				{
					name: 'Send a check',
					kind: 'write',
					parameters: {
						resource: 'check',
						operation: 'send',
						sendBy: 'email',
						email: 'kim@example.com',
						addressing: 'neutral',
						name: 'Kim Example',
						subject: SUBJECT,
						elements: '[]',
					},
					check(items, ctx) {
						expect(items.length === 1, `expected one item, got ${items.length}`);
						const stored = flixcheck(ctx).checks.get(String(items[0].id));
						expect(stored?.subject === SUBJECT, `the sandbox has no check ${String(items[0].id)}`);
					},
				},
				{
					name: 'Get the check',
					kind: 'read',
					parameters: (ctx) => ({
						resource: 'check',
						operation: 'get',
						checkId: latestCheckId(ctx),
					}),
					check(items) {
						expect(items.length === 1, `expected one item, got ${items.length}`);
						expect(items[0].subject === SUBJECT, `unexpected check ${JSON.stringify(items[0])}`);
					},
				},
			],
		},
	],
	triggers: [
		portalTrigger(
			'notifications, a secret header',
			['checkOpened', 'checkAnswered'],
			'checkOpened',
		),
		portalTrigger(
			'a custom request body, without an event field',
			['customContent'],
			'checkAnswered',
			CUSTOM_BODY,
		),
	],
	validations: [
		validation('validation answered when the last node finishes', 1.1, 'lastNode', [
			{
				name: 'Decide',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: [
							{ id: randomUUID(), name: 'valid', value: `={{ ${VALID} }}`, type: 'boolean' },
							{
								id: randomUUID(),
								name: 'message',
								value: `={{ ${VALID} ? '' : 'Please enter at least 3 characters' }}`,
								type: 'string',
							},
						],
					},
					includeOtherFields: false,
					options: {},
				},
			},
		]),
		// Version 1 of the trigger, the only one that offers this answer, and version 1 of
		// n8n's Respond to Webhook node: its later versions answer only for n8n's own
		// Webhook, Form, Chat and Wait nodes.
		validation('validation answered by a Respond to Webhook node', 1, 'responseNode', [
			{
				name: 'Answer',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1,
				parameters: { respondWith: 'json', responseBody: `=${DECISION}`, options: {} },
			},
		]),
	],
};
