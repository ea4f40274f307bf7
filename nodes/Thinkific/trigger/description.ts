import type { INodeProperties } from 'n8n-workflow';

import { TOPICS } from './events';

export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'OAuth2 (Registers Its Webhooks)', value: 'thinkificOAuth2Api' },
			{ name: 'API Key (Webhooks Added in Thinkific)', value: 'thinkificApi' },
		],
		default: 'thinkificOAuth2Api',
	},
	{
		displayName:
			'Thinkific lets only OAuth apps register webhooks. Copy the Production URL above and add it in your Thinkific admin under Settings → Code & analytics → Webhooks, once for each event chosen below. Deliveries are checked with the API key.',
		name: 'apiKeyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['thinkificApi'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: TOPICS,
		default: [],
		required: true,
		description:
			'The Thinkific events that start the workflow. With OAuth2, one webhook per event is registered when the workflow is activated and removed when it is deactivated.',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Course Names or IDs',
				name: 'courseIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getCourses' },
				default: [],
				description:
					'Enrollment and lesson events of these courses only; other events are not filtered. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Product Names or IDs',
				name: 'productIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getProducts' },
				default: [],
				description:
					'Orders of these products only; other events are not filtered. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{
						name: 'Whole Event',
						value: 'event',
						description: 'ID, resource, action, created_at and payload, as Thinkific sends them',
					},
					{
						name: 'Payload Only',
						value: 'payload',
						description: 'The user, enrollment, order… the event is about',
					},
				],
				default: 'event',
			},
		],
	},
];
