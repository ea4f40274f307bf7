import type { ThinkificProvider } from '../../test/sandbox';
import { THINKIFIC_API_KEY, THINKIFIC_CLIENT, THINKIFIC_SUBDOMAIN } from '../../test/sandbox';
import { outcomeOf } from '../lib/triggers';
import type { ProviderSpec, SandboxContext, TriggerHook, TriggerSpec } from '../spec';
import { expect } from '../spec';
import { thinkificAdminDropdowns, thinkificAdminWorkflows } from './thinkificAdmin';
import { commerceDropdowns, commerceWorkflows } from './thinkificCommerce';

function thinkific({ sandbox }: SandboxContext): ThinkificProvider {
	return sandbox.provider<ThinkificProvider>('thinkific');
}

/** The node's Authentication option: the credential type's name. */
function chooseCredential(type: string) {
	return { authentication: type };
}

/** The webhooks of the site that point at the trigger. */
function webhooksOf(ctx: SandboxContext, hook: TriggerHook) {
	return [...thinkific(ctx).hooks.webhooks.values()].filter(
		(w) => w.target_url === hook.webhookUrl,
	);
}

/** The answer and the event of the (first) delivery the sandbox made. */
function delivered(deliveries: ReturnType<ThinkificProvider['fire']>) {
	return outcomeOf(deliveries, (event: { id: string }) => event.id);
}

/** Deliveries of the sandbox, as the Thinkific Trigger specs use them. */
function deliveries(topic: string): TriggerSpec['deliver'] {
	return {
		genuine: async (ctx, hook) => {
			const outcome = await delivered(thinkific(ctx).fire(topic, { url: hook.webhookUrl }));
			// The same answer on every n8n line: the node's own, not n8n's default.
			expect(
				outcome.status !== 200 || outcome.answer === '{"received":true,"started":true}',
				`the answer was ${outcome.answer.slice(0, 100)}`,
			);
			return outcome;
		},
		unauthenticated: async (ctx, hook) =>
			await delivered(thinkific(ctx).fire(topic, { url: hook.webhookUrl, forge: true })),
		duplicate: async (ctx, hook) =>
			await delivered(thinkific(ctx).fire(topic, { url: hook.webhookUrl, repeat: true })),
	};
}

/** The user created last with an external ID (by the "Create a user" workflow). */
function newestWithExternalId(ctx: SandboxContext): { id: number; externalId: string } {
	const users = [...thinkific(ctx).users.values()]
		.map((user) => ({ id: user.id, externalId: (user as { external_id?: unknown }).external_id }))
		.filter(
			(user): user is { id: number; externalId: string } => typeof user.externalId === 'string',
		);
	expect(users.length > 0, 'the sandbox has no user with an external ID');
	return users[users.length - 1];
}

/** Throws unless the items are the one user created last with an external ID. */
function expectUserWithExternalId(items: Array<Record<string, unknown>>, ctx: SandboxContext) {
	const { id, externalId } = newestWithExternalId(ctx);
	expect(
		items.length === 1 && items[0].id === id,
		`expected user ${id} (external ID ${externalId}), got ${items.map((i) => String(i.id)).join(', ') || 'no item'}`,
	);
}

function fireCommand(ctx: SandboxContext, topic: string): string {
	return `curl -s -X POST ${ctx.url}/thinkific/_sandbox/events -H 'content-type: application/json' -d '{"topic":"${topic}"}'`;
}

