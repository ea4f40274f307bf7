import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import type { Paging } from '../../../shared/transport';
import { apiRequestAllItems, thinkificApi } from '../../transport';
import { groupLocator } from '../locators';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Get Analysts',
	value: 'getAnalysts',
	action: 'Get the analysts of a group',
	description: "List the users who can see a group's reports, one item per analyst",
};

export const description: INodeProperties[] = [groupLocator, ...returnAllOrLimit()];

/**
 * Thinkific's spec answers `{group_analysts: [user IDs]}` in one piece; any other
 * answer is read as Thinkific's paged lists are.
 */
const analystsPaging: Pick<Paging, 'read'> = {
	read(body, page, pageSize) {
		const listed = (body as { group_analysts?: unknown } | undefined)?.group_analysts;
		if (!Array.isArray(listed)) return thinkificApi.paging!.read(body, page, pageSize);
		const items = listed.map((entry: unknown) =>
			entry !== null && typeof entry === 'object'
				? (entry as IDataObject)
				: { user_id: entry as number },
		);
		return { items, hasMore: false };
	},
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const groupId = requiredId(this, itemIndex, 'groupId', 'Group');
	const analysts = await apiRequestAllItems.call(
		this,
		{ path: `/groups/${groupId}/analysts`, paging: analystsPaging },
		limit,
		itemIndex,
	);
	return analysts.map((analyst) => ({ ...analyst, group_id: analyst.group_id ?? groupId }));
}
