import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requestStopped, waitUnlessStopped } from '../cancel';
import type { Connection, ExecutionState } from './connection';
import { accessTokenOf } from './connection';
import { isRenewalRefused } from './failures';
import type { ProviderApi, RequestContext } from './types';

/**
 * Token renewal. Requests ask n8n for error answers as they are
 * (`ignoreHttpStatusErrors`), so that their status and headers read the same on
 * n8n 1.x and 2.x (n8n-workflow 1.x's error class drops the wrapped answer). n8n
 * then renews nothing by itself: after a token-expired status the node renews
 * through n8n's own OAuth2 code (`refreshOAuth2Token`, which stores the token and a
 * rotated refresh token, and on 2.x takes n8n's lock across workers). On n8n 1.x,
 * which does not coordinate renewals between queue-mode workers, a renewal refused
 * because another worker used the refresh token first picks up the token that
 * worker saved (`tokenSavedElsewhere`).
 */

/**
 * Whether a refused request may be about an expired token: an OAuth2 credential,
 * and 401 or another status the provider uses for expired tokens (thanks.io: 403).
 * Error answers come back to the node as they are, so n8n renews nothing itself:
 * the node renews through n8n's own OAuth2 code (`renewToken`).
 */
export function isExpiredStatus(api: ProviderApi, connection: Connection, status?: number) {
	if (status === undefined || !api.credentials[connection.credentialType]?.oauth2) return false;
	const codes = api.oauth2?.tokenExpiredStatusCode;
	return status === 401 || (Array.isArray(codes) ? codes.includes(status) : codes === status);
}

/**
 * The bearer token a failed request was sent with, from the request's headers
 * (which n8n signs in place; see answerAsError). Used only to compare tokens,
 * never shown.
 */
export function tokenSentWith(error: unknown): string | undefined {
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
export async function renewToken(
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
