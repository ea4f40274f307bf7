import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { mailingListField, recipientFields } from '../fields';
import { readListRecord } from './fields';

export const option: OperationModule['option'] = {
	name: 'Add',
	value: 'create',
	action: 'Add a recipient to a mailing list',
	description: 'Add a recipient to a mailing list, one request per input item',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [mailingListField, ...recipientFields()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readListRecord(this, itemIndex);
	return await apiRequest.call(this, { method: 'POST', path: '/recipients', body }, itemIndex);
}
