import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { optionalDateOf } from '../../../shared/parameters';
import { RECIPIENT_PAGING, apiRequestAllItems } from '../../transport';
import { mailingListField } from '../fields';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Get Recipients',
	value: 'getRecipients',
	action: 'Get the recipients of a mailing list',
	description: 'List the recipients on a mailing list',
};

export const description: INodeProperties[] = [
	mailingListField,
	...returnAllOrLimit(),
	{
		displayName: 'Updated Since',
		name: 'updatedSince',
		type: 'dateTime',
		default: '',
		description: 'Only recipients added or changed since then',
	},
];

function formatDate(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return (
		`${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
		`${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
	);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requiredId(this, itemIndex, 'mailingListId', 'Mailing List');
	const limit = readLimit(this, itemIndex);
	const qs: IDataObject = {};
	const since = optionalDateOf(
		this,
		itemIndex,
		this.getNodeParameter('updatedSince', itemIndex, ''),
		'Updated Since',
	);
	if (since !== undefined) qs.updated_since = formatDate(since);
	return await apiRequestAllItems.call(
		this,
		{ path: `/mailing-lists-utils/recipients/${id}`, qs, paging: RECIPIENT_PAGING },
		limit,
		itemIndex,
	);
}
