import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IOAuth2Options,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { StopPoint } from './cancel';
import {
	cancelSignalOf,
	isStopError,
	isStopped,
	requestStopped,
	waitUnlessStopped,
} from './cancel';
import {
	answerAsError,
	apiError,
	describeErrorBody,
	looksLikeHtml,
	readHttpError,
	redact,
	summariseText,
} from './errors';
import type { Page } from './pagination';
import { collectPages } from './pagination';
import { addHint } from './router';
import { RATE_LIMIT_MAX_RETRIES, RATE_LIMIT_MAX_WAIT_MS, rateLimitWait } from './rateLimit';
import { earlierRefusal, rememberRefusal } from './refusedRenewal';
import type { Throttle } from './throttle';
import { takeSlot } from './throttle';
import { describeInsecureUrl, hasUnsafeSegments, trimTrailingSlash } from './url';

/**
 * The only place in this package that sends requests. Every provider's transport
 * is made by `createTransport`, so all four have the same three functions:
 * `apiRequest` (one request), `apiRequestAllItems` (every page of a list) and
 * `apiRequestPage` (one page, for list searches).
 */

/** Node executions, dropdowns, and triggers' webhook set-up (hooks) and polls. */
export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions;

export interface CredentialUse {
	/** Credential field that holds the API base URL. */
	baseUrlField: string;
	/** Further base URLs of the credential, by the name requests use (`ApiRequest.base`). */
	otherBaseUrlFields?: Record<string, string>;
	/** Credential fields holding URLs that receive secrets, with their labels. */
	urlFields: Record<string, string>;
	/** Fields of `urlFields` that may be left empty. */
	optionalUrlFields?: string[];
	/** An OAuth2 credential: its token can be renewed through n8n. */
	oauth2?: boolean;
}

/** How a provider pages its lists. */
export interface Paging {
	/** The largest page the API gives. */
	maxPageSize: number;
	/** The query parameters that ask for one page. */
	query(page: number, pageSize: number): IDataObject;
	/** A page's items, and whether the provider says more follow. */
	read(body: unknown, page: number, pageSize: number): Page<IDataObject>;
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
	/** How lists are paged (for `apiRequestAllItems` and `apiRequestPage`). */
	paging?: Paging;
	/** The provider's limit on requests per second, from the credential (see throttle.ts). */
	requestsPerSecond?: (credentials: ICredentialDataDecryptedObject) => number | undefined;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, starting with "/". */
	path: string;
	/** Which of the credential's base URLs (`otherBaseUrlFields`); the API base URL when omitted. */
	base?: string;
	qs?: IDataObject;
	/** A JSON body, or a multipart form / bytes to send as they are. */
	body?: IDataObject | IDataObject[] | Buffer | object;
	headers?: Record<string, string>;
	/** Read the answer as bytes (a file download) instead of JSON. */
	binary?: boolean;
	/**
	 * What to check when the provider refuses the request as invalid (400, 404 or
	 * 422), added to the error's description: the fields the provider judges.
	 */
	refusalHint?: string;
}

/** A GET of a paged list; `paging` overrides the provider's paging for this list. */
export interface ListRequest {
	path: string;
	base?: string;
	qs?: IDataObject;
	paging?: Partial<Paging>;
}

export interface Transport {
	/**
	 * One request; the parsed body (`{}` when the answer has none). With `binary`,
	 * the bytes (a Buffer); an answer that is a JSON array is returned as it is.
	 */
	apiRequest(this: RequestContext, request: ApiRequest, itemIndex?: number): Promise<IDataObject>;
	/** Every item of a paged list, or the first `limit`, at the largest page size. */
	apiRequestAllItems(
		this: RequestContext,
		request: ListRequest,
		limit?: number,
		itemIndex?: number,
	): Promise<IDataObject[]>;
	/** One page of a list (pages counted from 1), for list searches. */
	apiRequestPage(
		this: RequestContext,
		request: ListRequest,
		page: number,
		pageSize?: number,
		itemIndex?: number,
	): Promise<Page<IDataObject>>;
}

/** Requests that take longer are abandoned and reported. */
const DEFAULT_TIMEOUT_MS = 120_000;

interface Connection {
	credentialType: string;
	baseUrls: Record<string, string>;
	/**
	 * A credential other than OAuth2, as read once for the execution: handed to
	 * n8n with every request, so that n8n does not decrypt it again each time.
	 */
	decrypted?: ICredentialsDecrypted;
	/** The limit on requests per second this process keeps for the provider's API host. */
	throttle?: Throttle;
}

