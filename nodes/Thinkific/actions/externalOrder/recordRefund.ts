import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { recordTransaction, transactionOperationFields } from './fields';

export const option: OperationModule['option'] = {
	name: 'Record Refund',
	value: 'recordRefund',
	action: 'Record a refund transaction',
	description: 'Report money paid back for an external order',
};

export const sendsOnce = true;

export const description: INodeProperties[] = transactionOperationFields;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await recordTransaction.call(this, itemIndex, 'refund');
}
