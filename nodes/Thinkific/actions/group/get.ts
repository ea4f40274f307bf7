import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { groupLocator } from '../locators';
import { getRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a group',
	description: 'Get one group',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [groupLocator];

export const execute = getRecord('/groups/{id}', groupLocator);
