import type { INode } from 'n8n-workflow';
import * as n8nWorkflow from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

/**
 * The execution's Stop. n8n aborts an execution's cancel signal when the user
 * presses Stop (or the execution times out); it then no longer waits for the
 * node. The node honours it between items, in every wait and in requests, so that
 * nothing is sent after the Stop, and it says truly what was and was not sent.
 */

/** The execution's cancel signal; dropdowns, hooks and polls have none. */
export function cancelSignalOf(ctx: object): AbortSignal | undefined {
	const get = (ctx as { getExecutionCancelSignal?: () => AbortSignal | undefined })
		.getExecutionCancelSignal;
	return typeof get === 'function' ? get.call(ctx) : undefined;
}

/** Whether the execution was stopped. */
export function isStopped(ctx: object): boolean {
	return cancelSignalOf(ctx)?.aborted === true;
}

type AbortableSleep = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * n8n 1.x's n8n-workflow has `sleepWithAbort` (its `sleep` takes no signal); in
 * n8n 2.x `sleep` itself takes the signal, and `sleepWithAbort` is gone.
 */
const abortableSleep: AbortableSleep =
	(n8nWorkflow as unknown as { sleepWithAbort?: AbortableSleep }).sleepWithAbort ??
	(sleep as AbortableSleep);

/**
 * Waits `ms` (or until `sooner` settles, if given), unless the execution is
 * stopped first: true when the wait ran its course, false (at once) when the
 * execution was stopped before or during it.
 */
export async function waitUnlessStopped(
	ctx: object,
	ms: number,
	sooner?: Promise<void>,
): Promise<boolean> {
	const signal = cancelSignalOf(ctx);
	const ends = sooner ? [sooner] : [];
	if (!signal) {
		await Promise.race([sleep(ms), ...ends]);
		return true;
	}
	if (signal.aborted) return false;
	let onAbort = () => {};
	// Whatever n8n's sleep does with the signal, the Stop ends the wait here.
	const stopped = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([abortableSleep(ms, signal).catch(() => undefined), stopped, ...ends]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
	return !signal.aborted;
}

const stopErrors = new WeakSet<Error>();

/** The error of an item the Stop ended. */
export function stopError(
	node: INode,
	message: string,
	description: string,
	itemIndex?: number,
): NodeOperationError {
	const error = new NodeOperationError(node, message, { description, itemIndex });
	stopErrors.add(error);
	return error;
}

export function isStopError(error: unknown): error is NodeOperationError {
	return error instanceof Error && stopErrors.has(error);
}

/** "Item 4", "Items 4–199". */
function itemRange(first: number, last: number): string {
	return first === last ? `Item ${first}` : `Items ${first}–${last}`;
}

/**
 * The node's error after a Stop cut its items short: the error of the first item
 * the Stop ended (or, if it came between two items, one saying so), with the items
 * not started named. Undefined when the Stop cut nothing short, or when an item's
 * own error had already ended the run (without Continue On Fail).
 */
export function stoppedRunError(
	node: INode,
	outcomes: ReadonlyArray<{ error: unknown } | object | undefined>,
	count: number,
): NodeOperationError | undefined {
	const errors = outcomes.map((o) => (o && 'error' in o ? o.error : undefined));
	const stopped = errors.findIndex((e) => isStopError(e));
	let notStartedFrom = 0;
	while (notStartedFrom < count && outcomes[notStartedFrom]) notStartedFrom++;
	if (stopped === -1 && (notStartedFrom === count || errors.some((e) => e !== undefined)))
		return undefined;
	const notStarted =
		notStartedFrom < count
			? ` ${itemRange(notStartedFrom, count - 1)} ${notStartedFrom === count - 1 ? 'was' : 'were'} not started.`
			: '';
	if (stopped !== -1) {
		const error = errors[stopped] as NodeOperationError;
		error.description = `${error.description ?? ''}${notStarted}`.trim();
		if (error.context.itemIndex === undefined) error.context.itemIndex = stopped;
		return error;
	}
	return stopError(
		node,
		'The execution was stopped between two items: nothing was sent after the Stop',
		`Every item before item ${notStartedFrom} had run.${notStarted}`,
		notStartedFrom,
	);
}

/** Where in a request the Stop came. */
export type StopPoint = 'before' | 'rateLimit' | 'renewal' | 'underway';

/** The error of a request the Stop ended, saying truly what was and was not sent. */
export function requestStopped(
	node: INode,
	provider: string,
	point: StopPoint,
	request?: { method: string; path: string },
	itemIndex?: number,
	hasEffects = false,
): NodeOperationError {
	const nothingSent = 'nothing was sent after the Stop';
	const what = request ? `${request.method} ${request.path}` : 'The request';
	switch (point) {
		case 'rateLimit':
			return stopError(
				node,
				`The execution was stopped while waiting out ${provider}'s rate limit: ${nothingSent}`,
				`${provider} had refused the request (429) before doing anything, and it was not sent again, so nothing was done.`,
				itemIndex,
			);
		case 'renewal':
			return stopError(
				node,
				`The execution was stopped while the access token was being renewed: ${nothingSent}`,
				`${provider} had refused the request before processing it (its token had expired), and it was not sent again, so nothing was done.`,
				itemIndex,
			);
		case 'underway':
			return stopError(
				node,
				`The execution was stopped while the request to ${provider} was under way`,
				hasEffects
					? `${what} was abandoned without an answer: it may have reached ${provider}, and it was not repeated. Nothing was sent after the Stop.`
					: `${what} was abandoned without an answer; a read changes nothing. Nothing was sent after the Stop.`,
				itemIndex,
			);
		default:
			return stopError(
				node,
				`The execution was stopped before the request to ${provider} was sent: ${nothingSent}`,
				`${what} was not sent.`,
				itemIndex,
			);
	}
}
