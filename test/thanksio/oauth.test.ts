import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { N8N_CALLBACK_URL, connectOAuth2, executeNode, testCredential } from '../harness';
import { THANKSIO_CLIENT, THANKSIO_PERSONAL_TOKEN } from '../sandbox/thanksio';
import { person, postcard, thanksIoFixture } from './context';

const t = thanksIoFixture();

const getLists = { resource: 'mailingList', operation: 'getAll', returnAll: true };

interface TokenData {
	access_token: string;
	refresh_token: string;
}

async function tokenData(): Promise<TokenData> {
	return (await t.store.stored(t.oauth.id!)).oauthTokenData as unknown as TokenData;
}

describe('thanks.io OAuth2 credential (n8n-core OAuth2)', () => {
	test('connecting sends the user to the authorize URL and exchanges the code with the secret in the body', async () => {
		const credential = await t.addOAuthCredential();
		const before = t.sandbox.log.length;
		const result = await connectOAuth2(t.store, 'thanksIoOAuth2Api', credential);
		const authorize = new URL(result.authorizationUrl);
		expect(`${authorize.origin}${authorize.pathname}`).toBe(
			`${t.sandbox.url}/thanksio/oauth/authorize`,
		);
		expect(authorize.searchParams.get('response_type')).toBe('code');
		expect(authorize.searchParams.get('client_id')).toBe(THANKSIO_CLIENT.id);
		expect(authorize.searchParams.get('redirect_uri')).toBe(N8N_CALLBACK_URL);
		expect(authorize.searchParams.has('client_secret')).toBe(false);
		const tokenRequest = t.sandbox.log.slice(before).find((r) => r.path === '/oauth/token')!;
		expect(tokenRequest.headers.authorization).toBeUndefined();
		const form = new URLSearchParams(tokenRequest.body);
		expect(form.get('grant_type')).toBe('authorization_code');
		expect(form.get('client_secret')).toBe(THANKSIO_CLIENT.secret);
		expect(form.get('redirect_uri')).toBe(N8N_CALLBACK_URL);
		const stored = (await t.store.stored(credential.id!)).oauthTokenData as unknown as TokenData;
		expect(stored.access_token).toMatch(/^tio_at_/);
		expect(stored.refresh_token).toMatch(/^tio_rt_/);
		expect(t.store.encrypted(credential.id!)).not.toContain(stored.refresh_token);
	});

	test('the token endpoint refuses a Basic header: client authentication is in the body only', async () => {
		const response = await fetch(`${t.sandbox.url}/thanksio/oauth/token`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				authorization: `Basic ${Buffer.from(`${THANKSIO_CLIENT.id}:${THANKSIO_CLIENT.secret}`).toString('base64')}`,
			},
			body: 'grant_type=refresh_token&refresh_token=x',
		});
		expect(response.status).toBe(401);
		expect(await response.json()).toMatchObject({ error: 'invalid_client' });
	});

	test('one token serves every request of an execution', async () => {
		t.provider.addMailingLists(3);
		const [items] = await t.run(getLists, { items: [{}, {}, {}, {}] });
		expect(items).toHaveLength(12);
		const used = new Set(
			t.sandbox.log.filter((r) => r.path.startsWith('/api/')).map((r) => r.headers.authorization),
		);
		expect(used.size).toBe(1);
		expect(t.sandbox.count('thanksio', 'token requests')).toBe(1);
	});

	test('after expiry the 403 leads to exactly one refresh, the request succeeds and the rotated refresh token is stored', async () => {
		t.provider.addMailingLists(2);
		const first = await tokenData();
		t.provider.auth.expireAccessTokens();
		const [items] = await t.run(getLists, { items: [{}, {}, {}] });
		expect(items).toHaveLength(6);
		// The first list request was refused with 403 and repeated once with the new token.
		const lists = t.sandbox.log.filter((r) => r.path.startsWith('/api/v2/mailing-lists/'));
		expect(lists).toHaveLength(4);
		expect(t.sandbox.count('thanksio', 'refresh requests')).toBe(1);
		const refresh = new URLSearchParams(
			t.sandbox.log.filter((r) => r.path === '/oauth/token').slice(-1)[0].body,
		);
		expect(refresh.get('grant_type')).toBe('refresh_token');
		expect(refresh.get('refresh_token')).toBe(first.refresh_token);
		expect(refresh.get('client_secret')).toBe(THANKSIO_CLIENT.secret);
		const second = await tokenData();
		expect(second.access_token).not.toBe(first.access_token);
		expect(second.refresh_token).not.toBe(first.refresh_token);
		expect(t.provider.auth.validRefreshTokens()).toEqual([second.refresh_token]);

		// The stored (rotated) refresh token works for the next expiry too.
		t.provider.auth.expireAccessTokens();
		await t.run(getLists);
		expect(t.sandbox.count('thanksio', 'refresh requests')).toBe(2);
		expect((await tokenData()).refresh_token).not.toBe(second.refresh_token);
	});

	test('a send refused with 403 for an expired token is sent once with the new token, and placed once', async () => {
		t.provider.auth.expireAccessTokens();
		const [items] = await t.run(postcard, { items: [person(1)] });
		expect(items[0].json.status).toBe('reviewing');
		expect(t.sandbox.count('thanksio', 'POST /api/v2/send/postcard')).toBe(2);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(1);
		expect(t.sandbox.count('thanksio', 'refresh requests')).toBe(1);
	});

	test('where n8n refreshes only on 401 (n8n 1.x), the node itself refreshes once on 403', async () => {
		// n8n 1.x ignores the credential's list of expired-token status codes: store 401 alone
		// so n8n-core behaves the same, and the node's own refresh through n8n must step in.
		const credential = await t.addOAuthCredential({ tokenExpiredStatusCode: 401 });
		await connectOAuth2(t.store, 'thanksIoOAuth2Api', credential);
		t.provider.addMailingLists(2);
		const before = (await t.store.stored(credential.id!)).oauthTokenData as unknown as TokenData;
		t.provider.auth.expireAccessTokens();
		const [items] = await t.run(postcard, { items: [person(1)], credential });
		expect(items[0].json.status).toBe('reviewing');
		expect(t.sandbox.count('thanksio', 'refresh requests')).toBe(1);
		expect(t.sandbox.count('thanksio', 'POST /api/v2/send/postcard')).toBe(2);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(1);
		const after = (await t.store.stored(credential.id!)).oauthTokenData as unknown as TokenData;
		expect(after.refresh_token).not.toBe(before.refresh_token);
		expect(t.provider.auth.validRefreshTokens()).toContain(after.refresh_token);
	});

	test('a 403 that is not about the token is refreshed for once, then reported, not repeated', async () => {
		const credential = await t.addOAuthCredential({ tokenExpiredStatusCode: 401 });
		await connectOAuth2(t.store, 'thanksIoOAuth2Api', credential);
		t.sandbox.inject({
			provider: 'thanksio',
			route: 'POST /api/v2/send/postcard',
			kind: 'status',
			status: 403,
			times: 2,
		});
		const error = await t.run(postcard, { items: [person(1)], credential }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/^thanks\.io answered 403/);
		expect(t.sandbox.count('thanksio', 'refresh requests')).toBe(1);
		expect(t.sandbox.count('thanksio', 'POST /api/v2/send/postcard')).toBe(2);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(0);
	});

	test('where n8n refreshes only on 401, a refresh race lost to another worker still sends the postcard once', async () => {
		const credential = await t.addOAuthCredential({ tokenExpiredStatusCode: 401 });
		await connectOAuth2(t.store, 'thanksIoOAuth2Api', credential);
		const stale = (await t.store.stored(credential.id!)).oauthTokenData as unknown as TokenData;
		let won: TokenData | undefined;
		t.provider.auth.loseNextRefresh((pair) => {
			won = pair as unknown as TokenData;
			void sleep(300).then(
				async () =>
					await t.store.patch(credential.id!, { oauthTokenData: { ...stale, ...pair } as never }),
			);
		});
		t.provider.auth.expireAccessTokens();
		const [items] = await t.run(postcard, { items: [person(1)], credential });
		expect(items[0].json.status).toBe('reviewing');
		expect(t.sandbox.count('thanksio', 'POST /api/v2/send/postcard')).toBe(2);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(1);
		const stored = (await t.store.stored(credential.id!)).oauthTokenData as unknown as TokenData;
		expect(stored.refresh_token).toBe(won!.refresh_token);
		expect(t.provider.auth.validRefreshTokens()).toContain(won!.refresh_token);
	});

	test('a revoked refresh token asks for the credential to be reconnected, without secrets', async () => {
		t.provider.auth.reset();
		const error = await t.run(getLists).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/needs to be reconnected/);
		expect(t.secretsIn({ error, message: (error as Error).message })).toEqual([]);
		expect(t.sandbox.count('thanksio', 'refresh requests')).toBe(1);
	});

	test('an insecure token or API URL is refused before anything is sent', async () => {
		for (const data of [
			{ tokenUrl: 'http://dashboard.example.com/oauth/token' },
			{ apiBaseUrl: 'http://api.example.com/api/v2' },
		]) {
			const credential = await t.addOAuthCredential(data);
			await t.store.patch(credential.id!, {
				oauthTokenData: await tokenData(),
			} as never);
			const before = t.sandbox.log.length;
			const error = await t.run(getLists, { credential }).catch((e: Error) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toMatch(
				/"(Token URL|API Base URL)" must be an https:\/\/ URL/,
			);
			expect(t.sandbox.log.length).toBe(before);
		}
		// Connecting with an insecure authorization URL never sends the user there.
		const credential = await t.addOAuthCredential({
			authorizationUrl: 'http://dashboard.example.com/oauth/authorize',
		});
		let opened = '';
		await connectOAuth2(t.store, 'thanksIoOAuth2Api', credential, {
			authorize: async (url) => {
				opened = url;
				throw new Error('not opened');
			},
		}).catch(() => undefined);
		expect(opened).toMatch(/^https-required:/);
	});
});

