import type { ThroughLineProvider } from '../../test/sandbox';
import { THROUGHLINE_CLIENT } from '../../test/sandbox';
import type { ProviderSpec } from '../spec';
import { expect } from '../spec';

const SESSION = 'e2e-session-1';

/** ThroughLine: client credentials, no refresh token (a new token after expiry). */
export const throughLine: ProviderSpec = {
	name: 'throughline',
	credentials: [
		{
			type: 'throughLineOAuth2Api',
			name: 'ThroughLine (sandbox)',
			connect: 'clientCredentials',
			data: ({ url }) => ({
				clientId: THROUGHLINE_CLIENT.id,
				clientSecret: THROUGHLINE_CLIENT.secret,
				tokenUrl: `${url}/throughline/oauth/token`,
				apiBaseUrl: `${url}/throughline/v1`,
			}),
			broken: { clientSecret: 'not-the-secret' },
			tokenRequests: ({ sandbox }) => sandbox.count('throughline', 'POST /oauth/token'),
			tokenRoute: { provider: 'throughline', route: 'POST /oauth/token' },
			expireTokens: ({ sandbox }) =>
				sandbox.provider<ThroughLineProvider>('throughline').auth.expireAccessTokens(),
			secrets: () => [THROUGHLINE_CLIENT.secret],
		},
	],
	nodes: [
		{
			type: 'throughLine',
			version: 1.1,
			credentials: [{ type: 'throughLineOAuth2Api' }],
			workflows: [
				{
					name: 'Search helplines',
					kind: 'read',
					parameters: {
						resource: 'helpline',
						operation: 'search',
						countryCode: 'NZ',
						topic: 'anxiety',
						maxHelplines: 5,
					},
					check(items) {
						expect(
							items.length > 0 && items.length <= 5,
							`expected 1–5 helplines, got ${items.length}`,
						);
						for (const item of items) {
							const country = item.country as { code?: string } | undefined;
							expect(country?.code === 'NZ', `a helpline of ${JSON.stringify(item.country)}`);
							expect(
								(item.topics as string[]).includes('Anxiety'),
								`a helpline without the topic: ${JSON.stringify(item.topics)}`,
							);
						}
					},
				},
				{
					name: 'Record a helpline display',
					kind: 'write',
					parameters: {
						resource: 'event',
						operation: 'recordDisplay',
						helplineId: 'nz-2',
						sessionId: SESSION,
					},
					check(items, { sandbox }) {
						expect(items.length === 1, `expected one item, got ${items.length}`);
						const events = sandbox.provider<ThroughLineProvider>('throughline').events;
						expect(
							events.some(
								(e) =>
									e.kind === 'helpline_display' &&
									e.helpline_id === 'nz-2' &&
									e.session_id === SESSION,
							),
							'the sandbox recorded no such display event',
						);
					},
				},
			],
			loadOptions: {
				getCountries: { atLeast: 5 },
				getTopics: { atLeast: 6 },
			},
		},
	],
};
