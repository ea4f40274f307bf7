import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { requiredId } from '../validate';
import { orderIdField } from './fields';
import { trackOrder } from './track';

export const option: OperationModule['option'] = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel an order',
	description: 'Cancel an order that thanks.io is still reviewing, and get its credits back',
};

export const description: INodeProperties[] = [
	orderIdField,
	{
		displayName:
			'thanks.io cancels an order only while its status is "Reviewing", about the first hour after it was sent',
		name: 'cancelNotice',
		type: 'notice',
		default: '',
	},
];

function statusOf(tracked: IDataObject): string | undefined {
	const order = (tracked.order ?? tracked) as IDataObject;
	const status = order.status ?? order.display_status;
	return typeof status === 'string' && status.trim() !== '' ? status.trim() : undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'orderId', 'Order ID');
	// The status is read first, so an order past review gets a clear answer and no cancel request.
	const status = statusOf(await trackOrder(this, itemIndex, id));
	if (status !== undefined && status.toLowerCase() !== 'reviewing') {
		throw new NodeOperationError(
			this.getNode(),
			`Order ${id} cannot be cancelled: its status is "${status}"`,
			{
				itemIndex,
				description:
					'thanks.io cancels an order only while it is being reviewed, about the first hour after it was sent. Nothing was changed.',
			},
		);
	}
	const answer = await apiRequest.call(
		this,
		{ method: 'PUT', path: `/orders/${id}/cancel` },
		itemIndex,
	);
	return (answer.order as IDataObject | undefined) ?? answer;
}
