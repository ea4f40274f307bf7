import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { soldProductLocator } from '../locators';
import { getList } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get Related',
	value: 'getRelated',
	action: 'Get related products',
	description: 'List the products shown as related to a product',
};

export const description: INodeProperties[] = [soldProductLocator, ...returnAllOrLimit()];

export const execute = getList('/products/{id}/related', soldProductLocator);
