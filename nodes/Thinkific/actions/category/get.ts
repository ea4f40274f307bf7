import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { categoryLocator } from '../locators';
import { getRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a category',
	description: 'Get one category with the IDs of its products',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [categoryLocator];

export const execute = getRecord('/collections/{id}', categoryLocator);
