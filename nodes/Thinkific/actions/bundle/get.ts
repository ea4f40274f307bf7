import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { bundleLocator } from '../locators';
import { getRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a bundle',
	description: 'Get one bundle, with the IDs of its courses',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [bundleLocator];

export const execute = getRecord('/bundles/{id}', bundleLocator);
