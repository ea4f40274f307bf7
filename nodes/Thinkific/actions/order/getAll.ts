import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { getList } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many orders',
	description:
		"List the orders made with Thinkific's checkout. Thinkific's API offers no filters for orders.",
};

export const description: INodeProperties[] = [...returnAllOrLimit()];

export const execute = getList('/orders');
