import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { getList } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many products',
	description: 'List the products of the site: its courses and bundles as they are sold',
};

export const description: INodeProperties[] = [...returnAllOrLimit()];

export const execute = getList('/products');
