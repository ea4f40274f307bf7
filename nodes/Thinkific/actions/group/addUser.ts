import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, RunState } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { groupLocator, readUserId, userLocator } from '../locators';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Add User',
	value: 'addUser',
	action: 'Add a user to a group',
	description:
		'Make a user a member of a group. Thinkific may take some minutes to show the user in the group.',
};

/** A POST that makes a membership: not repeated by Retry On Fail either. */
export const sendsOnce = true;

export const description: INodeProperties[] = [
	{ ...groupLocator, description: 'The group to add the user to' },
	{ ...userLocator, description: 'The user to add: from the list, by ID or by email' },
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<IDataObject> {
	const groupId = requiredId(this, itemIndex, 'groupId', 'Group');
	const userId = await readUserId(this, itemIndex, 'userId', 'User');
	// Thinkific adds users to groups named by their *names*: the name is read once per run.
	const group = await state.memo(
		`group ${groupId}`,
		async () =>
			await apiRequest.call(this, { method: 'GET', path: `/groups/${groupId}` }, itemIndex),
	);
	const groupName = String(group.name);
	await apiRequest.call(
		this,
		{ method: 'POST', path: '/group_users', body: { user_id: userId, group_names: [groupName] } },
		itemIndex,
	);
	return { added: true, group_id: groupId, group_name: groupName, user_id: userId };
}
