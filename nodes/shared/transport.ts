import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IOAuth2Options,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { apiError, describeErrorBody, readHttpError } from './errors';
import { RATE_LIMIT_MAX_RETRIES, RATE_LIMIT_MAX_WAIT_MS, rateLimitWaitMs } from './rateLimit';
import { describeInsecureUrl, trimTrailingSlash } from './url';

/** The only place in this package that sends requests: every provider's transport calls it. */

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface CredentialUse {
	/** Credential field that holds the API base URL. */
	baseUrlField: string;
	/** Credential fields holding URLs that receive secrets, with their labels. */
	urlFields: Record<string, string>;
	/** Fields of `urlFields` that may be left empty. */
	optionalUrlFields?: string[];
	/** An OAuth2 credential: its token can be refreshed through n8n. */
	oauth2?: boolean;
}

export interface ProviderApi {
	/** The provider's name, as users know it. */
	name: string;
	/** Credential types this provider's node accepts, and how each is used. */
	credentials: Record<string, CredentialUse>;
	/** Node parameter that selects the credential type; omitted when there is only one. */
	authenticationParameter?: string;
	/** Credential fields whose values must never appear in an error (tokens are added). */
	secretFields: string[];
	/** Options for n8n's OAuth2 token handling (token type, refresh status codes). */
	oauth2?: IOAuth2Options;
	/** Reads the provider's error body; the shared reading is used when omitted. */
	describeError?: (body: unknown) => { message?: string; details?: string };
	/**
	 * Checks of the provider's own credential fields, run with the URL checks once
	 * per execution before the first request: the reason to refuse, or undefined.
	 */
	checkCredentials?: (
		credentials: ICredentialDataDecryptedObject,
		type: string,
	) => string | undefined;
	/** How long one request may take before it is abandoned (and reported, never repeated). */
	timeoutMs?: number;
}

/**
 * Whether a refused request calls for a token refresh by this package: an OAuth2
 * credential, and a status the provider uses for an expired token other than 401
 * (which n8n's own code handles on every n8n version). n8n 2.x refreshes on the
 * configured codes itself; if the request still fails after that, one more
 * refresh is spent, never a second send of anything the provider accepted.
 */
function needsOwnRefresh(api: ProviderApi, connection: Connection, status?: number): boolean {
	if (status === undefined || status === 401) return false;
	if (!api.credentials[connection.credentialType]?.oauth2) return false;
	const codes = api.oauth2?.tokenExpiredStatusCode;
	return Array.isArray(codes) ? codes.includes(status) : codes === status;
}

/** Requests that take longer are abandoned and reported. */
const DEFAULT_TIMEOUT_MS = 120_000;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's API base URL, starting with "/". */
	path: string;
	qs?: IDataObject;
	/** A JSON body, or a multipart form / bytes to send as they are. */
	body?: IDataObject | IDataObject[] | Buffer | object;
	headers?: Record<string, string>;
	/** Read the answer as bytes (a file download) instead of JSON. */
	binary?: boolean;
}

interface ApiResponse<T> {
	body: T;
	headers: Record<string, unknown>;
	statusCode: number;
}

interface Connection {
	credentialType: string;
	baseUrl: string;
}

/** One credential check per execution, however many items and requests follow. */
const connections = new WeakMap<RequestContext, Promise<Connection>>();

function credentialTypeOf(ctx: RequestContext, api: ProviderApi): string {
	const types = Object.keys(api.credentials);
	if (!api.authenticationParameter || types.length === 1) return types[0];
	// An execution reads parameters per item; dropdowns and list searches have no items.
	const chosen = (
		'getInputData' in ctx
			? ctx.getNodeParameter(api.authenticationParameter, 0, types[0])
			: ctx.getNodeParameter(api.authenticationParameter, types[0])
	) as string;
	return types.includes(chosen) ? chosen : types[0];
}

