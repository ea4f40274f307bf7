/**
 * How long to wait after a 429 answer. A 429 is the one answer that is retried
 * for every method: the provider rejected the request before processing it.
 */

export const RATE_LIMIT_MAX_RETRIES = 5;
/** Longer waits are not slept through: the item fails with the time to retry. */
export const RATE_LIMIT_MAX_WAIT_MS = 120_000;
const FALLBACK_WAIT_MS = 1_000;

type Headers = Record<string, unknown> | undefined;

function header(headers: Headers, name: string): string | undefined {
	if (!headers) return undefined;
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name) {
			const first = Array.isArray(value) ? value[0] : value;
			return first === undefined || first === null ? undefined : String(first).trim();
		}
	}
	return undefined;
}

/**
 * Milliseconds to wait before retrying, from the answer's headers:
 * - `Retry-After`: seconds, or an HTTP date;
 * - `RateLimit-Reset` / `X-RateLimit-Reset`: read as epoch seconds when it is a
 *   plausible epoch (≥ 10^9), as epoch milliseconds when ≥ 10^12, and otherwise as
 *   milliseconds to wait (Thinkific documents both the epoch and the delay reading);
 * - none of these: 1 s, doubled on each further attempt.
 */
export function rateLimitWaitMs(headers: Headers, attempt: number, now = Date.now()): number {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined && retryAfter !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (Number.isFinite(date)) return Math.max(0, date - now);
	}
	const reset = header(headers, 'ratelimit-reset') ?? header(headers, 'x-ratelimit-reset');
	if (reset !== undefined && reset !== '' && Number.isFinite(Number(reset))) {
		const value = Number(reset);
		if (value >= 1e12) return Math.max(0, value - now);
		if (value >= 1e9) return Math.max(0, value * 1000 - now);
		return Math.max(0, value);
	}
	return FALLBACK_WAIT_MS * 2 ** attempt;
}
