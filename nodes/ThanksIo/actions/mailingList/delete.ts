import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { mailingListField } from '../fields';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a mailing list',
	description: 'Delete a mailing list and its recipients',
};

export const description: INodeProperties[] = [mailingListField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'mailingListId', 'Mailing List');
	const answer = await apiRequest.call(
		this,
		{ method: 'DELETE', path: `/mailing-lists/${id}` },
		itemIndex,
	);
	return { deleted: true, id, ...answer };
}