async function connect(ctx: RequestContext, api: ProviderApi): Promise<Connection> {
	const credentialType = credentialTypeOf(ctx, api);
	const use = api.credentials[credentialType];
	const credentials = await ctx.getCredentials(credentialType);
	const refuse = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `${problem} Nothing was sent.`, {
			description: 'Open the credential and correct it.',
		});
	for (const [field, label] of Object.entries(use.urlFields)) {
		const value = credentials[field];
		// An optional URL field left empty falls back to a default the credential builds.
		if (use.optionalUrlFields?.includes(field) && String(value ?? '').trim() === '') continue;
		const problem = describeInsecureUrl(value);
		if (problem) throw refuse(`The credential's "${label}" ${problem}.`);
	}
	const problem = api.checkCredentials?.(credentials, credentialType);
	if (problem) throw refuse(problem);
	return { credentialType, baseUrl: trimTrailingSlash(String(credentials[use.baseUrlField])) };
}

function getConnection(ctx: RequestContext, api: ProviderApi): Promise<Connection> {
	let connection = connections.get(ctx);
	if (!connection) {
		connection = connect(ctx, api);
		connections.set(ctx, connection);
		connection.catch(() => connections.delete(ctx));
	}
	return connection;
}

async function secretsOf(ctx: RequestContext, api: ProviderApi, type: string): Promise<string[]> {
	try {
		const credentials = await ctx.getCredentials(type);
		const token = (credentials.oauthTokenData ?? {}) as IDataObject;
		return [
			...api.secretFields.map((f) => credentials[f]),
			token.access_token,
			token.refresh_token,
		].filter((v): v is string => typeof v === 'string' && v !== '');
	} catch {
		return [];
	}
}

const METHODS_WITH_EFFECTS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function toApiError(
	ctx: RequestContext,
	api: ProviderApi,
	connection: Connection,
	request: ApiRequest,
	error: unknown,
	itemIndex: number | undefined,
): Promise<Error> {
	const secrets = await secretsOf(ctx, api, connection.credentialType);
	const node = ctx.getNode();
	if (error instanceof NodeOperationError) {
		return apiError(
			node,
			itemIndex,
			error.message,
			error.description ?? undefined,
			undefined,
			secrets,
		);
	}
	const http = readHttpError(error);
	if (http.status !== undefined) {
		const said = (api.describeError ?? describeErrorBody)(http.body);
		let hint = '';
		if (http.status === 401 || http.status === 403) {
			hint = ' Check that the credential is connected and allowed to do this.';
		} else if (http.status === 429) {
			const seconds = Math.ceil(rateLimitWaitMs(http.headers, RATE_LIMIT_MAX_RETRIES) / 1000);
			hint = ` The rate limit still applies; ${api.name} asks to wait ${seconds} s before trying again.`;
		}
		return apiError(
			node,
			itemIndex,
			`${api.name} answered ${http.status}: ${said.message ?? 'no reason given'}`,
			((said.details ?? '') + hint).trim() || undefined,
			http.status,
			secrets,
		);
	}
	if (/access token|oauth/i.test(http.message)) {
		return apiError(
			node,
			itemIndex,
			`${api.name} did not issue an access token: ${http.message.replace(/^Failed to acquire OAuth2 access token:\s*/i, '')}`,
			'Check the client ID, client secret and token URL of the credential.',
			undefined,
			secrets,
		);
	}
	const mayHaveArrived = METHODS_WITH_EFFECTS.has(request.method)
		? ' The request may have reached the provider; it was not repeated, to avoid doing it twice.'
		: '';
	return apiError(
		node,
		itemIndex,
		`Could not complete the request to ${api.name}: ${failureInWords(http.code, http.message)}`,
		`${request.method} ${request.path} failed without an answer${http.code ? ` (${http.code})` : ''}.${mayHaveArrived}`,
		undefined,
		secrets,
	);
}

