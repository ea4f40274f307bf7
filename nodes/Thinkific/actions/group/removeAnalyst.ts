import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { analystFields, readAnalyst } from './fields';

export const option: OperationModule['option'] = {
	name: 'Remove Analyst',
	value: 'removeAnalyst',
	action: 'Remove an analyst from a group',
	description:
		"Take a user's analyst access to a group away: the user no longer sees the group's reports. The user and the group stay.",
};

export const description: INodeProperties[] = analystFields;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { groupId, userId } = await readAnalyst(this, itemIndex);
	await apiRequest.call(
		this,
		{ method: 'DELETE', path: `/groups/${groupId}/analysts/${userId}` },
		itemIndex,
	);
	return { removed: true, group_id: groupId, user_id: userId };
}
