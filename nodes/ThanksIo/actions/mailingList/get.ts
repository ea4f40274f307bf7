import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { mailingListField } from '../fields';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a mailing list',
	description: 'Get one mailing list by its ID',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [mailingListField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'mailingListId', 'Mailing List');
	return await apiRequest.call(this, { method: 'GET', path: `/mailing-lists/${id}` }, itemIndex);
}
