import type { ThanksIoProvider } from '../../test/sandbox';
import { THANKSIO_CLIENT, THANKSIO_PERSONAL_TOKEN } from '../../test/sandbox';
import type { ProviderSpec, SandboxContext } from '../spec';
import { expect } from '../spec';

const LIST_NAME = 'Customers to thank';

function thanksIo({ sandbox }: SandboxContext): ThanksIoProvider {
	return sandbox.provider<ThanksIoProvider>('thanksio');
}

/** The node's Authentication option: the credential type's name. */
function chooseCredential(type: string) {
	return { authentication: type };
}

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
			],
			loadOptions: {
				getGiftCardAmounts: { parameters: { giftCardBrand: 'amazonus' } },
			},
		},
	],
};
