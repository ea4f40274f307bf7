import type { INodeProperties } from 'n8n-workflow';

import type { ResourceMap } from '../../shared/router';
import * as country from './country';
import * as event from './event';
import * as helpline from './helpline';
import * as topic from './topic';

export const resources: ResourceMap = {
	helpline: helpline.operations,
	country: country.operations,
	topic: topic.operations,
	event: event.operations,
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Country', value: 'country' },
			{ name: 'Event', value: 'event' },
			{ name: 'Helpline', value: 'helpline' },
			{ name: 'Topic', value: 'topic' },
		],
		default: 'helpline',
	},
	...helpline.description,
	...country.description,
	...topic.description,
	...event.description,
];
