import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { requiredId } from '../validate';
import { orderIdField } from './fields';

export const option: OperationModule['option'] = {
	name: 'Track',
	value: 'track',
	action: 'Track an order',
	description: 'Get the status of an order and how many of its pieces were delivered',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [orderIdField];

export async function trackOrder(
	ctx: IExecuteFunctions,
	itemIndex: number,
	id: number,
): Promise<IDataObject> {
	const answer = await apiRequest.call(
		ctx,
		{ method: 'GET', path: `/orders/${id}/track` },
		itemIndex,
	);
	return (answer.data as IDataObject | undefined) ?? answer;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'orderId', 'Order ID');
	return await trackOrder(this, itemIndex, id);
}
