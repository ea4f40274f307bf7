import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { soldProductLocator } from '../locators';
import { getRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a product',
	description: 'Get one product: a course or a bundle as it is sold, with its price',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [soldProductLocator];

export const execute = getRecord('/products/{id}', soldProductLocator);
