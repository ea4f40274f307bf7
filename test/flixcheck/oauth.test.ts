import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { N8N_CALLBACK_URL, testCredential } from '../harness';
import { FLIXCHECK_CLIENT, FLIXCHECK_USERS } from '../sandbox/flixcheck';
import { randomToken } from '../sandbox/server';
import { errorText, flixcheckFixture } from './context';

const t = flixcheckFixture();

const sendSms = {
	resource: 'check',
	operation: 'send',
	sendBy: 'sms',
	mobile: '+491701234567',
	addressing: 'personal',
	gender: 'female',
	firstname: 'Erika',
	lastname: 'Mustermann',
	subject: 'Schadenmeldung',
	elements: '[]',
};

describe('Flixcheck OAuth2 credential (n8n-core OAuth2 code against the sandbox)', () => {
	test('connect: the consent URL carries clientId/redirectUri in camelCase and the usual parameters', async () => {
		const credential = await t.addOAuth2();
		const result = await t.connect(credential);
		const url = new URL(result.authorizationUrl);
		expect(`${url.origin}${url.pathname}`).toBe(
			`${t.sandbox.url}/flixcheck/portal/oauth/authorize`,
		);
		expect(url.searchParams.get('clientId')).toBe(FLIXCHECK_CLIENT.id);
		expect(url.searchParams.get('client_id')).toBe(FLIXCHECK_CLIENT.id);
		expect(url.searchParams.get('redirectUri')).toBe(N8N_CALLBACK_URL);
		expect(url.searchParams.get('redirect_uri')).toBe(N8N_CALLBACK_URL);
		expect(url.searchParams.get('response_type')).toBe('code');
		expect(url.searchParams.get('scope')).toBe('readwrite');
		expect(url.searchParams.get('state')).toBeTruthy();
		expect(url.searchParams.has('client_secret')).toBe(false);
		// The code exchange: client id and secret in the body, never in a Basic header.
		const exchange = t.sandbox.log.find((r) => r.path === '/guest/v7/oauth-tokens')!;
		expect(exchange.headers.authorization).toBeUndefined();
		const form = new URLSearchParams(exchange.body);
		expect(form.get('grant_type')).toBe('authorization_code');
		expect(form.get('client_id')).toBe(FLIXCHECK_CLIENT.id);
		expect(form.get('client_secret')).toBe(FLIXCHECK_CLIENT.secret);
		const stored = (await t.store.stored(credential.id!)).oauthTokenData as Record<string, string>;
		expect(stored.access_token.split('.')).toHaveLength(3);
		expect(stored.refresh_token).toMatch(/^fc_rt_/);
		expect(t.store.encrypted(credential.id!)).not.toContain(FLIXCHECK_CLIENT.secret);
	});

	test('a redirect URL field that is not the registered one is refused by the consent page', async () => {
		const credential = await t.addOAuth2({ redirectUrl: 'http://127.0.0.1:9999/elsewhere' });
		await expect(t.connect(credential)).rejects.toThrow(/redirect_uri differs from redirectUri/);
	});

	test('a token endpoint that takes only JSON cannot be connected through n8n, and says why', async () => {
		t.provider.acceptFormBodies = false;
		const credential = await t.addOAuth2();
		const error = await t.connect(credential).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		// n8n's OAuth2 client reports the invalid_request answer in the standard words.
		expect((error as Error).message).toMatch(/malformed/);
		expect(errorText(error)).not.toContain(FLIXCHECK_CLIENT.secret);
		expect(t.count('token requests as form')).toBe(0);
		expect((await t.store.stored(credential.id!)).oauthTokenData).toBeUndefined();
		// The API-key credential does not depend on the token endpoint and still works.
		const [items] = await t.run(sendSms, { authentication: 'flixcheckApi' });
		expect(items[0].json.id).toBeTruthy();
	});

	test('one JWT serves every item of an execution', async () => {
		const items = Array.from({ length: 25 }, (_, i) => ({ n: i }));
		const [out] = await t.run({ ...sendSms, subject: '={{ "Claim " + $json.n }}' }, { items });
		expect(out).toHaveLength(25);
		expect(out[24].pairedItem).toEqual({ item: 24 });
		expect(t.count('token requests')).toBe(0);
		expect(t.count('checks sent')).toBe(25);
	});

	test('after the JWT expires, n8n refreshes once, retries the request once, and it succeeds', async () => {
		const before = (await t.store.stored(t.oauth.id!)).oauthTokenData as Record<string, string>;
		t.provider.expireJwts();
		const [items] = await t.run({ ...sendSms }, { items: [{}, {}, {}] });
		expect(items).toHaveLength(3);
		expect(t.count('refreshes')).toBe(1);
		expect(t.count('token requests')).toBe(1);
		// The first send was refused with 401 (not sent), then repeated once with the new JWT.
		expect(t.count('POST /api/v1/portal/check')).toBe(4);
		expect(t.count('checks sent')).toBe(3);
		const refresh = t.sandbox.log.find((r) => r.path === '/guest/v7/oauth-tokens')!;
		const form = new URLSearchParams(refresh.body);
		expect(form.get('grant_type')).toBe('refresh_token');
		expect(form.get('refresh_token')).toBe(before.refresh_token);
		expect(form.get('client_id')).toBe(FLIXCHECK_CLIENT.id);
		expect(form.get('client_secret')).toBe(FLIXCHECK_CLIENT.secret);
		const after = (await t.store.stored(t.oauth.id!)).oauthTokenData as Record<string, string>;
		expect(after.access_token).not.toBe(before.access_token);
		// Flixcheck's refresh token rotates here: the new one is stored and the old one is spent.
		expect(after.refresh_token).not.toBe(before.refresh_token);
		expect(t.provider.auth.validRefreshTokens()).toEqual([after.refresh_token]);
	});

	test('a refresh token that is no longer valid asks for a reconnect, without secrets', async () => {
		const data = (await t.store.stored(t.oauth.id!)).oauthTokenData as Record<string, string>;
		await t.store.patch(t.oauth.id!, {
			oauthTokenData: { ...data, refresh_token: 'fc_rt_revoked' },
		});
		t.provider.expireJwts();
		const error = await t.run(sendSms).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/needs to be reconnected/);
		expect(errorText(error)).not.toContain(FLIXCHECK_CLIENT.secret);
		expect(errorText(error)).not.toContain(data.access_token);
		expect(t.count('checks sent')).toBe(0);
	});

	test('an insecure portal or API URL is refused before anything is sent', async () => {
		for (const data of [
			{ apiBaseUrl: 'http://api.flixcheck.example' },
			{ v1BaseUrl: 'http://www.flixcheck.example' },
			{ portalUrl: 'http://app.flixcheck.example/portal' },
		]) {
			const credential = await t.addOAuth2(data);
			const error = await t.run(sendSms, { credential }).catch((e: Error) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toMatch(
				/"(API Base URL|V1 API Base URL|Portal URL)" must be an https:\/\/ URL/,
			);
		}
		// The consent URL itself is refused by the credential's own expression.
		const credential = await t.addOAuth2({ portalUrl: 'http://app.flixcheck.example/portal' });
		let consentUrl = '';
		await expect(
			t.connect(credential, {
				authorize: async (url) => {
					consentUrl = url;
					throw new Error('the browser cannot open it');
				},
			}),
		).rejects.toThrow();
		expect(consentUrl).toMatch(/^https-required:/);
		expect(t.sandbox.log).toHaveLength(0);
	});
});

