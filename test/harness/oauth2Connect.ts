import { createHash, randomBytes } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	INodeCredentialsDetails,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import type { CredentialStore } from './credentials';
import { fromN8nCore } from './encryption';

interface ClientOAuth2Token {
	data: Record<string, unknown>;
}
interface ClientOAuth2Instance {
	code: {
		getUri(options?: object): string;
		getToken(uri: string, options?: object): Promise<ClientOAuth2Token>;
	};
}
type ClientOAuth2Constructor = new (options: object) => ClientOAuth2Instance;

/** The redirect URL n8n registers for OAuth2 credentials: `<instance>/rest/oauth2-credential/callback`. */
export const N8N_CALLBACK_URL = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

export interface ConnectOptions {
	/**
	 * Plays the user in the browser: opens the authorization URL and returns the
	 * callback URL the provider redirects to. By default the URL is fetched
	 * without following redirects (the sandbox's consent page grants at once) and
	 * the `Location` header is the callback.
	 */
	authorize?: (authorizationUrl: string) => Promise<string>;
}

export interface ConnectResult {
	authorizationUrl: string;
	callbackUrl: string;
	oauthTokenData: Record<string, unknown>;
}

async function followToCallback(authorizationUrl: string): Promise<string> {
	const response = await fetch(authorizationUrl, { redirect: 'manual' });
	const location = response.headers.get('location');
	if (response.status < 300 || response.status >= 400 || !location) {
		throw new Error(`The consent page answered ${response.status}: ${await response.text()}`);
	}
	return location;
}

/**
 * Connects an authorization-code (or PKCE) credential the way n8n's server does
 * when the user clicks "Connect my account": n8n's `/rest/oauth2-credential/auth`
 * builds the authorization URL with @n8n/client-oauth2 (client id, n8n's callback
 * URL, scopes, a state, the credential's extra query parameters, a PKCE
 * challenge), and `/rest/oauth2-credential/callback` exchanges the code with
 * @n8n/client-oauth2 (client id and secret in the body when the credential says
 * `body`, else a Basic header) and saves the answer as `oauthTokenData`, with
 * any extra callback parameters as `callbackQueryString`.
 */
export async function connectOAuth2(
	store: CredentialStore,
	type: string,
	details: INodeCredentialsDetails,
	options: ConnectOptions = {},
): Promise<ConnectResult> {
	const { ClientOAuth2 } = fromN8nCore<{ ClientOAuth2: ClientOAuth2Constructor }>(
		'@n8n/client-oauth2',
	);
	const raw = await store.stored(details.id!);
	const data = store.applyDefaults({} as IWorkflowExecuteAdditionalData, raw, type, 'internal');
	const scope = String(data.scope ?? 'openid');
	const clientOptions = {
		clientId: data.clientId,
		clientSecret: data.clientSecret ?? '',
		accessTokenUri: data.accessTokenUrl ?? '',
		authorizationUri: data.authUrl ?? '',
		authentication: data.authentication ?? 'header',
		redirectUri: N8N_CALLBACK_URL,
		scopes: scope.split(','),
		scopesSeparator: scope.includes(',') ? ',' : ' ',
	};
	const state = randomBytes(16).toString('base64url');
	const query: Record<string, string> = Object.fromEntries(
		new URLSearchParams(String(data.authQueryParameters ?? '')).entries(),
	);
	let codeVerifier: string | undefined;
	if (data.grantType === 'pkce') {
		codeVerifier = randomBytes(32).toString('base64url');
		query.code_challenge = createHash('sha256').update(codeVerifier).digest('base64url');
		query.code_challenge_method = 'S256';
	}
	const authorizationUrl = new ClientOAuth2({ ...clientOptions, state, query }).code.getUri();

	const callbackUrl = await (options.authorize ?? followToCallback)(authorizationUrl);
	const callback = new URL(callbackUrl);
	if (callback.searchParams.get('state') !== state)
		throw new Error('The OAuth callback state is invalid!');

	let tokenOptions: object = {};
	const exchangeOptions: Record<string, unknown> = { ...clientOptions };
	if (data.grantType === 'pkce') {
		tokenOptions = { body: { code_verifier: codeVerifier } };
	} else if (clientOptions.authentication === 'body') {
		tokenOptions = {
			body: { client_id: clientOptions.clientId, client_secret: clientOptions.clientSecret },
		};
		delete exchangeOptions.clientSecret;
	}
	const token = await new ClientOAuth2(exchangeOptions).code.getToken(
		`${N8N_CALLBACK_URL}?${callback.searchParams.toString()}`,
		tokenOptions,
	);
	const extra = Object.fromEntries(
		[...callback.searchParams.entries()].filter(([k]) => k !== 'code' && k !== 'state'),
	);
	const oauthTokenData: Record<string, unknown> = {
		...((raw.oauthTokenData as object | undefined) ?? {}),
		...token.data,
		...(Object.keys(extra).length ? { callbackQueryString: extra } : {}),
	};
	await store.patch(details.id!, { oauthTokenData } as ICredentialDataDecryptedObject);
	return { authorizationUrl, callbackUrl, oauthTokenData };
}