/** What a failure without an answer means, in words rather than a system error code. */
function failureInWords(code: string | undefined, message: string): string {
	switch (code) {
		case 'ECONNRESET':
		case 'EPIPE':
		case 'UND_ERR_SOCKET':
			return 'the connection was closed before an answer came';
		case 'ECONNABORTED':
		case 'ETIMEDOUT':
		case 'UND_ERR_HEADERS_TIMEOUT':
		case 'UND_ERR_BODY_TIMEOUT':
			return 'no answer came in time';
		case 'ECONNREFUSED':
			return 'the connection was refused';
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return 'the host name could not be resolved';
		default:
			return /timeout/i.test(message) ? 'no answer came in time' : 'no answer came';
	}
}

/**
 * Sends one request with the node's credential through n8n's
 * `httpRequestWithAuthentication`, so that n8n's own token handling (fetch,
 * storage, refresh on the configured status codes) applies, and returns the
 * whole answer: body (parsed JSON, or bytes with `binary`), headers and status.
 *
 * Only a 429 is waited out and retried: the provider rejected the request before
 * processing it. Any other failure, including a dropped connection or a 5xx, is
 * reported and never repeated, so that nothing is sent, created or paid twice.
 */
async function apiRequestFull<T = unknown>(
	this: RequestContext,
	api: ProviderApi,
	request: ApiRequest,
	itemIndex?: number,
): Promise<ApiResponse<T>> {
	const connection = await getConnection(this, api);
	let refreshed = false;
	for (let attempt = 0; ; attempt++) {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${connection.baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body as IHttpRequestOptions['body'],
			json: !request.binary,
			timeout: api.timeoutMs ?? DEFAULT_TIMEOUT_MS,
			headers: { Accept: request.binary ? '*/*' : 'application/json', ...request.headers },
			returnFullResponse: true,
			...(request.binary ? { encoding: 'arraybuffer' as const } : {}),
		};
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				connection.credentialType,
				options,
				api.oauth2 ? { oauth2: api.oauth2 } : undefined,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			const http = readHttpError(error);
			if (!refreshed && needsOwnRefresh(api, connection, http.status)) {
				// n8n 1.x refreshes only on 401; a provider that answers an expired token
				// otherwise (thanks.io: 403) gets one refresh through n8n's own code here.
				// The provider refused the request, so sending it again is safe.
				refreshed = true;
				try {
					await this.helpers.refreshOAuth2Token.call(this, connection.credentialType, api.oauth2);
				} catch (refreshError) {
					throw await toApiError(this, api, connection, request, refreshError, itemIndex);
				}
				continue;
			}
			if (http.status === 429 && attempt < RATE_LIMIT_MAX_RETRIES) {
				const waitMs = rateLimitWaitMs(http.headers, attempt);
				if (waitMs <= RATE_LIMIT_MAX_WAIT_MS) {
					await sleep(waitMs);
					continue;
				}
			}
			throw await toApiError(this, api, connection, request, error, itemIndex);
		}
		return {
			body: request.binary
				? (Buffer.from(response.body as ArrayBuffer) as T)
				: parseBody<T>(this, api, response.body, itemIndex),
			headers: (response.headers ?? {}) as Record<string, unknown>,
			statusCode: response.statusCode,
		};
	}
}

/** `apiRequestFull`, returning only the parsed body. */
export async function apiRequest<T = unknown>(
	this: RequestContext,
	api: ProviderApi,
	request: ApiRequest,
	itemIndex?: number,
): Promise<T> {
	return (await apiRequestFull.call(this, api, request, itemIndex)).body as T;
}

function parseBody<T>(ctx: RequestContext, api: ProviderApi, body: unknown, itemIndex?: number): T {
	if (typeof body !== 'string') return body as T;
	if (body.trim() === '') return undefined as T;
	try {
		return JSON.parse(body) as T;
	} catch {
		throw new NodeApiError(
			ctx.getNode(),
			{ message: `${api.name} answered with something that is not JSON` },
			{
				message: `${api.name} answered with something that is not JSON`,
				description: body.slice(0, 200),
				itemIndex,
			},
		);
	}
}
