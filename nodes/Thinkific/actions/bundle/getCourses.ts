import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { bundleLocator } from '../locators';
import { getList } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get Courses',
	value: 'getCourses',
	action: 'Get the courses of a bundle',
	description: 'List the courses a bundle holds',
};

export const description: INodeProperties[] = [bundleLocator, ...returnAllOrLimit()];

export const execute = getList('/bundles/{id}/courses', bundleLocator);
