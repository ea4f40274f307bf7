import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import { batchOutputFor, sendOnceForAllItems } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { mailingListField, recipientFields } from '../fields';
import { readListRecord } from './fields';

export const option: OperationModule['option'] = {
	name: 'Add Many',
	value: 'createMany',
	action: 'Add many recipients to mailing lists',
	description: "Add every input item's recipient to a mailing list, all in one request",
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{
		...mailingListField,
		description:
			"The mailing list: search your lists by name, or give its ID. An expression may give each item's own list.",
	},
	{
		displayName:
			'All input items are added in one request. A recipient thanks.io refuses, such as an address already on the list, fails the node; with "On Error" set to continue it becomes an error item and the others are added.',
		name: 'createManyNotice',
		type: 'notice',
		default: '',
	},
	...recipientFields(),
];

/** thanks.io documents no limit on the recipients of one request: all items go in one. */
const PATH = '/recipients-utils/create-multiple';

function isRefused(entry: IDataObject): boolean {
	return entry.error !== undefined && entry.error !== null && entry.error !== '';
}

function listOf(items: number[]): string {
	const shown = items.slice(0, 10).join(', ');
	return items.length > 10 ? `${shown}, …` : shown;
}

/** The error for recipients thanks.io refused, when the node is to stop. */
function refusedError(
	ctx: IExecuteFunctions,
	answer: IDataObject[],
	items: number[],
	refused: number[],
): NodeOperationError {
	const first = refused[0];
	const added = items.length - refused.length;
	const which = refused.length === 1 ? 'item' : 'items';
	return new NodeOperationError(
		ctx.getNode(),
		`thanks.io did not add the recipient of item ${items[first]}: ${String(answer[first].error)}`,
		{
			itemIndex: items[first],
			description:
				`thanks.io refused ${refused.length} of the ${items.length} recipients sent in one request ` +
				`(${which} ${listOf(refused.map((index) => items[index]))}) and added ` +
				`${added === 0 ? 'none' : `the other ${added}`}. Nothing was sent again. ` +
				'To get one output item per recipient, set "On Error" to continue.',
		},
	);
}

/**
 * Every item's recipient is read and checked first, then one request adds them all
 * (each to its own item's list); it is made once per execution and never repeated.
 * thanks.io answers with one entry per recipient, in the order sent: the recipient
 * as stored, or with an `error` where it was refused. Each item gets its own entry;
 * an answer of another length is given once, paired with every item sent.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	const batch = await sendOnceForAllItems(
		this,
		state,
		'recipientBatch',
		(item) => readListRecord(this, item),
		async (records, firstItem) => {
			const answer = (await apiRequest.call(
				this,
				{ method: 'POST', path: PATH, body: records },
				firstItem,
			)) as unknown;
			return Array.isArray(answer) ? (answer as IDataObject[]) : [answer as IDataObject];
		},
	);
	const { items, result: answer } = batch;
	const position = items.indexOf(itemIndex);
	if (batch.error || !answer || answer.length !== items.length || position < 0) {
		return batchOutputFor(this, batch, itemIndex, (entries) =>
			entries.map((json) => ({ json, pairedItem: items.map((item) => ({ item })) })),
		);
	}
	if (position === 0 && !this.continueOnFail()) {
		const refused = answer.flatMap((entry, index) => (isRefused(entry) ? [index] : []));
		if (refused.length > 0) throw refusedError(this, answer, items, refused);
	}
	return [{ json: answer[position], pairedItem: { item: itemIndex } }];
}
