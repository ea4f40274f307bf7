import type { FlixcheckProvider } from '../../test/sandbox';
import { FLIXCHECK_CLIENT, FLIXCHECK_USERS } from '../../test/sandbox';
import type { ProviderSpec, SandboxContext } from '../spec';
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
};
