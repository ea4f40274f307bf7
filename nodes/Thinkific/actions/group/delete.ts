import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { groupLocator } from '../locators';
import { deleteRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a group',
	description: 'Permanently delete a group. This cannot be undone.',
};

export const description: INodeProperties[] = [groupLocator];

export const execute = deleteRecord('/groups/{id}', groupLocator);
