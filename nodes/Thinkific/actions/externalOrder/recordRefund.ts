import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { thinkificRequest } from '../../transport';
import { requiredId } from '../validate';
import { transactionBody, transactionFields } from './fields';

export const option: OperationModule['option'] = {
	name: 'Record Refund',
	value: 'recordRefund',
	action: 'Record a refund transaction',
	description: 'Report money paid back for an external order',
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
	const body = transactionBody(this, itemIndex, 'refund');
	const answer = await thinkificRequest.call(
		this,
		'POST',
		`/external_orders/${id}/transactions/refund`,
		{ body },
		itemIndex,
	);
	return { recorded: true, external_order_id: id, ...body, ...(answer ?? {}) };
}
