import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../shared/listSearch';
import { listChecks } from '../transport';

function recipientName(check: IDataObject): string {
	const recipient = (check.recipient ?? {}) as IDataObject;
	const personal =
		`${String(recipient.firstname ?? '')} ${String(recipient.lastname ?? '')}`.trim();
	return String(recipient.name ?? '').trim() || personal;
}

/**
 * Checks by subject, recipient (name, email, mobile number) or ID, looked for on
 * this side in the list of checks (read in one request; see `checkRoutes.list`).
 */
export async function searchChecks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		{
			page: async () => ({ items: await listChecks.call(this), hasMore: false }),
			texts: (check) => {
				const recipient = (check.recipient ?? {}) as IDataObject;
				return [check.subject, recipientName(check), recipient.email, recipient.mobile, check.id];
			},
			entry: (check) => {
				const who = recipientName(check);
				const when = String(check.created ?? '').slice(0, 10);
				return {
					name: `${String(check.subject ?? check.id)}${who ? ` – ${who}` : ''}${when ? ` (${when})` : ''}`,
					value: String(check.id),
				};
			},
		},
		filter,
		paginationToken,
	);
}
