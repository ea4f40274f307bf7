import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { requiredPathSegment } from '../../../shared/parameters';
import { apiRequest } from '../../transport';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a helpline',
	description: 'Get one helpline by its ID',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [
	{
		displayName: 'Helpline ID',
		name: 'helplineId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID of the helpline, as returned by Search',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredPathSegment(this, itemIndex, 'helplineId', 'Helpline ID');
	const answer = await apiRequest.call(
		this,
		{ method: 'GET', path: `/helplines/${id}` },
		itemIndex,
	);
	return (answer.helpline as IDataObject | undefined) ?? answer;
}
