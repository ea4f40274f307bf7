import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isStopError } from '../cancel';
import type { RunState } from './operations';
import { errorOutput } from './items';

/** Operations that make one request for all input items (thanks.io's mailers). */

/** The outcome of one request made for all input items. */
export interface Batch<R> {
	/** The items whose part went into the request. */
	items: number[];
	/** Items left out before sending, with their error (only with Continue On Fail). */
	refused: Map<number, Error>;
	result?: R;
	error?: Error;
}

/**
 * For operations that make one request for all input items: every item's part is
 * read and checked first (without Continue On Fail, a bad item stops the batch
 * before anything is sent), then `send` makes the one request. It runs once per
 * execution under `key` and its outcome is kept, never re-run, so a failed send
 * is not repeated for the next item.
 */
export async function sendOnceForAllItems<T, R>(
	ctx: IExecuteFunctions,
	state: RunState,
	key: string,
	read: (itemIndex: number) => T,
	send: (parts: T[], firstItem: number) => Promise<R>,
): Promise<Batch<R>> {
	return await state.memo(key, async () => {
		const batch: Batch<R> = { items: [], refused: new Map() };
		const parts: T[] = [];
		const continueOnFail = ctx.continueOnFail();
		const count = ctx.getInputData().length;
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			try {
				parts.push(read(itemIndex));
				batch.items.push(itemIndex);
			} catch (error) {
				if (!continueOnFail) return { items: [], refused: new Map(), error: error as Error };
				batch.refused.set(itemIndex, error as Error);
			}
		}
		if (batch.items.length === 0) return batch;
		try {
			batch.result = await send(parts, batch.items[0]);
		} catch (error) {
			batch.error = error as Error;
		}
		return batch;
	});
}

/**
 * One item's share of a batch's output: its own refusal if it was left out, the
 * outcome (paired with every item sent) on the first item sent, nothing on the others.
 */
export function batchOutputFor<R>(
	ctx: IExecuteFunctions,
	batch: Batch<R>,
	itemIndex: number,
	toOutput: (result: R, items: number[]) => INodeExecutionData[],
): INodeExecutionData[] {
	const refused = batch.refused.get(itemIndex);
	if (refused) throw refused;
	if (batch.error && (batch.items.length === 0 || isStopError(batch.error))) throw batch.error;
	if (itemIndex !== batch.items[0]) return [];
	if (batch.error) {
		if (!ctx.continueOnFail()) throw batch.error;
		return [
			errorOutput(
				batch.error,
				batch.items.map((item) => ({ item })),
			),
		];
	}
	return toOutput(batch.result as R, batch.items);
}
