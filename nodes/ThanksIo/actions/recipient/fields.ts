import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readListRecipient } from '../fields';
import { RECIPIENT_FIELDS } from '../mailer/kinds';
import { requiredId } from '../validate';

export const recipientIdField: INodeProperties = {
	displayName: 'Recipient ID',
	name: 'recipientId',
	type: 'string',
	required: true,
	default: '',
	description: 'The ID of the recipient, as returned when it was added or listed',
};

/** One item's recipient with its mailing list, as thanks.io takes a recipient to add. */
export function readListRecord(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const listId = requiredId(ctx, itemIndex, 'mailingListId', 'Mailing List');
	return { [RECIPIENT_FIELDS.mailingList.name]: listId, ...readListRecipient(ctx, itemIndex) };
}
