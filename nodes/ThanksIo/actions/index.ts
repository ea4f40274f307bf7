import type { INodeProperties } from 'n8n-workflow';

import type { ResourceMap } from '../../shared/router';
import { authentication } from '../authentication';
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
