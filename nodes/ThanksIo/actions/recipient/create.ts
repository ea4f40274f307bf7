import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import { thanksIoRequest } from '../../transport';
import { mailingListField, readListRecipient, recipientFields } from '../fields';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Add',
	value: 'create',
	action: 'Add a recipient to a mailing list',
	description: 'Add recipients to a mailing list, one per input item',
};

export const description: INodeProperties[] = [
	mailingListField,
	{
		displayName: 'Requests',
		name: 'addMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Request per Input Item',
				value: 'perItem',
				description: 'Each input item is added on its own',
			},
			{
				name: 'One Request for All Input Items',
				value: 'allItems',
				description:
					'All input items are added in one request (the mailing list is taken from the first item)',
			},
		],
		default: 'perItem',
	},
	...recipientFields(),
];

interface Batch {
	refused: Map<number, Error>;
	sent: number[];
	answer?: IDataObject[];
	error?: Error;
}

async function addAll(ctx: IExecuteFunctions): Promise<Batch> {
	const batch: Batch = { refused: new Map(), sent: [] };
	const records: IDataObject[] = [];
	const continueOnFail = ctx.continueOnFail();
	let listId: number | undefined;
	for (let itemIndex = 0; itemIndex < ctx.getInputData().length; itemIndex++) {
		try {
			listId ??= requiredId(ctx, itemIndex, 'mailingListId', 'Mailing List');
			// The API's schema names the list `mailing_list_id`, its example `mailing_list`: both are sent.
			records.push({
				mailing_list_id: listId,
				mailing_list: listId,
				...readListRecipient(ctx, itemIndex),
			});
			batch.sent.push(itemIndex);
		} catch (error) {
			if (!continueOnFail) {
				batch.error = error as Error;
				batch.sent = [];
				return batch;
			}
			batch.refused.set(itemIndex, error as Error);
		}
	}
	if (batch.sent.length === 0) return batch;
	try {
		const answer = (await thanksIoRequest.call(
			ctx,
			'POST',
			'/recipients-utils/create-multiple',
			{ body: records },
			batch.sent[0],
		)) as unknown;
		batch.answer = Array.isArray(answer) ? (answer as IDataObject[]) : [answer as IDataObject];
	} catch (error) {
		batch.error = error as Error;
	}
	return batch;
}

async function executeBatch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	const batch = await state.memo('recipientBatch', async () => await addAll(ctx));
	const refused = batch.refused.get(itemIndex);
	if (refused) throw refused;
	if (batch.sent.length === 0 && batch.error) throw batch.error;
	if (itemIndex !== batch.sent[0]) return [];
	if (batch.error) {
		if (!ctx.continueOnFail()) throw batch.error;
		return [
			{ json: { error: batch.error.message }, pairedItem: batch.sent.map((item) => ({ item })) },
		];
	}
	const answer = batch.answer ?? [];
	// One answer per record, in order: each is paired with its input item.
	const paired = answer.length === batch.sent.length;
	const output: INodeExecutionData[] = answer.map((json, index) => ({
		json,
		pairedItem: paired ? { item: batch.sent[index] } : batch.sent.map((item) => ({ item })),
	}));
	return output;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	if (this.getNodeParameter('addMode', 0, 'perItem') === 'allItems') {
		return await executeBatch(this, itemIndex, state);
	}
	const listId = requiredId(this, itemIndex, 'mailingListId', 'Mailing List');
	const body = { mailing_list_id: listId, ...readListRecipient(this, itemIndex) };
	return await thanksIoRequest.call(this, 'POST', '/recipients', { body }, itemIndex);
}
