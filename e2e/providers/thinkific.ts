import type { ThinkificProvider } from '../../test/sandbox';
import { THINKIFIC_API_KEY, THINKIFIC_CLIENT, THINKIFIC_SUBDOMAIN } from '../../test/sandbox';
import type { ProviderSpec, SandboxContext } from '../spec';
import { expect } from '../spec';

function thinkific({ sandbox }: SandboxContext): ThinkificProvider {
	return sandbox.provider<ThinkificProvider>('thinkific');
}

/** The node's Authentication option: the credential type's name. */
function chooseCredential(type: string) {
	return { authentication: type };
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
			}),
			broken: { apiKey: 'not-the-api-key' },
			secrets: () => [THINKIFIC_API_KEY],
		},
	],
	nodes: [
		{
			type: 'thinkific',
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
					}),
					check(items, ctx) {
						expect(items.length === 1, `expected one item, got ${items.length}`);
						const stored = thinkific(ctx).users.get(Number(items[0].id));
						expect(
							stored?.email === items[0].email && stored?.first_name === 'Kim',
							`the sandbox has no user ${String(items[0].id)}`,
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
			],
		},
	],
};
