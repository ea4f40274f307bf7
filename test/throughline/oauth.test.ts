import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { testCredential } from '../harness';
import { THROUGHLINE_CLIENT } from '../sandbox';
import { randomToken } from '../sandbox/server';
import { throughLineFixture } from './context';

const t = throughLineFixture();

const getHelpline = { resource: 'helpline', operation: 'get', helplineId: 'us-1' };

describe('ThroughLine credential and token handling (n8n-core OAuth2)', () => {
	test('the first call fetches a token with the secret in the form body and stores it', async () => {
		expect((await t.store.stored(t.credential.id!)).oauthTokenData).toBeUndefined();
		const [items] = await t.run(getHelpline);
		expect(items[0].json.id).toBe('us-1');
		expect(t.sandbox.count('throughline', 'token requests')).toBe(1);
		const tokenRequest = t.sandbox.log.find((r) => r.path === '/oauth/token')!;
		expect(tokenRequest.headers.authorization).toBeUndefined();
		expect(new URLSearchParams(tokenRequest.body).get('client_secret')).toBe(
			THROUGHLINE_CLIENT.secret,
		);
		const stored = await t.store.stored(t.credential.id!);
		expect((stored.oauthTokenData as { access_token: string }).access_token).toMatch(/^tl_at_/);
		// n8n keeps credentials encrypted: neither the secret nor the token is stored in clear.
		expect(t.store.encrypted(t.credential.id!)).not.toContain(THROUGHLINE_CLIENT.secret);
	});

	test('1,000 lookups in one execution make exactly one token request', async () => {
		// A contract without ThroughLine's usual 30 calls a second.
		t.provider.rateLimit = { limit: 100_000, windowMs: 1000 };
		t.credential = await t.addCredential({ requestsPerSecond: 100_000 });
		const items = Array.from({ length: 1000 }, (_, i) => ({ id: `us-${(i % 13) + 1}` }));
		const [out] = await t.run(
			{ resource: 'helpline', operation: 'get', helplineId: '={{ $json.id }}' },
			{ items },
		);
		expect(out).toHaveLength(1000);
		expect(out[999].json.id).toBe('us-12');
		expect(out[999].pairedItem).toEqual({ item: 999 });
		expect(t.sandbox.count('throughline', 'GET /v1/helplines/us-1')).toBe(77);
		expect(t.sandbox.count('throughline', 'token requests')).toBe(1);
	});

	test('an expired token leads to exactly one new token request and the item succeeds', async () => {
		await t.run(getHelpline);
		const first = (await t.store.stored(t.credential.id!)).oauthTokenData as {
			access_token: string;
		};
		t.provider.auth.expireAccessTokens();
		const [items] = await t.run({ ...getHelpline, helplineId: 'nz-2' });
		expect(items[0].json.id).toBe('nz-2');
		expect(t.sandbox.count('throughline', 'token requests')).toBe(2);
		expect(t.sandbox.count('throughline', 'GET /v1/helplines/nz-2')).toBe(2);
		const second = (await t.store.stored(t.credential.id!)).oauthTokenData as {
			access_token: string;
		};
		expect(second.access_token).not.toBe(first.access_token);
	});

	test('a token that expires in the middle of an execution is renewed once for all later items', async () => {
		t.provider.auth.lifetimeSeconds = 7200;
		await t.run(getHelpline);
		t.provider.auth.expireAccessTokens();
		const items = Array.from({ length: 20 }, () => ({}));
		const [out] = await t.run(getHelpline, { items });
		expect(out).toHaveLength(20);
		expect(t.sandbox.count('throughline', 'token requests')).toBe(2);
	});

	test('a wrong client secret gives a clear error that contains no secret', async () => {
		const wrongSecret = randomToken('wrong');
		const credential = await t.addCredential({ clientSecret: wrongSecret });
		const error = await t.run(getHelpline, { credential }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/ThroughLine did not issue an access token/);
		expect((error as Error).message).toMatch(/[Cc]lient authentication failed|invalid_client/);
		const everything = JSON.stringify({
			...(error as object),
			message: (error as Error).message,
			stack: (error as Error).stack,
		});
		expect(everything).not.toContain(wrongSecret);
		expect(everything).not.toContain(THROUGHLINE_CLIENT.secret);
		expect(t.sandbox.count('throughline', 'GET /v1/helplines/us-1')).toBe(0);
	});

	test('the token endpoint being down is reported, not retried endlessly', async () => {
		t.sandbox.inject({
			provider: 'throughline',
			route: 'POST /oauth/token',
			kind: 'status',
			status: 503,
		});
		const error = await t.run(getHelpline).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/ThroughLine did not issue an access token/);
		expect(t.sandbox.count('throughline', 'POST /oauth/token')).toBe(1);
		expect(t.sandbox.count('throughline', 'GET /v1/helplines/us-1')).toBe(0);
		expect(
			JSON.stringify({ ...(error as object), message: (error as Error).message }),
		).not.toContain(THROUGHLINE_CLIENT.secret);
	});

	test('the Test button fetches a token and calls the API', async () => {
		expect(await testCredential(t.store, 'throughLineOAuth2Api', t.credential)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(t.sandbox.count('throughline', 'GET /v1/countries')).toBe(1);
		const credential = await t.addCredential({ clientSecret: 'not-the-secret' });
		const result = await testCredential(t.store, 'throughLineOAuth2Api', credential);
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('not-the-secret');
	});

	test('an insecure token or API URL is refused before anything is sent', async () => {
		for (const data of [
			{ tokenUrl: 'http://token.example.com/oauth/token' },
			{ apiBaseUrl: 'http://api.example.com/v1' },
			{ tokenUrl: 'https://user:pass@token.example.com/oauth/token' },
		]) {
			const credential = await t.addCredential(data);
			const error = await t.run(getHelpline, { credential }).catch((e: Error) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toMatch(
				/"(Token URL|API Base URL)" must be an https:\/\/ URL/,
			);
		}
		// The Test button does not use the node: the credential's own expression refuses the URL.
		const credential = await t.addCredential({ tokenUrl: 'http://token.example.com/oauth/token' });
		const result = await testCredential(t.store, 'throughLineOAuth2Api', credential);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/https-required/);
		expect(t.sandbox.log).toHaveLength(0);
	});

	test('plain http is accepted for loopback hosts (the sandbox itself)', async () => {
		expect(t.sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
		const [items] = await t.run({ resource: 'topic', operation: 'getAll' });
		expect(items.map((i) => i.json.code)).toContain('anxiety');
	});
});
