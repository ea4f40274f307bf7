import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { groupLocator, readUserId, userLocator } from '../locators';
import { requiredId } from '../validate';

/** The group and the user of Add Analyst and Remove Analyst. */
export const analystFields: INodeProperties[] = [
	groupLocator,
	{
		...userLocator,
		description:
			'The user: from the list, by ID or by email. Only users with the Group Analyst role can be analysts.',
	},
];

export async function readAnalyst(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<{ groupId: number; userId: number }> {
	const groupId = requiredId(ctx, itemIndex, 'groupId', 'Group');
	return { groupId, userId: await readUserId(ctx, itemIndex, 'userId', 'User') };
}