/** What one execution (or one dropdown call) of a node keeps between its requests. */
interface ExecutionState {
	/** The credential, checked once, however many items and requests follow. */
	connection: Promise<Connection>;
	/** The OAuth2 access token this execution last saw stored. */
	knownToken?: string;
	/**
	 * Token-expired statuses that came back right after a token renewal: the
	 * provider means something else by them, so no further renewal is spent on them.
	 */
	persistent: Set<number>;
}

const executions = new WeakMap<RequestContext, ExecutionState>();

function credentialTypeOf(ctx: RequestContext, api: ProviderApi): string {
	const types = Object.keys(api.credentials);
	if (!api.authenticationParameter || types.length === 1) return types[0];
	// An execution reads parameters per item; dropdowns, hooks and polls have no items.
	const chosen = (
		'getInputData' in ctx
			? ctx.getNodeParameter(api.authenticationParameter, 0, types[0])
			: (ctx as ILoadOptionsFunctions).getNodeParameter(api.authenticationParameter, types[0])
	) as string;
	return types.includes(chosen) ? chosen : types[0];
}

function accessTokenOf(credentials: ICredentialDataDecryptedObject): string | undefined {
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	return typeof token.access_token === 'string' ? token.access_token : undefined;
}

async function connect(
	ctx: RequestContext,
	api: ProviderApi,
	state: ExecutionState,
): Promise<Connection> {
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
	if (use.oauth2) state.knownToken = accessTokenOf(credentials);
	const details = ctx.getNode().credentials?.[credentialType];
	const decrypted: ICredentialsDecrypted | undefined =
		!use.oauth2 && details?.id
			? { id: details.id, name: details.name, type: credentialType, data: credentials }
			: undefined;
	const baseUrls: Record<string, string> = {
		'': trimTrailingSlash(String(credentials[use.baseUrlField])),
	};
	for (const [name, field] of Object.entries(use.otherBaseUrlFields ?? {})) {
		baseUrls[name] = trimTrailingSlash(String(credentials[field] ?? ''));
	}
	const perSecond = api.requestsPerSecond?.(credentials);
	const throttle = perSecond === undefined ? undefined : { key: baseUrls[''], perSecond };
	return { credentialType, baseUrls, decrypted, throttle };
}

