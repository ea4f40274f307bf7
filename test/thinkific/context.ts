import type {
	IDataObject,
	INodeCredentialsDetails,
	INodeListSearchResult,
	INodeParameters,
	NodeExecutionHint,
} from 'n8n-workflow';

import { ThinkificApi } from '../../credentials/ThinkificApi.credentials';
import { ThinkificOAuth2Api } from '../../credentials/ThinkificOAuth2Api.credentials';
import { Thinkific } from '../../nodes/Thinkific/Thinkific.node';
import { CredentialStore, connectOAuth2, executeNode, listSearch, useSandbox } from '../harness';
import type { NodeSettings } from '../harness';
import {
	THINKIFIC_API_KEY,
	THINKIFIC_CLIENT,
	THINKIFIC_SUBDOMAIN,
	ThinkificProvider,
} from '../sandbox/thinkific';

export type Auth = 'thinkificApi' | 'thinkificOAuth2Api';

/** A Create User whose email comes from each input item's `email`. */
export const createUserPerItem = {
	resource: 'user',
	operation: 'create',
	firstName: 'Ada',
	lastName: 'Lovelace',
	email: '={{ $json.email }}',
};

/** Every secret the sandbox knows of, to check outputs and errors against. */
export function secretsIn(value: unknown, provider: ThinkificProvider): string[] {
	const text = JSON.stringify(value);
	const found: string[] = [];
	for (const secret of [THINKIFIC_CLIENT.secret, THINKIFIC_API_KEY]) {
		if (text.includes(secret)) found.push(secret);
	}
	for (const token of provider.auth.validRefreshTokens())
		if (text.includes(token)) found.push(token);
	if (/tk_(at|rt|code)_[0-9a-f]{8}/.test(text)) found.push('a token');
	return found;
}

/** Everything an error carries, as text. */
export function errorText(error: unknown): string {
	const e = error as Error & { description?: string; context?: unknown };
	return JSON.stringify({
		...(e as object),
		message: e.message,
		description: e.description,
		stack: e.stack,
	});
}

/** A sandbox with Thinkific, a credential store, and one credential of each kind. */
export function thinkificFixture() {
	const served = useSandbox(() => new ThinkificProvider());
	const fixture = {
		get sandbox() {
			return served.sandbox;
		},
		get provider() {
			return served.provider;
		},
		store: undefined as unknown as CredentialStore,
		apiKeyCredential: undefined as unknown as INodeCredentialsDetails,
		oauthCredential: undefined as unknown as INodeCredentialsDetails,
		node: new Thinkific(),
		setupRequests: 0,
		/** Requests the sandbox received since the setup (the OAuth2 connection). */
		requests() {
			return fixture.sandbox.log.slice(fixture.setupRequests);
		},
		/** Token endpoint calls since the setup. */
		tokenRequests() {
			return fixture.requests().filter((r) => r.path.startsWith('/oauth2/token')).length;
		},
		/** API calls since the setup, as "METHOD /path?query" below the API base. */
		apiCalls() {
			return fixture
				.requests()
				.filter((r) => r.path.startsWith('/api/public/v1/'))
				.map((r) => `${r.method} ${r.path.slice('/api/public/v1'.length)}`);
		},
		get siteUrl() {
			return `${fixture.sandbox.url}/thinkific`;
		},
		get apiBaseUrl() {
			return `${fixture.sandbox.url}/thinkific/api/public/v1`;
		},
		/** The Webhooks API on the host Thinkific's reference names (api.thinkific.com). */
		get webhooksApiBaseUrl() {
			return `${fixture.sandbox.url}/thinkific-api/api/v2`;
		},
		async addApiKeyCredential(data: IDataObject = {}): Promise<INodeCredentialsDetails> {
			return await fixture.store.add('thinkificApi', {
				apiKey: THINKIFIC_API_KEY,
				subdomain: THINKIFIC_SUBDOMAIN,
				apiBaseUrl: fixture.apiBaseUrl,
				webhooksApiBaseUrl: fixture.webhooksApiBaseUrl,
				...data,
			} as never);
		},
		/** An OAuth2 credential as saved in the dialog, not yet connected. */
		async addOAuthCredential(data: IDataObject = {}): Promise<INodeCredentialsDetails> {
			return await fixture.store.add('thinkificOAuth2Api', {
				clientId: THINKIFIC_CLIENT.id,
				clientSecret: THINKIFIC_CLIENT.secret,
				subdomain: THINKIFIC_SUBDOMAIN,
				siteUrl: fixture.siteUrl,
				apiBaseUrl: fixture.apiBaseUrl,
				webhooksApiBaseUrl: fixture.webhooksApiBaseUrl,
				...data,
			} as never);
		},
		async connect(credential: INodeCredentialsDetails) {
			return await connectOAuth2(fixture.store, 'thinkificOAuth2Api', credential);
		},
		async run(
			parameters: INodeParameters,
			options: {
				/** The credential type chosen in the node's Authentication parameter. */
				using?: Auth;
				items?: IDataObject[];
				continueOnFail?: boolean;
				settings?: NodeSettings;
				hints?: NodeExecutionHint[];
				credential?: INodeCredentialsDetails;
				signal?: AbortSignal;
				/** The node's version, as a saved workflow holds it (default: the newest). */
				typeVersion?: number;
			} = {},
		) {
			const auth = options.using ?? 'thinkificApi';
			const credential =
				options.credential ??
				(auth === 'thinkificApi' ? fixture.apiKeyCredential : fixture.oauthCredential);
			return await executeNode({
				nodeType: fixture.node,
				parameters: { authentication: auth, ...parameters },
				credentials: { [auth]: credential },
				store: fixture.store,
				items: options.items,
				continueOnFail: options.continueOnFail,
				settings: options.settings,
				hints: options.hints,
				signal: options.signal,
				typeVersion: options.typeVersion,
			});
		},
		/** Calls a resource locator's search method in n8n-core's LoadOptionsContext. */
		async listSearch(
			method: string,
			auth: Auth = 'thinkificApi',
			filter?: string,
			paginationToken?: string,
			/** The node's other parameters, for a list that depends on one. */
			parameters: INodeParameters = {},
		): Promise<INodeListSearchResult> {
			return await listSearch({
				nodeType: fixture.node,
				method,
				filter,
				paginationToken,
				parameters: { authentication: auth, ...parameters },
				credentials: {
					[auth]: auth === 'thinkificApi' ? fixture.apiKeyCredential : fixture.oauthCredential,
				},
				store: fixture.store,
			});
		},
	};
	beforeEach(async () => {
		fixture.store = new CredentialStore([new ThinkificApi(), new ThinkificOAuth2Api()]);
		fixture.apiKeyCredential = await fixture.addApiKeyCredential();
		fixture.oauthCredential = await fixture.addOAuthCredential();
		await fixture.connect(fixture.oauthCredential);
		// Connecting is part of the setup: tests count requests from here.
		fixture.setupRequests = fixture.sandbox.log.length;
	});
	return fixture;
}
