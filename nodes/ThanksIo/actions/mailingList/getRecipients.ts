import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { MAX_RECIPIENTS_PER_PAGE, listAll } from '../../transport';
import { mailingListField } from '../fields';
import { requiredId, text } from '../validate';

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
	const since = text(this, itemIndex, 'updatedSince');
	if (since !== '') {
		const date = new Date(since);
		if (Number.isNaN(date.getTime())) {
			throw invalidParameter(
				this.getNode(),
				itemIndex,
				'Updated Since',
				`"${since}" is not a date`,
			);
		}
		qs.updated_since = formatDate(date);
	}
	return await listAll.call(
		this,
		`/mailing-lists-utils/recipients/${id}`,
		{ qs, limit, sizeParameter: 'limit', maxPageSize: MAX_RECIPIENTS_PER_PAGE },
		itemIndex,
	);
}
