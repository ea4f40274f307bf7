import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { eventBody, eventFields } from './fields';

export const option: OperationModule['option'] = {
	name: 'Record Click',
	value: 'recordClick',
	action: 'Record a helpline click',
	description: 'Tell ThroughLine that a user contacted a helpline',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	...eventFields,
	{
		displayName: 'Contact Method',
		name: 'contactMethod',
		type: 'options',
		required: true,
		default: 'phone',
		options: [
			{ name: 'Phone', value: 'phone' },
			{ name: 'SMS', value: 'sms' },
			{ name: 'Web Chat', value: 'webChat' },
			{ name: 'Website', value: 'website' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
		description: 'How the user contacted the helpline',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = eventBody(this, itemIndex);
	body.contact_method = this.getNodeParameter('contactMethod', itemIndex) as string;
	const answer = await apiRequest.call(
		this,
		{ method: 'POST', path: '/events/helpline_click', body },
		itemIndex,
	);
	return { recorded: true, ...body, ...answer };
}
