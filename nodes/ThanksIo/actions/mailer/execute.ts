import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readText } from '../../../shared/parameters';
import type { OperationResult, RunState } from '../../../shared/router';
import { batchOutputFor, sendOnceForAllItems } from '../../../shared/router';
import type { MailerType } from '../../transport';
import { apiRequest } from '../../transport';
import { readMailRecipient } from '../fields';
import { audienceOf, contentOf } from './content';
import { MAILER_KINDS } from './kinds';

/** Sending: one order per input item, or one order for all of them. */

/** An order answer, or the preview images when nothing was sent. */
function resultOf(answer: IDataObject | undefined, preview: boolean): IDataObject {
	if (preview) {
		const data = (answer?.data ?? {}) as IDataObject;
		return { preview: true, previews: (data.previews as string[] | undefined) ?? [] };
	}
	return (answer?.order as IDataObject | undefined) ?? answer ?? {};
}

async function send(
	ctx: IExecuteFunctions,
	type: MailerType,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const answer = await apiRequest.call(
		ctx,
		{ method: 'POST', path: MAILER_KINDS[type].path, body },
		itemIndex,
	);
	return resultOf(answer, body.preview === true);
}

/**
 * "One order for all input items": every item's recipient is read and checked
 * first, then one request sends them all; the order is paired with every item.
 */
async function executeBatch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
	type: MailerType,
): Promise<OperationResult> {
	const batch = await sendOnceForAllItems(
		ctx,
		state,
		'mailerBatch',
		(item) => readMailRecipient(ctx, item),
		async (recipients, firstItem) => {
			const body = await contentOf(ctx, firstItem, state, type);
			return await send(ctx, type, { ...body, recipients }, firstItem);
		},
	);
	return batchOutputFor(ctx, batch, itemIndex, (result, items) => [
		{
			json: { ...result, recipientCount: items.length },
			pairedItem: items.map((item) => ({ item })),
		},
	]);
}

/** Sends one mailer per input item, or one for all of them. */
export async function executeMailer(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
	type: MailerType,
): Promise<OperationResult> {
	const audience = readText(ctx, 0, 'audience');
	const orderMode = audience === 'recipients' ? readText(ctx, 0, 'orderMode') || 'perItem' : '';
	if (orderMode === 'allItems') return await executeBatch(ctx, itemIndex, state, type);
	const target = audienceOf(ctx, itemIndex);
	const body = await contentOf(ctx, itemIndex, state, type);
	return await send(ctx, type, { ...body, ...target }, itemIndex);
}
