import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import { batchOutputFor, sendOnceForAllItems } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { mailingListField, readListRecipient, recipientFields } from '../fields';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Add',
	value: 'create',
	action: 'Add a recipient to a mailing list',
	description: 'Add recipients to a mailing list, one per input item',
};

export const sendsOnce = true;

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

/** "All items in one request": one answer per record, in order, each paired with its item. */
async function executeBatch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	let listId: number | undefined;
	const batch = await sendOnceForAllItems(
		ctx,
		state,
		'recipientBatch',
		(item) => {
			listId ??= requiredId(ctx, item, 'mailingListId', 'Mailing List');
			// The API's schema names the list `mailing_list_id`, its example `mailing_list`: both are sent.
			return { mailing_list_id: listId, mailing_list: listId, ...readListRecipient(ctx, item) };
		},
		async (records, firstItem) => {
			const answer = (await apiRequest.call(
				ctx,
				{ method: 'POST', path: '/recipients-utils/create-multiple', body: records },
				firstItem,
			)) as unknown;
			return Array.isArray(answer) ? (answer as IDataObject[]) : [answer as IDataObject];
		},
	);
	return batchOutputFor(ctx, batch, itemIndex, (answer, items) => {
		const paired = answer.length === items.length;
		return answer.map((json, index) => ({
			json,
			pairedItem: paired ? { item: items[index] } : items.map((item) => ({ item })),
		}));
	});
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
	return await apiRequest.call(this, { method: 'POST', path: '/recipients', body }, itemIndex);
}
