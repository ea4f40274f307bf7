import type { INodeProperties } from 'n8n-workflow';

import type { ResourceMap } from '../../shared/router';
import * as mailer from './mailer';
import * as mailingList from './mailingList';
import * as order from './order';
import * as recipient from './recipient';

export const resources: ResourceMap = {
	mailer: mailer.operations,
	mailingList: mailingList.operations,
	recipient: recipient.operations,
	order: order.operations,
};

/** Which credential the node uses; the action node and the trigger share it. */
export const authentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2', value: 'thanksIoOAuth2Api' },
		{ name: 'Personal Access Token', value: 'thanksIoApi' },
	],
	default: 'thanksIoOAuth2Api',
};

export const properties: INodeProperties[] = [
	authentication,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Mailer', value: 'mailer' },
			{ name: 'Mailing List', value: 'mailingList' },
			{ name: 'Order', value: 'order' },
			{ name: 'Recipient', value: 'recipient' },
		],
		default: 'mailer',
	},
	...mailer.description,
	...mailingList.description,
	...recipient.description,
	...order.description,
];
