import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { courseLocator } from '../locators';
import { getList } from '../records';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many course reviews',
	description: 'List the reviews of a course',
};

export const description: INodeProperties[] = [
	{ ...courseLocator, description: 'The course whose reviews to list' },
	...returnAllOrLimit(),
	{
		displayName: 'Approved Only',
		name: 'approvedOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to return only the approved reviews',
	},
];

// Thinkific documents `approved` for "true" only; off means no filter.
export const execute = getList('/course_reviews', undefined, (ctx, itemIndex) => ({
	course_id: requiredId(ctx, itemIndex, 'courseId', 'Course'),
	...(ctx.getNodeParameter('approvedOnly', itemIndex, false) === true ? { approved: true } : {}),
}));
