import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { chapterCourseLocator, chapterLocator } from '../locators';
import { getRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a chapter',
	description: 'Get one chapter of a course, with the IDs of its contents',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [chapterCourseLocator, chapterLocator];

export const execute = getRecord('/chapters/{id}', chapterLocator);
