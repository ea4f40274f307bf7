import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { requiredId } from '../validate';
import { recipientIdField } from './fields';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a recipient',
	description: 'Get one recipient by its ID',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [recipientIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'recipientId', 'Recipient ID');
	return await apiRequest.call(this, { method: 'GET', path: `/recipients/${id}` }, itemIndex);
}
