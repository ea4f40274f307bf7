import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { analystFields, readAnalyst } from './fields';

export const option: OperationModule['option'] = {
	name: 'Add Analyst',
	value: 'addAnalyst',
	action: 'Add an analyst to a group',
	description:
		"Let a user with the Group Analyst role see a group's reports. Give the user that role first (User → Update → Roles).",
};

/** A POST that makes a membership: not repeated by Retry On Fail either. */
export const sendsOnce = true;

export const description: INodeProperties[] = analystFields;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { groupId, userId } = await readAnalyst(this, itemIndex);
	await apiRequest.call(
		this,
		{
			method: 'POST',
			path: `/groups/${groupId}/analysts`,
			body: { user_ids: [userId] },
			refusalHint: 'Only users with the Group Analyst role can be analysts of a group.',
		},
		itemIndex,
	);
	return { added: true, group_id: groupId, user_id: userId };
}
