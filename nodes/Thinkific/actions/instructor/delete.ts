import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { instructorLocator } from '../locators';
import { deleteRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an instructor',
	description: 'Permanently delete an instructor profile. This cannot be undone.',
};

export const description: INodeProperties[] = [instructorLocator];

export const execute = deleteRecord('/instructors/{id}', instructorLocator);
