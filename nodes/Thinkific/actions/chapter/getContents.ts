import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { chapterCourseLocator, chapterLocator } from '../locators';
import { getList } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get Contents',
	value: 'getContents',
	action: 'Get the contents of a chapter',
	description:
		"List a chapter's lessons, quizzes and other contents, in their order, with their type and course player URL",
};

export const description: INodeProperties[] = [
	chapterCourseLocator,
	chapterLocator,
	...returnAllOrLimit(),
];

export const execute = getList('/chapters/{id}/contents', chapterLocator);
