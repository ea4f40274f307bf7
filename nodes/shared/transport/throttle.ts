import { waitUnlessStopped } from '../cancel';

/**
 * A provider's limit on requests per second (ThroughLine: 30 a second per IP
 * address), kept by this n8n process as a whole: the state is module-level, so
 * every execution running in the process, and every item of each, draws from the
 * same limit. Any provider's transport config can name one (see
 * `ProviderApi.requestsPerSecond`).
 *
 * A request counts against the limit from the moment it is sent until one window
 * after its answer came. The provider counts it at some moment in between (when it
 * arrives), so however long requests take on the way, the provider never sees more
 * than the limit within one window.
 */

/** The window the limit counts over. */
const WINDOW_MS = 1_000;

interface Limit {
	/** Requests sent and not answered yet. */
	inFlight: number;
	/** When the answers of the last window came, oldest first. */
	answered: number[];
	/** Waiting requests, woken when a request in flight is answered. */
	waiters: Array<() => void>;
}

/** Per provider API (its base URL). */
const limits = new Map<string, Limit>();

function limitOf(key: string): Limit {
	let limit = limits.get(key);
	if (!limit) {
		limit = { inFlight: 0, answered: [], waiters: [] };
		limits.set(key, limit);
	}
	return limit;
}

/** Ends a request's hold on the limit: it counts for one more window. */
function release(limit: Limit): void {
	limit.inFlight--;
	limit.answered.push(Date.now());
	for (const wake of limit.waiters.splice(0)) wake();
}

/** A limit: `perSecond` requests a second to the API known by `key` (its base URL). */
export interface Throttle {
	key: string;
	perSecond: number;
}

/**
 * Waits until a request may be sent under the limit (at once when there is none),
 * unless the execution is stopped first. Returns the function to call once the
 * request is answered (or failed), or undefined when the execution was stopped.
 */
export async function takeSlot(
	ctx: object,
	throttle: Throttle | undefined,
): Promise<(() => void) | undefined> {
	if (!throttle) return () => {};
	const limit = limitOf(throttle.key);
	const most = Math.max(1, Math.floor(throttle.perSecond));
	for (;;) {
		const now = Date.now();
		while (limit.answered.length && limit.answered[0] <= now - WINDOW_MS) limit.answered.shift();
		if (limit.inFlight + limit.answered.length < most) {
			limit.inFlight++;
			let held = true;
			return () => {
				if (held) release(limit);
				held = false;
			};
		}
		// Until the oldest answer leaves the window, or a request in flight is answered.
		const answer = new Promise<void>((resolve) => limit.waiters.push(resolve));
		const ms = limit.answered.length ? limit.answered[0] + WINDOW_MS - now : WINDOW_MS;
		if (!(await waitUnlessStopped(ctx, ms, answer))) return undefined;
	}
}

/**
 * Why a limit given in a credential cannot be used, or undefined: a number of
 * requests per second, at least 1.
 */
export function describeBadRate(value: unknown, label: string): string | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 1
		? undefined
		: `The credential's "${label}" must be a number of at least 1.`;
}
