import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { categoryLocator } from '../locators';
import { getList } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get Products',
	value: 'getProducts',
	action: 'Get the products of a category',
	description: 'List the products in a category',
};

export const description: INodeProperties[] = [categoryLocator, ...returnAllOrLimit()];

export const execute = getList('/collections/{id}/products', categoryLocator);
