import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { courseLocator } from '../locators';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a course',
	description: 'Get one course',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [courseLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'courseId', 'Course');
	return await apiRequest.call(this, { method: 'GET', path: `/courses/${id}` }, itemIndex);
}
