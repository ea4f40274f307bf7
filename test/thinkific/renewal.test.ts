import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { createUserPerItem, errorText, secretsIn, thinkificFixture } from './context';

/**
 * A token renewal the provider refuses, met by n8n-core's real OAuth2 refresh:
 * once the credential is known to need reconnecting (and no other worker saved a
 * new token meanwhile), the execution's other items fail at once with the same error.
 */

const t = thinkificFixture();

const getUser = { resource: 'user', operation: 'get', userId: '={{ $json.id }}' };

interface TokenData {
	access_token: string;
	refresh_token: string;
	[key: string]: unknown;
}

async function tokenData(): Promise<TokenData> {
	return (await t.store.stored(t.oauthCredential.id!)).oauthTokenData as TokenData;
}

beforeEach(() => {
	t.provider.rateLimit = { limit: 100_000, windowMs: 60_000 };
});

describe('a refused token renewal', () => {
	test('revoked refresh token, Continue On Fail, 200 reads: one token request, ended in seconds, every item carries the error', async () => {
		t.provider.seedUsers(5);
		t.provider.auth.revokeRefreshTokens();
		t.provider.auth.expireAccessTokens();
		const started = Date.now();
		const [items] = await t.run(getUser, {
			using: 'thinkificOAuth2Api',
			continueOnFail: true,
			items: Array.from({ length: 200 }, (_, i) => ({ id: (i % 5) + 1 })),
		});
		const elapsed = Date.now() - started;
		expect(t.tokenRequests()).toBe(1);
		// The refused request, and nothing after it: the other items were not sent.
		expect(t.apiCalls()).toHaveLength(1);
		expect(items).toHaveLength(200);
		expect(items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		for (const item of items) {
			expect(item.json.error).toMatch(
				/^Thinkific refused to renew the access token: the credential ".*" needs to be reconnected$/,
			);
			expect(item.json.description).toMatch(/Connect my account/);
		}
		// One look for a token saved by another worker (about 2.5 s), not one per item.
		expect(elapsed).toBeLessThan(8_000);
		expect(secretsIn(items, t.provider)).toEqual([]);
	});

	test('sends, one after the other: the first is refused before processing, the others are not sent', async () => {
		t.provider.auth.revokeRefreshTokens();
		t.provider.auth.expireAccessTokens();
		const started = Date.now();
		const [items] = await t.run(createUserPerItem, {
			using: 'thinkificOAuth2Api',
			continueOnFail: true,
			items: Array.from({ length: 20 }, (_, i) => ({ email: `user${i}@example.com` })),
		});
		expect(Date.now() - started).toBeLessThan(8_000);
		expect(t.tokenRequests()).toBe(1);
		expect(t.apiCalls()).toEqual(['POST /users']);
		expect(t.sandbox.count('thinkific', 'users created')).toBe(0);
		expect(items).toHaveLength(20);
		for (const item of items) expect(item.json.error).toMatch(/needs to be reconnected/);
	});

	test('without Continue On Fail, the node stops at the first item with the error', async () => {
		t.provider.seedUsers(2);
		t.provider.auth.revokeRefreshTokens();
		t.provider.auth.expireAccessTokens();
		const error = (await t
			.run(getUser, { using: 'thinkificOAuth2Api', items: [{ id: 1 }, { id: 2 }] })
			.catch((e: Error) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/needs to be reconnected/);
		expect(error.context.itemIndex).toBe(0);
		expect(t.tokenRequests()).toBe(1);
		expect(secretsIn(errorText(error), t.provider)).toEqual([]);
	});

	test('a race lost to another worker that saves its token is not a refusal: every item goes through', async () => {
		t.provider.seedUsers(5);
		const stale = await tokenData();
		t.provider.auth.loseNextRefresh((pair) => {
			void sleep(300).then(
				async () =>
					await t.store.patch(t.oauthCredential.id!, {
						oauthTokenData: { ...stale, ...pair } as never,
					}),
			);
		});
		t.provider.auth.expireAccessTokens();
		const [items] = await t.run(getUser, {
			using: 'thinkificOAuth2Api',
			continueOnFail: true,
			items: Array.from({ length: 20 }, (_, i) => ({ id: (i % 5) + 1 })),
		});
		expect(items.map((i) => i.json.error)).toEqual(items.map(() => undefined));
		expect(items.map((i) => i.json.id)).toEqual(items.map((_, i) => (i % 5) + 1));
		// Our refresh (refused: the other worker's came first) and nothing more.
		expect(t.tokenRequests()).toBe(1);
	});

	test('a Stop while looking for a token saved elsewhere ends the node at once, with nothing sent', async () => {
		t.provider.seedUsers(2);
		t.provider.auth.revokeRefreshTokens();
		t.provider.auth.expireAccessTokens();
		const controller = new AbortController();
		void sleep(800).then(() => controller.abort());
		const started = Date.now();
		const error = (await t
			.run(getUser, {
				using: 'thinkificOAuth2Api',
				continueOnFail: true,
				items: [{ id: 1 }, { id: 2 }],
				signal: controller.signal,
			})
			.catch((e: Error) => e)) as NodeOperationError;
		expect(Date.now() - started).toBeLessThan(1_300);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'The execution was stopped while the access token was being renewed: nothing was sent after the Stop',
		);
		expect(error.description).toMatch(
			/it was not sent again, so nothing was done\. Item 1 was not started\.$/,
		);
		expect(error.context.itemIndex).toBe(0);
		expect(t.apiCalls()).toHaveLength(1);
	});
});
