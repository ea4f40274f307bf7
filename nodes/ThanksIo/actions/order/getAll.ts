import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { listOrders } from '../../transport/orders';
import { subAccountFields } from '../fields';
import { optionalId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many orders',
	description: 'List your orders, most recent first',
};

export const description: INodeProperties[] = [
	...returnAllOrLimit(),
	...subAccountFields(
		'subAccount',
		'Only the orders of this sub-account. Leave empty for all orders.',
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const subAccount = optionalId(this, itemIndex, 'subAccount', 'Sub-Account');
	return await listOrders.call(this, { limit, subAccount }, itemIndex);
}
