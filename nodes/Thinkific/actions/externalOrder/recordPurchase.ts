import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { thinkificRequest } from '../../transport';
import { requiredId } from '../validate';
import { transactionBody, transactionFields } from './fields';

export const option: OperationModule['option'] = {
	name: 'Record Purchase',
	value: 'recordPurchase',
	action: 'Record a purchase transaction',
	description: 'Report a further payment of an external order, such as a subscription renewal',
};

export const description: INodeProperties[] = [
	{
		displayName: 'External Order ID',
		name: 'externalOrderId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID Thinkific gave the external order when it was created',
	},
	...transactionFields,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'externalOrderId', 'External Order ID');
	const body = transactionBody(this, itemIndex, 'purchase');
	const answer = await thinkificRequest.call(
		this,
		'POST',
		`/external_orders/${id}/transactions/purchase`,
		{ body },
		itemIndex,
	);
	return { recorded: true, external_order_id: id, ...body, ...(answer ?? {}) };
}
