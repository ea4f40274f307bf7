import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { commonFilters, filterQuery, filtersOf } from '../enrollment/fields';
import { bundleLocator } from '../locators';
import { getList } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get Enrollments',
	value: 'getEnrollments',
	action: 'Get the enrollments of a bundle',
	description: "List the enrollments in a bundle's courses, optionally filtered",
};

export const description: INodeProperties[] = [
	bundleLocator,
	...returnAllOrLimit(),
	filtersOf(commonFilters),
];

export const execute = getList('/bundles/{id}/enrollments', bundleLocator, filterQuery);
