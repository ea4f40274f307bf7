import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest, checkRoutes } from '../../transport';
import { checkIdField, readCheckId } from './fields';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a check',
	description: 'Get a check with its status and answers',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [checkIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { segment } = readCheckId(this, itemIndex);
	const answer = await apiRequest.call(this, checkRoutes.get(segment), itemIndex);
	return checkRoutes.unwrap(answer);
}