describe('Flixcheck API-key credential', () => {
	test('sends the user ID and key, and no admin header when no user is impersonated', async () => {
		await t
			.run(
				{ resource: 'check', operation: 'get', checkId: 'nope' },
				{ authentication: 'flixcheckApi' },
			)
			.catch(() => undefined);
		const request = t.sandbox.log.at(-1)!;
		expect(request.headers['x-flixcheck-userid']).toBe(FLIXCHECK_USERS.agent.id);
		expect(request.headers['x-flixcheck-apikey']).toBe(FLIXCHECK_USERS.agent.apiKey);
		expect(request.headers).not.toHaveProperty('x-flixcheck-adminuserid');
		expect(request.headers.authorization).toBeUndefined();
	});

	test('impersonation sends the admin as X-Flixcheck-AdminUserId and acts as the other user', async () => {
		const credential = await t.addApiKey({
			userId: FLIXCHECK_USERS.admin.id,
			apiKey: FLIXCHECK_USERS.admin.apiKey,
			impersonateUserId: FLIXCHECK_USERS.agent.id,
		});
		const [items] = await t.run(sendSms, { authentication: 'flixcheckApi', credential });
		const request = t.sandbox.log.at(-1)!;
		expect(request.headers['x-flixcheck-adminuserid']).toBe(FLIXCHECK_USERS.admin.id);
		expect(request.headers['x-flixcheck-userid']).toBe(FLIXCHECK_USERS.agent.id);
		expect(request.headers['x-flixcheck-apikey']).toBe(FLIXCHECK_USERS.admin.apiKey);
		expect(t.provider.checks.get(String(items[0].json.id))!.createdBy).toBe(
			FLIXCHECK_USERS.agent.id,
		);
	});

	test('the Test button checks the key, and explains a refused impersonation', async () => {
		expect(await testCredential(t.store, 'flixcheckApi', t.apiKey)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		// The test reads the user on the v1 host.
		expect(t.sandbox.log.at(-1)).toMatchObject({
			mount: 'flixcheck-www',
			path: `/api/v1/portal/user/${FLIXCHECK_USERS.agent.id}`,
		});
		const dotted = await t.addApiKey({ userId: '..' });
		const before = t.sandbox.log.length;
		expect((await testCredential(t.store, 'flixcheckApi', dotted)).status).toBe('Error');
		expect(t.sandbox.log.length).toBe(before);
		const wrong = await t.addApiKey({ apiKey: 'not-the-key' });
		const result = await testCredential(t.store, 'flixcheckApi', wrong);
		expect(result).toEqual({ status: 'Error', message: 'The user ID or the API key is wrong' });
		const notAdmin = await t.addApiKey({ impersonateUserId: FLIXCHECK_USERS.admin.id });
		expect((await testCredential(t.store, 'flixcheckApi', notAdmin)).message).toMatch(
			/may not act/,
		);
		const otherTeam = await t.addApiKey({
			userId: FLIXCHECK_USERS.admin.id,
			apiKey: FLIXCHECK_USERS.admin.apiKey,
			impersonateUserId: FLIXCHECK_USERS.outsider.id,
		});
		expect((await testCredential(t.store, 'flixcheckApi', otherTeam)).status).toBe('Error');
	});

	test("a wrong key fails the item with Flixcheck's answer and never shows the key", async () => {
		const wrongKey = randomToken('fc_key_wrong');
		const credential = await t.addApiKey({ apiKey: wrongKey });
		const error = await t
			.run(sendSms, { authentication: 'flixcheckApi', credential })
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe('Flixcheck answered 401: Invalid API key');
		expect(errorText(error)).not.toContain(wrongKey);
	});
});
