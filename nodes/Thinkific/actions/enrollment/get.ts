import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get an enrollment',
	description: 'Get one enrollment by ID',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [
	{
		displayName: 'Enrollment ID',
		name: 'enrollmentId',
		type: 'string',
		required: true,
		default: '',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'enrollmentId', 'Enrollment ID');
	return await apiRequest.call(this, { method: 'GET', path: `/enrollments/${id}` }, itemIndex);
}