/** Thinkific: authorization code (client authentication by Basic header) with rotating refresh tokens, or an API key. */
export const thinkificSpec: ProviderSpec = {
	name: 'thinkific',
	credentials: [
		{
			type: 'thinkificOAuth2Api',
			name: 'Thinkific OAuth2 (sandbox)',
			connect: 'authorizationCode',
			// An OAuth2 credential has no Test of its own: "Connect my account" is its test.
			skipTest: true,
			data: ({ url }) => ({
				clientId: THINKIFIC_CLIENT.id,
				clientSecret: THINKIFIC_CLIENT.secret,
				subdomain: THINKIFIC_SUBDOMAIN,
				siteUrl: `${url}/thinkific`,
				apiBaseUrl: `${url}/thinkific/api/public/v1`,
				webhooksApiBaseUrl: `${url}/thinkific-api/api/v2`,
			}),
			tokenRequests: ({ sandbox }) => sandbox.count('thinkific', 'POST /oauth2/token'),
			tokenRoute: { provider: 'thinkific', route: 'POST /oauth2/token' },
			expireTokens: (ctx) => thinkific(ctx).auth.expireAccessTokens(),
			rotatingRefreshTokens: true,
			secrets: (ctx) => [THINKIFIC_CLIENT.secret, ...thinkific(ctx).auth.validRefreshTokens()],
		},
		{
			type: 'thinkificApi',
			name: 'Thinkific API key (sandbox)',
			connect: 'none',
			data: ({ url }) => ({
				apiKey: THINKIFIC_API_KEY,
				subdomain: THINKIFIC_SUBDOMAIN,
				apiBaseUrl: `${url}/thinkific/api/public/v1`,
				webhooksApiBaseUrl: `${url}/thinkific-api/api/v2`,
			}),
			broken: { apiKey: 'not-the-api-key' },
			secrets: () => [THINKIFIC_API_KEY],
		},
	],
	nodes: [
		{
			type: 'thinkific',
			// The version new nodes get; one workflow runs version 1, as saved before it.
			version: 1.1,
			credentials: [
				{ type: 'thinkificOAuth2Api', parameters: chooseCredential('thinkificOAuth2Api') },
				{ type: 'thinkificApi', parameters: chooseCredential('thinkificApi') },
			],
			workflows: [
				{
					name: 'Create a user',
					kind: 'write',
					// A new address each time: Thinkific refuses a second user with the same email.
					parameters: (ctx) => ({
						resource: 'user',
						operation: 'create',
						firstName: 'Kim',
						lastName: 'Learner',
						email: `learner${thinkific(ctx).users.size + 1}@example.com`,
						// For the workflows that get the user by external ID.
						additionalFields: { externalId: `sso-learner${thinkific(ctx).users.size + 1}` },
					}),
					check(items, ctx) {
						expect(items.length === 1, `expected one item, got ${items.length}`);
						const stored = thinkific(ctx).users.get(Number(items[0].id));
						expect(
							stored?.email === items[0].email && stored?.first_name === 'Kim',
							`the sandbox has no user ${String(items[0].id)}`,
						);
						expect(
							(stored as { external_id?: unknown } | undefined)?.external_id ===
								`sso-${String(stored?.email).split('@')[0]}`,
							`the sandbox's user ${String(items[0].id)} has no external ID`,
						);
					},
				},
				{
					name: 'Get users',
					kind: 'read',
					parameters: { resource: 'user', operation: 'getAll', returnAll: true },
					check(items, ctx) {
						const users = thinkific(ctx).users.size;
						expect(
							items.length === users && users > 0,
							`expected all ${users} users, got ${items.length}`,
						);
					},
				},
				{
					name: 'Get a user by external ID',
					kind: 'read',
					// The User picker still holds the user's Thinkific ID, as after picking the
					// user and then switching ID Type: version 1.1 reads the External ID field
					// (the Thinkific ID looked up as an external ID would find nobody).
					parameters: (ctx) => {
						const user = newestWithExternalId(ctx);
						return {
							resource: 'user',
							operation: 'get',
							userId: { __rl: true, mode: 'id', value: String(user.id) },
							idType: 'SSO',
							externalId: user.externalId,
						};
					},
					check: (items, ctx) => expectUserWithExternalId(items, ctx),
				},
				{
					name: 'Get a user by external ID, as saved with version 1',
					kind: 'read',
					version: 1,
					parameters: (ctx) => ({
						resource: 'user',
						operation: 'get',
						idType: 'SSO',
						userId: newestWithExternalId(ctx).externalId,
					}),
					check: (items, ctx) => expectUserWithExternalId(items, ctx),
				},
				...thinkificAdminWorkflows,
				...commerceWorkflows,
			],
			loadOptions: { ...thinkificAdminDropdowns, ...commerceDropdowns },
		},
	],
	triggers: [
		{
			name: 'OAuth2, registers its webhooks',
			type: 'thinkificTrigger',
			credential: {
				type: 'thinkificOAuth2Api',
				parameters: chooseCredential('thinkificOAuth2Api'),
			},
			parameters: { events: ['enrollment.completed', 'order.created'] },
			registered(ctx, hook) {
				const topics = webhooksOf(ctx, hook).map((w) => `${w.topic} by ${w.by}`);
				expect(
					topics.sort().join(', ') === 'enrollment.completed by app, order.created by app',
					`the sandbox has these webhooks for the trigger: ${topics.join(', ') || 'none'}`,
				);
			},
			deliver: deliveries('enrollment.completed'),
			removed(ctx, hook) {
				const left = webhooksOf(ctx, hook);
				expect(left.length === 0, `${left.length} webhook(s) left on the sandbox`);
				const deletes = ctx.sandbox.log.filter(
					(e) => e.mount === 'thinkific-api' && e.method === 'DELETE',
				);
				expect(deletes.length >= 2, `the sandbox saw ${deletes.length} DELETE request(s)`);
			},
			// Any URL secret of a webhook's address must never show in n8n either.
			secrets: (ctx) => [THINKIFIC_CLIENT.secret, ...thinkific(ctx).hooks.tokensSeen],
			fire: (ctx) => [fireCommand(ctx, 'enrollment.completed'), fireCommand(ctx, 'order.created')],
		},
		{
			name: 'API key, registers its webhooks with the key as a bearer token',
			type: 'thinkificTrigger',
			credential: { type: 'thinkificApi', parameters: chooseCredential('thinkificApi') },
			parameters: { events: ['user.signup'] },
			registered(ctx, hook) {
				const made = webhooksOf(ctx, hook).map((w) => `${w.topic} by ${w.by}`);
				expect(
					made.join() === 'user.signup by apiKey',
					`the sandbox has these webhooks for the trigger: ${made.join(', ') || 'none'}`,
				);
			},
			deliver: deliveries('user.signup'),
			removed(ctx, hook) {
				const left = webhooksOf(ctx, hook);
				expect(left.length === 0, `${left.length} webhook(s) left on the sandbox`);
			},
			secrets: () => [THINKIFIC_API_KEY],
			fire: (ctx) => [fireCommand(ctx, 'user.signup')],
			// The admin's webhook for the test URL (`prepare` with it): only that one.
			fireTest: (ctx, hook) => [
				`curl -s -X POST ${ctx.url}/thinkific/_sandbox/events -H 'content-type: application/json' -d '{"topic":"user.signup","url":"${hook.testWebhookUrl}"}'`,
			],
		},
	],
};
