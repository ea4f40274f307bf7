import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, RunState } from '../../../shared/router';
import { listCountries } from '../../transport';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many countries',
	description: 'List the countries ThroughLine covers, with their emergency numbers',
};

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	_itemIndex: number,
	state: RunState,
): Promise<IDataObject[]> {
	return await state.memo('countries', async () => await listCountries.call(this));
}