describe('thanks.io personal access token credential', () => {
	test('the token is sent as Bearer and the Test button works', async () => {
		t.provider.addMailingLists(1);
		const [items] = await t.run(getLists, { authentication: 'thanksIoApi' });
		expect(items).toHaveLength(1);
		const request = t.sandbox.log.find((r) => r.path.startsWith('/api/v2/mailing-lists/'))!;
		expect(request.headers.authorization).toBe(`Bearer ${THANKSIO_PERSONAL_TOKEN}`);
		expect(await testCredential(t.store, 'thanksIoApi', t.token)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});

	test('a wrong token fails the Test button and the node with 403, without the token', async () => {
		const credential = await t.addTokenCredential({ accessToken: 'tio_pat_wrong_token_value' });
		const result = await testCredential(t.store, 'thanksIoApi', credential);
		expect(result.status).toBe('Error');
		const error = await t
			.run(getLists, { authentication: 'thanksIoApi', credential })
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe('thanks.io answered 403: Unauthorized');
		expect(JSON.stringify({ ...(error as object), m: (error as Error).message })).not.toContain(
			'tio_pat_wrong_token_value',
		);
	});

	test('an insecure API URL is refused by the node and by the Test button', async () => {
		const credential = await t.addTokenCredential({ apiBaseUrl: 'http://api.example.com/api/v2' });
		const result = await testCredential(t.store, 'thanksIoApi', credential);
		expect(result.status).toBe('Error');
		expect(t.sandbox.log.filter((r) => r.path.startsWith('/api/'))).toHaveLength(0);
		const error = await t
			.run(getLists, { authentication: 'thanksIoApi', credential })
			.catch((e: Error) => e);
		expect((error as Error).message).toMatch(/"API Base URL" must be an https:\/\/ URL/);
	});
});

describe('thanks.io OAuth2 credential used by other nodes', () => {
	// A node that calls the API with the credential and no OAuth2 options of its own, as n8n's
	// HTTP Request node does with a predefined credential type: the credential's own
	// "refresh on 401 and 403" setting must make n8n refresh.
	const plainNode: INodeType = {
		description: {
			displayName: 'Plain Request',
			name: 'plainRequest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Plain Request' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'thanksIoOAuth2Api', required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const answer = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				'thanksIoOAuth2Api',
				{ method: 'GET', url: `${t.sandbox.url}/thanksio/api/v2/sub-accounts`, json: true },
			)) as IDataObject;
			return [[{ json: answer, pairedItem: { item: 0 } }]];
		},
	};

	test('a 403 after expiry refreshes the token once, without any option from the node', async () => {
		t.provider.auth.expireAccessTokens();
		const [items] = await executeNode({
			nodeType: plainNode,
			parameters: {},
			credentials: { thanksIoOAuth2Api: t.oauth },
			store: t.store,
		});
		expect((items[0].json.data as IDataObject[]).length).toBe(2);
		expect(t.sandbox.count('thanksio', 'GET /api/v2/sub-accounts')).toBe(2);
		expect(t.sandbox.count('thanksio', 'refresh requests')).toBe(1);
	});
});
