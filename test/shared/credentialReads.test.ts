import { thinkificFixture } from '../thinkific/context';
import { throughLineFixture } from '../throughline/context';

/**
 * n8n's OAuth2 code reads the credential for every request: from its database,
 * decrypted, with defaults applied and its expressions evaluated. The nodes hand it
 * the credential the execution already read, for up to a second, so one execution
 * reads it about once a second however many requests it makes, and a token fetched
 * or renewed meanwhile still serves the later requests.
 */

/** Runs `run`; the reads it may make: one, and one more for each second it took. */
async function timed<T>(run: () => Promise<T>): Promise<{ result: T; allowedReads: number }> {
	const started = Date.now();
	const result = await run();
	return { result, allowedReads: 1 + Math.floor((Date.now() - started) / 1000) };
}

describe('an OAuth2 credential is read once a second at most, not once per request', () => {
	describe('ThroughLine (client credentials)', () => {
		const t = throughLineFixture();

		test('200 lookups read the stored credential once (a second), and fetch one token', async () => {
			t.provider.rateLimit = { limit: 100_000, windowMs: 1000 };
			const items = Array.from({ length: 200 }, (_, i) => ({ id: `us-${(i % 13) + 1}` }));
			const { result, allowedReads } = await timed(
				async () =>
					await t.run(
						{ resource: 'helpline', operation: 'get', helplineId: '={{ $json.id }}' },
						{ items },
					),
			);
			const [out] = result;
			expect(out).toHaveLength(200);
			expect(out[199].json.id).toBe(`us-${(199 % 13) + 1}`);
			expect(t.store.reads.get(t.credential.id!)).toBeLessThanOrEqual(allowedReads);
			expect(t.sandbox.count('throughline', 'token requests')).toBe(1);
		});

		test('a token renewed during the execution serves the later items, with no read per request', async () => {
			t.provider.rateLimit = { limit: 100_000, windowMs: 1000 };
			await t.run({ resource: 'helpline', operation: 'get', helplineId: 'us-1' });
			t.provider.auth.expireAccessTokens();
			t.store.reads.clear();
			const items = Array.from({ length: 30 }, () => ({}));
			const { result, allowedReads } = await timed(
				async () =>
					await t.run({ resource: 'helpline', operation: 'get', helplineId: 'us-2' }, { items }),
			);
			const [out] = result;
			expect(out).toHaveLength(30);
			expect(t.sandbox.count('throughline', 'token requests')).toBe(2);
			// The expired token was refused once; every later request used the new one.
			expect(t.sandbox.count('throughline', 'GET /v1/helplines/us-2')).toBe(31);
			// The renewal itself reads it three times (the stored token compared, n8n's
			// refresh, the next request's fresh read); the 30 items add none.
			expect(t.store.reads.get(t.credential.id!)).toBeLessThanOrEqual(allowedReads + 3);
		});
	});

	describe('Thinkific (authorization code)', () => {
		const t = thinkificFixture();

		test('Get Many over several pages reads the stored credential once (a second)', async () => {
			t.provider.seedUsers(2000);
			t.store.reads.clear();
			const { result, allowedReads } = await timed(
				async () =>
					await t.run(
						{ resource: 'user', operation: 'getAll', returnAll: true },
						{ using: 'thinkificOAuth2Api' },
					),
			);
			const [out] = result;
			expect(out.length).toBeGreaterThanOrEqual(2000);
			expect(t.apiCalls().filter((call) => call.startsWith('GET /users?'))).toHaveLength(8);
			expect(t.store.reads.get(t.oauthCredential.id!)).toBeLessThanOrEqual(allowedReads);
		});
	});
});
