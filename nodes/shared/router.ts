import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	NodeExecutionHint,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isStopError, isStopped, stoppedRunError } from './cancel';

/** What lives for one execution of a node: lists fetched once and shared by all items. */
export interface RunState {
	memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

/** One operation file exports these (`sendsOnce` only where it applies). */
export interface OperationModule {
	option: INodePropertyOptions & { action: string };
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, state: RunState): Promise<OperationResult>;
	/** The operation sends mail, creates a record or takes payment: it must not run twice. */
	sendsOnce?: boolean;
	/**
	 * The operation only reads one record per item: items may be read side by side
	 * (`PARALLEL_READS` at a time), and the output keeps their order.
	 */
	readsOnly?: boolean;
}

/** How many items a reading operation reads at once. */
const PARALLEL_READS = 8;

const RETRY_ON_FAIL_WARNING =
	'"Retry On Fail" (in the node\'s settings) runs the whole node again after an error, so items that were already sent, created or paid would be sent again. Leave it off and set "On Error" to continue instead: this node already waits out rate limits and never repeats a request that may have reached the provider.';

/** The notice on every operation that sends, creates or charges (see `sendsOnce`). */
const sendsOnceNotice: INodeProperties = {
	displayName: RETRY_ON_FAIL_WARNING,
	name: 'sendsOnceNotice',
	type: 'notice',
	default: '',
};

export type ResourceMap = Record<string, Record<string, OperationModule>>;

type ShowConditions = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

function withShow(property: INodeProperties, show: ShowConditions): INodeProperties {
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...show },
		},
	};
}

/** The Operation selector of one resource followed by every operation's fields. */
export function resourceProperties(
	resource: string,
	operations: Record<string, OperationModule>,
	defaultOperation: string,
): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: Object.values(operations).map((op) => op.option),
		default: defaultOperation,
	};
	const fields = Object.values(operations).flatMap((op) =>
		[...(op.sendsOnce ? [sendsOnceNotice] : []), ...op.description].map((p) =>
			withShow(p, { resource: [resource], operation: [op.option.value] }),
		),
	);
	return [selector, ...fields];
}

/**
 * The node's subtitle on the canvas: the chosen operation as users read it
 * ("Get many mailing lists"), from each operation's `action` label, instead of
 * the raw values ("getAll: mailingList").
 */
export function operationSubtitle(resources: ResourceMap): string {
	const labels: Record<string, string> = {};
	for (const [resource, operations] of Object.entries(resources)) {
		for (const operation of Object.values(operations)) {
			labels[`${resource}:${operation.option.value}`] = operation.option.action;
		}
	}
	return `={{ (${JSON.stringify(labels)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}

function isExecutionData(value: unknown): value is INodeExecutionData {
	return !!value && typeof value === 'object' && 'json' in value && 'pairedItem' in value;
}

type NodeError = NodeApiError | NodeOperationError;

/** Shows a hint with the node's output (n8n versions without execution hints skip it). */
export function addHint(ctx: IExecuteFunctions, hint: NodeExecutionHint): void {
	if (typeof ctx.addExecutionHints === 'function') ctx.addExecutionHints(hint);
}

/**
 * The output item of a failed item under "Continue On Fail": the message, and the
 * description and HTTP status code when there are any (the description says, for
 * example, that a request may have reached the provider and was not repeated).
 */
export function errorOutput(
	error: Error,
	pairedItem: INodeExecutionData['pairedItem'],
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const { description, httpCode } = error as Partial<NodeError> & { httpCode?: string | null };
	if (description) json.description = description;
	if (httpCode) json.httpCode = httpCode;
	return { json, pairedItem };
}

/**
 * Runs the chosen operation for every input item, in order, pairing each output
 * item with its input item. With "Continue On Fail", a failed item becomes an
 * output item `{ error }` and the other items still run.
 */
export async function runOperations(
	this: IExecuteFunctions,
	resources: ResourceMap,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation];
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const cache = new Map<string, Promise<unknown>>();
	const state: RunState = {
		memo<T>(key: string, load: () => Promise<T>): Promise<T> {
			let value = cache.get(key) as Promise<T> | undefined;
			if (!value) {
				value = load();
				cache.set(key, value);
				value.catch(() => cache.delete(key));
			}
			return value;
		},
	};
	if (module.sendsOnce && this.getNode().retryOnFail) {
		addHint(this, { message: RETRY_ON_FAIL_WARNING, type: 'warning', location: 'outputPane' });
	}
	const outcomes = await runItems(
		items.length,
		module.readsOnly ? PARALLEL_READS : 1,
		!this.continueOnFail(),
		async (itemIndex) => await module.execute.call(this, itemIndex, state),
		() => isStopped(this),
	);
	// After a Stop, the node ends with what was and was not sent, Continue On Fail or not.
	const stopped = isStopped(this) && stoppedRunError(this.getNode(), outcomes, items.length);
	if (stopped) throw stopped;
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if (!outcome) continue; // not run: an earlier item failed
		if ('result' in outcome) {
			const list = Array.isArray(outcome.result) ? outcome.result : [outcome.result];
			for (const entry of list) {
				output.push(
					isExecutionData(entry)
						? entry
						: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
				);
			}
			continue;
		}
		const caught = outcome.error;
		const error =
			caught instanceof NodeApiError || caught instanceof NodeOperationError
				? caught
				: new NodeOperationError(this.getNode(), caught as Error, { itemIndex });
		if (this.continueOnFail()) {
			output.push(errorOutput(error, { item: itemIndex }));
			continue;
		}
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		throw error;
	}
	return [output];
}

type ItemOutcome = { result: OperationResult } | { error: unknown };

/**
 * Runs `run` for every item index, `parallel` at a time, in order of the items.
 * With `stopOnError` (no Continue On Fail), a failure stops the items not yet
 * started; side by side, those already started finish. Side by side, the first
 * item runs alone, so that it fetches the token the other items then share. Once
 * `stopped` (the execution's Stop), no further item is started.
 */
async function runItems(
	count: number,
	parallel: number,
	stopOnError: boolean,
	run: (itemIndex: number) => Promise<OperationResult>,
	stopped: () => boolean,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	const runOne = async (itemIndex: number): Promise<ItemOutcome> => {
		try {
			return { result: await run(itemIndex) };
		} catch (error) {
			return { error };
		}
	};
	if (parallel <= 1 || count <= 1) {
		for (let itemIndex = 0; itemIndex < count && !stopped(); itemIndex++) {
			const outcome = await runOne(itemIndex);
			outcomes.push(outcome);
			if (stopOnError && 'error' in outcome) break;
		}
		return outcomes;
	}
	outcomes.push(await runOne(0));
	let next = stopOnError && 'error' in outcomes[0] ? count : 1;
	const worker = async () => {
		while (next < count && !stopped()) {
			const itemIndex = next++;
			outcomes[itemIndex] = await runOne(itemIndex);
			if (stopOnError && 'error' in outcomes[itemIndex]) next = count;
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, count - 1) }, worker));
	return outcomes;
}

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
