import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { StopPoint } from '../cancel';
import { cancelSignalOf, isStopped, requestStopped, waitUnlessStopped } from '../cancel';
import { answerAsError, readHttpError } from '../errors';
import { RATE_LIMIT_MAX_RETRIES, RATE_LIMIT_MAX_WAIT_MS, rateLimitWait } from '../rateLimit';
import { earlierRefusal } from './refusedRenewal';
import { takeSlot } from './throttle';
import { hasUnsafeSegments } from '../url';
import { authContext, executionState, forgetCredential } from './connection';
import { METHODS_WITH_EFFECTS, notJsonError, toApiError } from './failures';
import { isExpiredStatus, renewToken } from './renewal';
import type { ApiRequest, ProviderApi, RequestContext } from './types';

/** Requests that take longer are abandoned and reported. */
const DEFAULT_TIMEOUT_MS = 120_000;

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
export async function send<T>(
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
				api.credentials[connection.credentialType]?.oauth2
					? authContext(ctx, state, connection.credentialType)
					: ctx,
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
			forgetCredential(state);
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
