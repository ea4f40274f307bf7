import type { IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	apiError,
	describeErrorBody,
	looksLikeHtml,
	readHttpError,
	redact,
	summariseText,
} from '../errors';
import { isStopError } from '../cancel';
import { RATE_LIMIT_MAX_RETRIES, rateLimitWait } from '../rateLimit';
import { rememberRefusal } from './refusedRenewal';
import type { Connection } from './connection';
import { secretsOf } from './connection';
import type { ApiRequest, ProviderApi, RequestContext } from './types';

/**
 * What a failed request means, in words, with every secret of the credential
 * masked: the provider's refusal, a missing token, or no answer at all (and
 * whether the request may still have reached the provider).
 */

export const METHODS_WITH_EFFECTS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether an error is a token renewal that the provider refused: its refresh token
 * was not valid (any more). n8n 2.x words it "needs to be reconnected"; n8n 1.x
 * passes on the OAuth2 client's `EAUTH` error for the `invalid_grant` answer, or
 * (wrapped in a NodeApiError, which drops the cause) only its message.
 */
export function isRenewalRefused(error: unknown): boolean {
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

export async function toApiError(
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
export async function notJsonError(
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
