import { TokenAuthority } from '../../test/sandbox/oauth';
import type { Provider, SandboxRequest, SandboxResponse } from '../../test/sandbox/server';
import { json, randomToken, Sandbox } from '../../test/sandbox/server';
import type { ProviderSpec } from '../spec';
import { expect } from '../spec';

/**
 * A check of the suite itself on each n8n line, independent of this package's
 * nodes: n8n's own generic OAuth2 credential (authorization code) and HTTP Request
 * node against a small authorization server with rotating refresh tokens. It runs
 * the same steps a provider of this package does — "Connect my account" through
 * n8n's callback, read and write, refresh after expiry, the rotated refresh token
 * saved by n8n — so a failure there points at n8n or the suite, not at a node.
 */

const CLIENT = { id: 'e2e-client', secret: randomToken('e2e_cs') };

class ItemsProvider implements Provider {
	name = 'items';
	readonly auth = new TokenAuthority('it', 'Bearer', 3600);
	readonly items: Array<Record<string, unknown>> = [{ id: 1, name: 'first' }];

	constructor() {
		this.auth.addClient(CLIENT);
	}

	handle(req: SandboxRequest): SandboxResponse {
		if (req.method === 'GET' && req.path === '/oauth/authorize') {
			const client = this.auth.clients.get(req.query.get('client_id') ?? '');
			const redirect = req.query.get('redirect_uri') ?? '';
			if (!client || !redirect || req.query.get('response_type') !== 'code') {
				return json(400, { error: 'invalid_request' });
			}
			const target = new URL(redirect);
			target.searchParams.set('code', this.auth.issueCode(client.id, redirect));
			target.searchParams.set('state', req.query.get('state') ?? '');
			return { status: 302, headers: { location: target.toString() } };
		}
		if (req.method === 'POST' && req.path === '/oauth/token') {
			const body = req.body ?? {};
			const client = this.auth.checkClient(body.client_id, body.client_secret);
			if (!client) return json(401, { error: 'invalid_client' });
			if (body.grant_type === 'authorization_code') {
				if (!this.auth.redeemCode(body.code, client.id, body.redirect_uri))
					return json(400, { error: 'invalid_grant' });
				return json(200, this.auth.issue(client.id, true));
			}
			if (body.grant_type === 'refresh_token') {
				const token = this.auth.rotate(body.refresh_token, client.id);
				return token ? json(200, token) : json(400, { error: 'invalid_grant' });
			}
			return json(400, { error: 'unsupported_grant_type' });
		}
		if (!this.auth.bearer(req.headers.authorization)) return json(401, { error: 'invalid_token' });
		if (req.method === 'GET' && req.path === '/api/items') return json(200, { items: this.items });
		if (req.method === 'POST' && req.path === '/api/items') {
			const item = { id: this.items.length + 1, ...(req.body ?? {}) };
			this.items.push(item);
			return json(201, item);
		}
		return json(404, { error: 'not found' });
	}
}

function httpRequest(method: string, url: string, body?: string) {
	return {
		method,
		url,
		authentication: 'genericCredentialType',
		genericAuthType: 'oAuth2Api',
		...(body ? { sendBody: true, specifyBody: 'json', jsonBody: body } : {}),
		options: {},
	};
}

export const genericOAuth2: ProviderSpec = {
	name: "n8n's generic OAuth2 (suite check)",
	sandbox: () => new Sandbox([new ItemsProvider()]),
	credentials: [
		{
			type: 'oAuth2Api',
			name: 'Generic OAuth2 (sandbox)',
			connect: 'authorizationCode',
			skipTest: true,
			data: ({ url }) => ({
				grantType: 'authorizationCode',
				authUrl: `${url}/items/oauth/authorize`,
				accessTokenUrl: `${url}/items/oauth/token`,
				clientId: CLIENT.id,
				clientSecret: CLIENT.secret,
				scope: 'items',
				authQueryParameters: '',
				authentication: 'body',
			}),
			tokenRequests: ({ sandbox }) => sandbox.count('items', 'POST /oauth/token'),
			tokenRoute: { provider: 'items', route: 'POST /oauth/token' },
			expireTokens: ({ sandbox }) =>
				sandbox.provider<ItemsProvider>('items').auth.expireAccessTokens(),
			rotatingRefreshTokens: true,
			secrets: ({ sandbox }) => [
				CLIENT.secret,
				...sandbox.provider<ItemsProvider>('items').auth.validRefreshTokens(),
			],
		},
	],
	nodes: [
		{
			type: 'n8n-nodes-base.httpRequest',
			version: 4.2,
			credentials: [{ type: 'oAuth2Api' }],
			workflows: [
				{
					name: 'List items',
					kind: 'read',
					parameters: ({ url }) => httpRequest('GET', `${url}/items/api/items`),
					check(items) {
						expect(Array.isArray(items[0]?.items), `unexpected answer ${JSON.stringify(items)}`);
					},
				},
				{
					name: 'Create an item',
					kind: 'write',
					parameters: ({ url }) =>
						httpRequest('POST', `${url}/items/api/items`, '{"name": "from n8n"}'),
					check(items, { sandbox }) {
						expect(items[0]?.name === 'from n8n', `unexpected answer ${JSON.stringify(items)}`);
						expect(
							sandbox.provider<ItemsProvider>('items').items.some((i) => i.name === 'from n8n'),
							'the sandbox has no such item',
						);
					},
				},
			],
		},
	],
};