function executionState(ctx: RequestContext, api: ProviderApi): ExecutionState {
	let state = executions.get(ctx);
	if (!state) {
		const created = { persistent: new Set<number>() } as ExecutionState;
		created.connection = connect(ctx, api, created);
		// A refused credential is checked again on the next request (the user may fix it).
		created.connection.catch(() => executions.delete(ctx));
		executions.set(ctx, created);
		state = created;
	}
	return state;
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

/**
 * Whether a refused request may be about an expired token: an OAuth2 credential,
 * and 401 or another status the provider uses for expired tokens (thanks.io: 403).
 * Error answers come back to the node as they are, so n8n renews nothing itself:
 * the node renews through n8n's own OAuth2 code (`renewToken`).
 */
function isExpiredStatus(api: ProviderApi, connection: Connection, status?: number) {
	if (status === undefined || !api.credentials[connection.credentialType]?.oauth2) return false;
	const codes = api.oauth2?.tokenExpiredStatusCode;
	return status === 401 || (Array.isArray(codes) ? codes.includes(status) : codes === status);
}

/**
 * The bearer token a failed request was sent with, from the request's headers
 * (which n8n signs in place; see answerAsError). Used only to compare tokens,
 * never shown.
 */
function tokenSentWith(error: unknown): string | undefined {
	const outer = (error ?? {}) as { cause?: unknown; errorResponse?: unknown };
	for (const layer of [outer, outer.cause, outer.errorResponse]) {
		const headers = (layer as { config?: { headers?: Record<string, unknown> } } | undefined)
			?.config?.headers;
		if (!headers || typeof headers !== 'object') continue;
		for (const [name, value] of Object.entries(headers)) {
			const match =
				name.toLowerCase() === 'authorization' && /^Bearer\s+(\S+)$/i.exec(String(value));
			if (match) return match[1];
		}
	}
	return undefined;
}

/**
 * Decides, after the provider refused a request with a token-expired status
 * (before processing it, so sending it again is safe), whether to send it again:
 * - the request was sent with a token older than the stored one (n8n, or another
 *   execution or worker, renewed it meanwhile): once more with the stored one,
 *   nothing refreshed;
 * - it was sent with the stored token, which someone renewed during this
 *   execution: a renewed token was refused, so the status is not about the
 *   token: no;
 * - nobody renewed it: refreshed once, through n8n's own OAuth2 code (which
 *   stores it, and a rotated refresh token), then once more.
 */
async function renewToken(
	ctx: RequestContext,
	api: ProviderApi,
	connection: Connection,
	state: ExecutionState,
	error: unknown,
): Promise<boolean> {
	const stored = accessTokenOf(await ctx.getCredentials(connection.credentialType));
	const sent = tokenSentWith(error) ?? state.knownToken;
	const renewedMeanwhile = stored !== undefined && stored !== state.knownToken;
	state.knownToken = stored;
	if (stored !== undefined && stored !== sent) return true;
	if (renewedMeanwhile) return false;
	let renewed: IDataObject | undefined;
	try {
		renewed = (await ctx.helpers.refreshOAuth2Token.call(
			ctx,
			connection.credentialType,
			api.oauth2,
		)) as IDataObject | undefined;
	} catch (refreshError) {
		// Another execution or worker may have used the same refresh token first.
		if (
			isRenewalRefused(refreshError) &&
			(await tokenSavedElsewhere(ctx, api, connection, state, sent))
		)
			return true;
		throw new NodeOperationError(ctx.getNode(), refreshError as Error);
	}
	state.knownToken =
		typeof renewed?.access_token === 'string'
			? renewed.access_token
			: accessTokenOf(await ctx.getCredentials(connection.credentialType));
	return true;
}

/** How long to look for a token that another worker is saving, after a refused renewal. */
const SAVED_ELSEWHERE_TRIES = 6;
const SAVED_ELSEWHERE_INTERVAL_MS = 500;

/**
 * Whether an error is a token renewal that the provider refused: its refresh token
 * was not valid (any more). n8n 2.x words it "needs to be reconnected"; n8n 1.x
 * passes on the OAuth2 client's `EAUTH` error for the `invalid_grant` answer, or
 * (wrapped in a NodeApiError, which drops the cause) only its message.
 */
function isRenewalRefused(error: unknown): boolean {
	const outer = (error ?? {}) as { cause?: unknown; errorResponse?: unknown };
	return [outer, outer.cause, outer.errorResponse].some((layer) => {
		if (!layer || typeof layer !== 'object') return false;
		const e = layer as { code?: unknown; body?: { error?: unknown }; message?: unknown };
		return (
			e.code === 'EAUTH' ||
			e.body?.error === 'invalid_grant' ||
			(typeof e.message === 'string' &&
				/needs to be reconnected|invalid_grant|or refresh token is\s+invalid/i.test(e.message))
		);
	});
}

/**
 * After a refused renewal: whether another execution or worker renewed the token
 * and saved it meanwhile (n8n 1.x does not coordinate renewals between workers,
 * and a rotating refresh token works only once). The stored credential is read
 * again for a few seconds; a token other than the one the refused request was
 * sent with is taken, and the request, refused before processing, is sent once
 * more with it.
 */
async function tokenSavedElsewhere(
	ctx: RequestContext,
	api: ProviderApi,
	connection: Connection,
	state: ExecutionState,
	sent: string | undefined,
): Promise<boolean> {
	for (let attempt = 0; attempt < SAVED_ELSEWHERE_TRIES; attempt++) {
		if (attempt > 0 && !(await waitUnlessStopped(ctx, SAVED_ELSEWHERE_INTERVAL_MS)))
			throw requestStopped(ctx.getNode(), api.name, 'renewal');
		const stored = accessTokenOf(await ctx.getCredentials(connection.credentialType));
		if (stored !== undefined && stored !== sent) {
			state.knownToken = stored;
			return true;
		}
	}
	return false;
}

async function toApiError(
	ctx: RequestContext,
	api: ProviderApi,
	connection: Connection,
	request: ApiRequest,
	error: unknown,
	itemIndex: number | undefined,
): Promise<Error> {
	if (isStopError(error)) return error;
	const secrets = await secretsOf(ctx, api, connection.credentialType);
	const node = ctx.getNode();
	if (isRenewalRefused(error)) {
		const credentialName = node.credentials?.[connection.credentialType]?.name;
		const refused = apiError(
			node,
			itemIndex,
			`${api.name} refused to renew the access token: the credential${credentialName ? ` "${credentialName}"` : ''} needs to be reconnected`,
			'The refresh token is no longer valid: access was revoked, or the token expired or was used elsewhere. Open the credential and click "Connect my account" again. The request was refused before it was processed, so nothing was done.',
			undefined,
			secrets,
		);
		// Final: no other worker saved a token meanwhile. The execution's other items fail at once.
		rememberRefusal(ctx, refused);
		return refused;
	}
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
		// A text body is masked before it is cut short, so that no part of a secret survives.
		const body = typeof http.body === 'string' ? redact(http.body, secrets) : http.body;
		const said = (api.describeError ?? describeErrorBody)(body);
		let hint = '';
		if (http.status === 401 || http.status === 403) {
			hint = ' Check that the credential is connected and allowed to do this.';
		} else if (request.refusalHint && [400, 404, 422].includes(http.status)) {
			hint = ` ${request.refusalHint}`;
		} else if (http.status === 429) {
			const wait = rateLimitWait(http.headers, RATE_LIMIT_MAX_RETRIES);
			hint = wait.fromProvider
				? ` The rate limit still applies; ${api.name} asks to wait ${Math.ceil(wait.ms / 1000)} s before trying again.`
				: ` The rate limit still applies; ${api.name} did not say for how long. Try again later.`;
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

/** A 2xx answer whose body is not the JSON the package asked for. */
async function notJsonError(
	ctx: RequestContext,
	api: ProviderApi,
	connection: Connection,
	request: ApiRequest,
	response: IN8nHttpFullResponse,
	text: string,
	itemIndex: number | undefined,
): Promise<Error> {
	const accepted = METHODS_WITH_EFFECTS.has(request.method)
		? ` ${api.name} accepted the request (status ${response.statusCode}), so it was done; do not send it again.`
		: '';
	const secrets = await secretsOf(ctx, api, connection.credentialType);
	// Masked before it is cut short, so that no part of a secret survives.
	const masked = redact(text, secrets);
	const what = looksLikeHtml(masked) ? summariseText(masked) : `"${summariseText(masked)}"`;
	return apiError(
		ctx.getNode(),
		itemIndex,
		`${api.name} answered with something that is not JSON`,
		`The answer to ${request.method} ${request.path} was ${what}.${accepted}`,
		response.statusCode,
		secrets,
	);
}

/**
 * Sends one request with the node's credential through n8n's
 * `httpRequestWithAuthentication`, so that n8n's own token handling applies: it
 * fetches and stores the token, and renews it (with its own OAuth2 code, which
 * stores a rotated refresh token too) when the node finds it expired.
 *
 * Only a 429, or a token-expired status right after which the token is renewed,
 * is sent again: the provider refused those before processing. Any other
 * failure, including a dropped connection or a 5xx, is reported and never
 * repeated, so that nothing is sent, created or paid twice.
 */
async function send<T>(
	ctx: RequestContext,
	api: ProviderApi,
	request: ApiRequest,
	itemIndex: number | undefined,
): Promise<T> {
	const refused = earlierRefusal(ctx, ctx.getNode(), itemIndex);
	if (refused) throw refused;
	const state = executionState(ctx, api);
	const connection = await state.connection;
	const baseUrl = connection.baseUrls[request.base ?? ''];
	if (baseUrl === undefined || hasUnsafeSegments(request.path)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The request path ${request.path} was refused; nothing was sent`,
			{ itemIndex },
		);
	}
	let renewed = false;
	// What the provider did with the last attempt, for a Stop before the next one.
	let refusedBy: StopPoint = 'before';
	const stopped = (point: StopPoint) =>
		requestStopped(
			ctx.getNode(),
			api.name,
			point,
			request,
			itemIndex,
			METHODS_WITH_EFFECTS.has(request.method),
		);
	for (let attempt = 0; ; attempt++) {
		if (isStopped(ctx)) throw stopped(refusedBy);
		const slot = await takeSlot(ctx, connection.throttle);
		if (!slot) throw stopped(refusedBy);
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body as IHttpRequestOptions['body'],
			json: !request.binary,
			timeout: api.timeoutMs ?? DEFAULT_TIMEOUT_MS,
			headers: { Accept: request.binary ? '*/*' : 'application/json', ...request.headers },
			returnFullResponse: true,
			// Error answers as they are, headers included, on every n8n line (see answerAsError).
			ignoreHttpStatusErrors: true,
			abortSignal: cancelSignalOf(ctx),
			...(request.binary ? { encoding: 'arraybuffer' as const } : {}),
		};
		let response: IN8nHttpFullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				connection.credentialType,
				options,
				connection.decrypted
					? {
							credentialsDecrypted: {
								...connection.decrypted,
								data: { ...connection.decrypted.data },
							},
						}
					: api.oauth2
						? { oauth2: api.oauth2 }
						: undefined,
			)) as IN8nHttpFullResponse;
			if (response.statusCode >= 400) throw answerAsError(response, options.headers);
		} catch (error) {
			slot();
			const { status, headers } = readHttpError(error);
			if (status === undefined && isStopped(ctx)) throw stopped('underway');
			if (isExpiredStatus(api, connection, status) && !state.persistent.has(status!)) {
				let again = false;
				if (!renewed) {
					renewed = true;
					try {
						again = await renewToken(ctx, api, connection, state, error);
					} catch (renewError) {
						throw await toApiError(ctx, api, connection, request, renewError, itemIndex);
					}
				}
				refusedBy = 'renewal';
				if (again) continue;
				// Refused with a renewed token: not a token problem; no more renewals for it.
				state.persistent.add(status!);
			}
			if (status === 429 && attempt < RATE_LIMIT_MAX_RETRIES) {
				const wait = rateLimitWait(headers, attempt);
				if (wait.ms <= RATE_LIMIT_MAX_WAIT_MS) {
					refusedBy = 'rateLimit';
					if (!(await waitUnlessStopped(ctx, wait.ms))) throw stopped(refusedBy);
					continue;
				}
			}
			throw await toApiError(ctx, api, connection, request, error, itemIndex);
		}
		slot();
		if (request.binary) return Buffer.from(response.body as ArrayBuffer) as T;
		const body = response.body;
		if (typeof body !== 'string') return (body ?? {}) as T;
		if (body.trim() === '') return {} as T;
		try {
			return JSON.parse(body) as T;
		} catch {
			throw await notJsonError(ctx, api, connection, request, response, body, itemIndex);
		}
	}
}

function pagingOf(api: ProviderApi, request: ListRequest): Paging {
	if (!api.paging) throw new Error(`${api.name} has no paged lists`);
	return { ...api.paging, ...request.paging };
}

async function getPage(
	ctx: RequestContext,
	api: ProviderApi,
	request: ListRequest,
	paging: Paging,
	page: number,
	pageSize: number,
	itemIndex: number | undefined,
): Promise<Page<IDataObject>> {
	const body = await send<unknown>(
		ctx,
		api,
		{
			method: 'GET',
			path: request.path,
			base: request.base,
			qs: { ...request.qs, ...paging.query(page, pageSize) },
		},
		itemIndex,
	);
	return paging.read(body, page, pageSize);
}

/** Every page of a list; a list that repeats a page or never ends is not followed forever. */
async function allItems(
	ctx: RequestContext,
	api: ProviderApi,
	request: ListRequest,
	limit: number | undefined,
	itemIndex: number | undefined,
): Promise<IDataObject[]> {
	const paging = pagingOf(api, request);
	return await collectPages(
		{
			maxPageSize: paging.maxPageSize,
			limit,
			onRepeat(page) {
				if (!('getInputData' in ctx)) return;
				addHint(ctx, {
					message: `${api.name} sent page ${page} of ${request.path} with the same items as an earlier page, so the list was read up to the page before it.`,
					type: 'warning',
					location: 'outputPane',
				});
			},
			tooManyPages: (pages) =>
				new NodeOperationError(
					ctx.getNode(),
					`${api.name} kept announcing more pages of ${request.path}: the list did not end after ${pages.toLocaleString('en-US')} pages`,
					{
						itemIndex,
						description:
							'The list was not returned, so as not to read forever. Use a filter or a limit to ask for fewer items.',
					},
				),
		},
		async (page, pageSize) => await getPage(ctx, api, request, paging, page, pageSize, itemIndex),
	);
}

/** The three request functions of one provider, all through `send`. */
export function createTransport(api: ProviderApi): Transport {
	return {
		async apiRequest(
			this: RequestContext,
			request: ApiRequest,
			itemIndex?: number,
		): Promise<IDataObject> {
			return await send<IDataObject>(this, api, request, itemIndex);
		},

		async apiRequestAllItems(
			this: RequestContext,
			request: ListRequest,
			limit?: number,
			itemIndex?: number,
		): Promise<IDataObject[]> {
			return await allItems(this, api, request, limit, itemIndex);
		},

		async apiRequestPage(
			this: RequestContext,
			request: ListRequest,
			page: number,
			pageSize?: number,
			itemIndex?: number,
		): Promise<Page<IDataObject>> {
			const paging = pagingOf(api, request);
			return await getPage(
				this,
				api,
				request,
				paging,
				page,
				pageSize ?? paging.maxPageSize,
				itemIndex,
			);
		},
	};
}
