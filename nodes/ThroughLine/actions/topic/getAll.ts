import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, RunState } from '../../../shared/router';
import { listTopics } from '../../transport';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many topics',
	description: 'List the topics helplines can be searched by',
};

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	state: RunState,
): Promise<IDataObject[]> {
	return await state.memo('topics', async () => await listTopics.call(this));
}
