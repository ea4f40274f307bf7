import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { userIdFields, userLocation } from './fields';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a user',
	description: 'Get one user by Thinkific ID or external ID',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [...userIdFields];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path, qs } = await userLocation(this, itemIndex);
	return await apiRequest.call(this, { method: 'GET', path, qs }, itemIndex);
}
