import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { getList } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many categories',
	description: 'List the categories of the site',
};

export const description: INodeProperties[] = [...returnAllOrLimit()];

export const execute = getList('/collections');
