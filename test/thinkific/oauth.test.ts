import type { INode, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, Workflow, sleep } from 'n8n-workflow';

import { ThinkificApi } from '../../credentials/ThinkificApi.credentials';

import { normalizeSubdomain } from '../../nodes/Thinkific/transport/site';
import { N8N_CALLBACK_URL, testCredential } from '../harness';
import { THINKIFIC_API_KEY, THINKIFIC_CLIENT, THINKIFIC_SUBDOMAIN } from '../sandbox/thinkific';
import { errorText, secretsIn, thinkificFixture } from './context';

const t = thinkificFixture();

const getUser = { resource: 'user', operation: 'get', userId: '1' };

interface TokenData {
	access_token: string;
	refresh_token: string;
	[key: string]: unknown;
}

async function resolved(id: string) {
	const type = 'thinkificOAuth2Api';
	return t.store.applyDefaults(
		{} as IWorkflowExecuteAdditionalData,
		await t.store.stored(id),
		type,
		'internal',
	);
}

async function tokenData(): Promise<TokenData> {
	return (await t.store.stored(t.oauthCredential.id!)).oauthTokenData as TokenData;
}

async function postToken(form: Record<string, string>, authorization?: string) {
	const response = await fetch(`${t.siteUrl}/oauth2/token`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			...(authorization ? { authorization } : {}),
		},
		body: new URLSearchParams(form).toString(),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const basic = `Basic ${Buffer.from(`${THINKIFIC_CLIENT.id}:${THINKIFIC_CLIENT.secret}`).toString('base64')}`;

const BAD_SUBDOMAINS = [
	'evil.example/#',
	'evil.example',
	'acme.thinkific.com.evil.example',
	'acme.evil.example/x.thinkific.com',
	'acme@evil.example',
	'acme/../evil',
	'https://evil.example/',
	'acme.thinkific.com#',
	'acme:443',
	'-acme',
	'acme_school',
	'a'.repeat(64),
	' ',
	'',
];

describe('Thinkific OAuth2 credential', () => {
	test.each(['acme', 'ACME', 'acme.thinkific.com', 'https://acme.thinkific.com/', ' acme '])(
		'the subdomain %j gives the site URLs of acme.thinkific.com',
		async (subdomain) => {
			const credential = await t.addOAuthCredential({ subdomain, siteUrl: '' });
			const data = await resolved(credential.id!);
			expect(data.authUrl).toBe('https://acme.thinkific.com/oauth2/authorize');
			expect(data.accessTokenUrl).toBe('https://acme.thinkific.com/oauth2/token');
			expect(normalizeSubdomain(subdomain)).toBe('acme');
		},
	);

	test.each(BAD_SUBDOMAINS)('the subdomain %j never becomes a URL', async (subdomain) => {
		for (const siteUrl of ['', 'https://proxy.example.com']) {
			const credential = await t.addOAuthCredential({ subdomain, siteUrl });
			const data = await resolved(credential.id!);
			expect(data.authUrl).toBe('https-required:');
			expect(data.accessTokenUrl).toBe('https-required:');
		}
		expect(normalizeSubdomain(subdomain)).toBeUndefined();
	});

	test('a Site URL override must be https (or http on loopback)', async () => {
		for (const siteUrl of ['http://proxy.example.com', 'https://user:pw@proxy.example.com']) {
			const credential = await t.addOAuthCredential({ siteUrl });
			expect((await resolved(credential.id!)).accessTokenUrl).toBe('https-required:');
			const error = await t
				.run(getUser, { using: 'thinkificOAuth2Api', credential })
				.catch((e: Error) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toMatch(/"Site URL" must be an https:\/\/ URL/);
		}
		expect((await resolved(t.oauthCredential.id!)).accessTokenUrl).toBe(
			`${t.siteUrl}/oauth2/token`,
		);
		expect(t.requests()).toHaveLength(0);
	});

	test('connecting uses the authorize page and a token request with Basic client authentication', async () => {
		t.sandbox.reset();
		const credential = await t.addOAuthCredential();
		const result = await t.connect(credential);
		const authorize = new URL(result.authorizationUrl);
		expect(`${authorize.origin}${authorize.pathname}`).toBe(`${t.siteUrl}/oauth2/authorize`);
		expect(authorize.searchParams.get('client_id')).toBe(THINKIFIC_CLIENT.id);
		expect(authorize.searchParams.get('redirect_uri')).toBe(N8N_CALLBACK_URL);
		expect(authorize.searchParams.get('response_type')).toBe('code');
		expect(authorize.searchParams.get('state')).toBeTruthy();
		expect(result.authorizationUrl).not.toContain(THINKIFIC_CLIENT.secret);

		const tokenRequest = t.sandbox.log.find((r) => r.path === '/oauth2/token')!;
		expect(tokenRequest.headers.authorization).toBe(basic);
		const form = new URLSearchParams(tokenRequest.body);
		expect(form.get('grant_type')).toBe('authorization_code');
		expect(form.get('client_secret')).toBeNull();
		expect(t.sandbox.count('thinkific', 'codes redeemed')).toBe(1);

		const stored = await t.store.stored(credential.id!);
		const token = stored.oauthTokenData as TokenData;
		expect(token.access_token).toMatch(/^tk_at_/);
		expect(token.refresh_token).toMatch(/^tk_rt_/);
		expect(token.gid).toBe('site-gid-0001');
		expect(token.callbackQueryString).toEqual({ subdomain: THINKIFIC_SUBDOMAIN });
		expect(t.store.encrypted(credential.id!)).not.toContain(THINKIFIC_CLIENT.secret);
		expect(t.store.encrypted(credential.id!)).not.toContain(token.refresh_token);
	});

	test('the sandbox token endpoint plays Thinkific strictly', async () => {
		// Client credentials in the body instead of the Basic header are refused.
		const inBody = await postToken({
			grant_type: 'refresh_token',
			refresh_token: (await tokenData()).refresh_token,
			client_id: THINKIFIC_CLIENT.id,
			client_secret: THINKIFIC_CLIENT.secret,
		});
		expect(inBody).toEqual({
			status: 401,
			body: expect.objectContaining({ error: 'invalid_client' }),
		});
		// The documented grant name "code" is accepted for the code exchange.
		const code = t.provider.auth.issueCode(THINKIFIC_CLIENT.id);
		const exchanged = await postToken({ grant_type: 'code', code }, basic);
		expect(exchanged.status).toBe(200);
		expect(exchanged.body).toMatchObject({ token_type: 'bearer', gid: 'site-gid-0001' });
	});

	test('one connected token serves every request of an execution', async () => {
		t.provider.rateLimit = { limit: 10_000, windowMs: 60_000 };
		t.provider.seedUsers(5);
		const items = Array.from({ length: 200 }, (_, i) => ({ id: (i % 5) + 1 }));
		const [out] = await t.run(
			{ ...getUser, userId: '={{ $json.id }}' },
			{ using: 'thinkificOAuth2Api', items },
		);
		expect(out).toHaveLength(200);
		expect(out[199].json.id).toBe(5);
		expect(out[199].pairedItem).toEqual({ item: 199 });
		expect(t.tokenRequests()).toBe(0);
		const bearer = t.requests()[0].headers.authorization;
		expect(bearer).toBe(`Bearer ${(await tokenData()).access_token}`);
		expect(t.requests().every((r) => r.headers.authorization === bearer)).toBe(true);
		expect(t.requests().every((r) => r.headers['x-auth-api-key'] === undefined)).toBe(true);
	});

	test('after expiry n8n refreshes once, stores the rotated refresh token, and the next execution uses it', async () => {
		t.provider.seedUsers(1);
		const first = await tokenData();

		t.provider.auth.expireAccessTokens();
		const [items] = await t.run(getUser, { using: 'thinkificOAuth2Api' });
		expect(items[0].json.id).toBe(1);
		expect(t.tokenRequests()).toBe(1);
		expect(t.apiCalls()).toEqual(['GET /users/1', 'GET /users/1']);
		const refresh = t.requests().find((r) => r.path === '/oauth2/token')!;
		expect(refresh.headers.authorization).toBe(basic);
		expect(new URLSearchParams(refresh.body).get('refresh_token')).toBe(first.refresh_token);
		expect(new URLSearchParams(refresh.body).get('client_secret')).toBeNull();

		const second = await tokenData();
		expect(second.refresh_token).not.toBe(first.refresh_token);
		expect(second.access_token).not.toBe(first.access_token);
		expect(second.callbackQueryString).toEqual({ subdomain: THINKIFIC_SUBDOMAIN });

		// The old refresh token no longer works.
		const replay = await postToken(
			{ grant_type: 'refresh_token', refresh_token: first.refresh_token },
			basic,
		);
		expect(replay).toEqual({
			status: 400,
			body: expect.objectContaining({ error: 'invalid_grant' }),
		});

		// The next execution refreshes with the stored (rotated) refresh token, which works.
		t.provider.auth.expireAccessTokens();
		const [again] = await t.run(getUser, { using: 'thinkificOAuth2Api' });
		expect(again[0].json.id).toBe(1);
		const refreshes = t.requests().filter((r) => r.path === '/oauth2/token');
		expect(refreshes).toHaveLength(3);
		expect(new URLSearchParams(refreshes[2].body).get('refresh_token')).toBe(second.refresh_token);
		expect(t.sandbox.count('thinkific', 'refreshes')).toBe(2);
		expect((await tokenData()).refresh_token).not.toBe(second.refresh_token);
	});

	test('a refresh race lost to another worker: its saved token is used, and the user is created once', async () => {
		const stale = await tokenData();
		let won: TokenData | undefined;
		// Another worker refreshes with the same refresh token first and saves its new pair
		// a moment later, as n8n 1.x workers do without coordinating.
		t.provider.auth.loseNextRefresh((pair) => {
			won = pair as TokenData;
			void sleep(300).then(
				async () =>
					await t.store.patch(t.oauthCredential.id!, {
						oauthTokenData: { ...stale, ...pair } as never,
					}),
			);
		});
		t.provider.auth.expireAccessTokens();
		const [items] = await t.run(
			{
				resource: 'user',
				operation: 'create',
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@example.com',
			},
			{ using: 'thinkificOAuth2Api' },
		);
		expect(items[0].json).toMatchObject({ email: 'ada@example.com' });
		// Refused once with the expired token (not processed), then sent with the winner's token.
		expect(t.sandbox.count('thinkific', 'POST /api/public/v1/users')).toBe(2);
		expect(t.sandbox.count('thinkific', 'users created')).toBe(1);
		const posts = t
			.requests()
			.filter((r) => r.method === 'POST' && r.path === '/api/public/v1/users');
		expect(posts[1].headers.authorization).toBe(`Bearer ${won!.access_token}`);
		// The winner's rotated refresh token is the one stored, and it works.
		expect((await tokenData()).refresh_token).toBe(won!.refresh_token);
		t.provider.auth.expireAccessTokens();
		const [again] = await t.run(getUser, { using: 'thinkificOAuth2Api' });
		expect(again[0].json.id).toBe(1);
	});

	test('a refresh token that no longer works asks for the credential to be reconnected', async () => {
		t.provider.seedUsers(1);
		const stale = await tokenData();
		// Another copy of the credential used the refresh token first.
		await postToken({ grant_type: 'refresh_token', refresh_token: stale.refresh_token }, basic);
		t.provider.auth.expireAccessTokens();
		const error = await t.run(getUser, { using: 'thinkificOAuth2Api' }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/needs to be reconnected/);
		expect(secretsIn(errorText(error), t.provider)).toEqual([]);
		expect(errorText(error)).not.toContain(stale.refresh_token);
	});

	test.each(BAD_SUBDOMAINS.slice(0, 6))(
		'the node refuses the subdomain %j before any request, with either credential',
		async (subdomain) => {
			const oauth = await t.addOAuthCredential({ subdomain });
			const apiKey = await t.addApiKeyCredential({ subdomain });
			for (const [auth, credential] of [
				['thinkificOAuth2Api', oauth],
				['thinkificApi', apiKey],
			] as const) {
				const error = await t.run(getUser, { using: auth, credential }).catch((e: Error) => e);
				expect(error).toBeInstanceOf(NodeOperationError);
				expect((error as Error).message).toContain(`The credential's "Subdomain"`);
				expect((error as Error).message).toContain('is not a Thinkific site subdomain');
				expect((error as Error).message).toContain('Nothing was sent');
			}
			expect(t.requests()).toHaveLength(0);
		},
	);
});

describe('Thinkific API key credential', () => {
	test('requests carry the API key and the subdomain label as headers', async () => {
		t.provider.seedUsers(1);
		const credential = await t.addApiKeyCredential({ subdomain: 'https://acme.thinkific.com/' });
		const [items] = await t.run(getUser, { credential });
		expect(items[0].json.email).toBe('user1@example.com');
		const [request] = t.requests();
		expect(request.headers['x-auth-api-key']).toBe(THINKIFIC_API_KEY);
		expect(request.headers['x-auth-subdomain']).toBe('acme');
		expect(request.headers.authorization).toBeUndefined();
	});

	test('a wrong key is reported as Thinkific said it, once, without the key', async () => {
		const refusedValue = 'tk_key_wrong_0123456789';
		const credential = await t.addApiKeyCredential({ apiKey: refusedValue });
		const error = await t.run(getUser, { credential }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe('Thinkific answered 401: Authentication Error');
		// The answer comes back as it is: n8n does not repeat it (it would after a 401 it saw).
		expect(t.apiCalls()).toEqual(['GET /users/1']);
		expect(errorText(error)).not.toContain(refusedValue);
		expect(errorText(error)).not.toContain(THINKIFIC_API_KEY);
	});

	test('the Test button calls the API with the key', async () => {
		expect(await testCredential(t.store, 'thinkificApi', t.apiKeyCredential)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(t.apiCalls()).toEqual(['GET /users?limit=1']);

		const wrong = await t.addApiKeyCredential({ apiKey: 'not-the-key' });
		const result = await testCredential(t.store, 'thinkificApi', wrong);
		expect(result).toEqual({
			status: 'Error',
			message: 'Thinkific refused the API key and subdomain (or the plan has no API access)',
		});
	});

	test('the Test button sends nothing for a bad subdomain or an insecure API URL', async () => {
		const credentialType = new ThinkificApi();
		const node = {
			id: 'n',
			name: 'n',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		} as INode;
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => ({ description: { properties: [] } }),
				getByNameAndVersion: () => ({ description: { properties: [] } }),
				getKnownTypes: () => ({}),
			} as never,
		});
		const resolve = (expression: unknown, credentials: object) =>
			workflow.expression.getSimpleParameterValue(
				node,
				expression as string,
				'internal',
				{ $credentials: credentials } as never,
				undefined,
				'',
			);
		const subdomainHeader = async (subdomain: string) =>
			(
				(await credentialType.authenticate({ apiKey: 'k', subdomain }, { url: '/users' }))
					.headers as Record<string, string>
			)['X-Auth-Subdomain'];
		for (const data of [
			{ subdomain: 'evil.example/#' },
			{ apiBaseUrl: 'http://api.example.com/api/public/v1' },
		]) {
			const values = {
				subdomain: 'acme',
				apiBaseUrl: 'https://api.thinkific.com/api/public/v1',
				...data,
			};
			expect(resolve(credentialType.test.request.baseURL, values)).toBe('https-required:');
			const credential = await t.addApiKeyCredential(data);
			const result = await testCredential(t.store, 'thinkificApi', credential);
			expect(result.status).toBe('Error');
		}
		expect(await subdomainHeader('evil.example/#')).toBe('');
		expect(await subdomainHeader('https://acme.thinkific.com/')).toBe('acme');
		expect(
			resolve(credentialType.test.request.baseURL, {
				subdomain: 'acme.thinkific.com',
				apiBaseUrl: 'https://api.thinkific.com/api/public/v1/',
			}),
		).toBe('https://api.thinkific.com/api/public/v1');
		expect(t.requests()).toHaveLength(0);
	});

	test('an insecure API base URL is refused by the node before anything is sent', async () => {
		for (const auth of ['thinkificApi', 'thinkificOAuth2Api'] as const) {
			const data = { apiBaseUrl: 'http://api.thinkific.example/api/public/v1' };
			const credential =
				auth === 'thinkificApi'
					? await t.addApiKeyCredential(data)
					: await t.addOAuthCredential(data);
			const error = await t.run(getUser, { using: auth, credential }).catch((e: Error) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toMatch(/"API Base URL" must be an https:\/\/ URL/);
		}
		expect(t.requests()).toHaveLength(0);
	});
});
