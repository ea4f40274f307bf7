import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { requiredId } from '../validate';
import { recipientIdField } from './fields';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a recipient',
	description: 'Remove a recipient from its mailing list by its ID',
};

export const description: INodeProperties[] = [recipientIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'recipientId', 'Recipient ID');
	const answer = await apiRequest.call(
		this,
		{ method: 'DELETE', path: `/recipients/${id}` },
		itemIndex,
	);
	return { deleted: true, id, ...answer };
}
