import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { getList } from '../records';
import { commonFilters, courseFilters, filterQuery, filtersOf } from './fields';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many enrollments',
	description: 'List enrollments, optionally filtered',
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersOf([...commonFilters, ...courseFilters]),
];

export const execute = getList('/enrollments', undefined, filterQuery);
