import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { eventBody, eventFields } from './fields';

export const option: OperationModule['option'] = {
	name: 'Record Display',
	value: 'recordDisplay',
	action: 'Record a helpline display',
	description: 'Tell ThroughLine that a helpline was shown to a user',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [...eventFields];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = eventBody(this, itemIndex);
	const answer = await apiRequest.call(
		this,
		{ method: 'POST', path: '/events/helpline_display', body },
		itemIndex,
	);
	return { recorded: true, ...body, ...answer };
}
