import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { apiRequestAllItems } from '../../transport';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many courses',
	description: 'List the courses of the site',
};

export const description: INodeProperties[] = [...returnAllOrLimit()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await apiRequestAllItems.call(
		this,
		{ path: '/courses' },
		readLimit(this, itemIndex),
		itemIndex,
	);
}
