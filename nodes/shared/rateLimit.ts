/**
 * How long to wait after a 429 answer. A 429 is the one answer that is retried
 * for every method: the provider rejected the request before processing it.
 */

export const RATE_LIMIT_MAX_RETRIES = 5;
/** Longer waits are not slept through: the item fails with the time to retry. */
export const RATE_LIMIT_MAX_WAIT_MS = 120_000;
/** The shortest wait, whatever the provider says: `Retry-After: 0` must not retry at once. */
export const RATE_LIMIT_MIN_WAIT_MS = 1_000;
/** Without a hint from the provider: 1 s, doubled on each further attempt. */
const FALLBACK_WAIT_MS = 1_000;

type Headers = Record<string, unknown> | undefined;

export interface RateLimitWait {
	ms: number;
	/** Whether the provider named the wait (a header), rather than this package guessing it. */
	fromProvider: boolean;
}

function header(headers: Headers, name: string): string | undefined {
	if (!headers) return undefined;
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name) {
			const first = Array.isArray(value) ? value[0] : value;
			const text = first === undefined || first === null ? '' : String(first).trim();
			return text === '' ? undefined : text;
		}
	}
	return undefined;
}

/**
 * The wait a `RateLimit-Reset` value asks for. Thinkific documents it both as the
 * epoch time of the reset and as milliseconds until the reset, and the IETF draft
 * defines seconds until the reset. Values that can only be epochs are read as
 * such (≥ 10^12 epoch milliseconds, ≥ 10^9 epoch seconds); a smaller value is
 * read both as seconds and as milliseconds to wait, and the longer reading that
 * still fits under the cap wins, so that retries are never spent too early.
 */
function resetWaitMs(value: number, now: number): number {
	if (value >= 1e12) return value - now;
	if (value >= 1e9) return value * 1000 - now;
	const readings = [value * 1000, value];
	const fitting = readings.filter((ms) => ms <= RATE_LIMIT_MAX_WAIT_MS);
	return fitting.length ? Math.max(...fitting) : Math.min(...readings);
}

/**
 * Milliseconds to wait before retrying, from the answer's headers:
 * - `Retry-After`: seconds, or an HTTP date;
 * - `RateLimit-Reset` / `X-RateLimit-Reset`: see `resetWaitMs`;
 * - none of these: 1 s, doubled on each further attempt (`fromProvider` false).
 * Never less than `RATE_LIMIT_MIN_WAIT_MS`.
 */
export function rateLimitWait(headers: Headers, attempt: number, now = Date.now()): RateLimitWait {
	const floor = (ms: number) => Math.max(RATE_LIMIT_MIN_WAIT_MS, Math.ceil(ms));
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return { ms: floor(seconds * 1000), fromProvider: true };
		const date = Date.parse(retryAfter);
		if (Number.isFinite(date)) return { ms: floor(date - now), fromProvider: true };
	}
	const reset = header(headers, 'ratelimit-reset') ?? header(headers, 'x-ratelimit-reset');
	if (reset !== undefined && Number.isFinite(Number(reset))) {
		return { ms: floor(resetWaitMs(Number(reset), now)), fromProvider: true };
	}
	return { ms: FALLBACK_WAIT_MS * 2 ** attempt, fromProvider: false };
}
