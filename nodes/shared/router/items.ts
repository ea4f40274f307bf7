import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isStopped, stoppedRunError } from '../cancel';
import { addHint } from '../hints';
import type { OperationResult, ResourceMap, RunState } from './operations';
import { RETRY_ON_FAIL_WARNING } from './operations';

/** The item loop: runs the chosen operation for every input item, in order. */

/** How many items a reading operation reads at once. */
const PARALLEL_READS = 8;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return !!value && typeof value === 'object' && 'json' in value && 'pairedItem' in value;
}

type NodeError = NodeApiError | NodeOperationError;

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
	// "Custom API Call", which n8n adds to the lists, has no Operation field of its own.
	const operation = this.getNodeParameter('operation', 0, '') as string;
	if (resource === CUSTOM_API_CALL || operation === CUSTOM_API_CALL) throw customApiCallError(this);
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

/** The value n8n gives the "Custom API Call" option it adds to every Resource and Operation list. */
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

/**
 * n8n adds "Custom API Call" to the Resource and Operation lists of every node whose
 * credentials n8n's HTTP Request node can use, and leaves the call to that node, as
 * n8n's own nodes do: the error says how to set it up with the same credential.
 */
function customApiCallError(ctx: IExecuteFunctions): NodeOperationError {
	const [credential] = Object.values(ctx.getNode().credentials ?? {});
	const which = credential?.name ? `the credential "${credential.name}"` : "this node's credential";
	return new NodeOperationError(
		ctx.getNode(),
		'"Custom API Call" is made with n8n\'s HTTP Request node, not with this node',
		{
			description: `Add an HTTP Request node, set its Authentication to "Predefined Credential Type", choose this node's credential type and ${which}, and enter the method and the full URL of the API route. n8n then signs the request as this node does. Here, choose one of the listed operations instead.`,
		},
	);
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
