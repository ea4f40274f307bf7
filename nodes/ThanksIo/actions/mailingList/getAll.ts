import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { apiRequestAllItems } from '../../transport';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many mailing lists',
	description: 'List your mailing lists',
};

export const description: INodeProperties[] = [...returnAllOrLimit()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	return await apiRequestAllItems.call(this, { path: '/mailing-lists/' }, limit, itemIndex);
}
