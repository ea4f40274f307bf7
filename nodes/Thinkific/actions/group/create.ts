import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { requiredText } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	action: 'Create a group',
	description: 'Add a group of students, such as a team or a class',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Sales team',
		description: 'The name of the group. Users are added to a group by its name.',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = { name: requiredText(this, itemIndex, 'name', 'Name') };
	return await apiRequest.call(this, { method: 'POST', path: '/groups', body }, itemIndex);
}
