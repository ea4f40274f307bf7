import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { instructorLocator } from '../locators';
import { getRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get an instructor',
	description: 'Get one instructor',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [instructorLocator];

export const execute = getRecord('/instructors/{id}', instructorLocator);
