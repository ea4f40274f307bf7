import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { courseLocator } from '../locators';
import { getList } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get Chapters',
	value: 'getChapters',
	action: 'Get the chapters of a course',
	description: "List a course's chapters, in their order, with the IDs of their contents",
};

export const description: INodeProperties[] = [courseLocator, ...returnAllOrLimit()];

export const execute = getList('/courses/{id}/chapters', courseLocator);
