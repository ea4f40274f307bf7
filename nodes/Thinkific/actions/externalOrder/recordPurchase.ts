import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { recordTransaction, transactionOperationFields } from './fields';

export const option: OperationModule['option'] = {
	name: 'Record Purchase',
	value: 'recordPurchase',
	action: 'Record a purchase transaction',
	description: 'Report a further payment of an external order, such as a subscription renewal',
};

export const sendsOnce = true;

export const description: INodeProperties[] = transactionOperationFields;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await recordTransaction.call(this, itemIndex, 'purchase');
}
