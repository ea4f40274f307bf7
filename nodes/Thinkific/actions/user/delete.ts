import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { userIdFields, userLocation } from './fields';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a user',
	description: 'Delete a user and their enrollments from the site',
};

export const description: INodeProperties[] = [...userIdFields];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path, qs, id } = await userLocation(this, itemIndex);
	await apiRequest.call(this, { method: 'DELETE', path, qs }, itemIndex);
	return { deleted: true, id, ...(qs.provider ? { provider: qs.provider } : {}) };
}
