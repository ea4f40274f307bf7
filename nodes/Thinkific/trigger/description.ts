import type { INodeProperties } from 'n8n-workflow';

import { TOPICS } from './events';

export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'OAuth2', value: 'thinkificOAuth2Api' },
			{ name: 'API Key', value: 'thinkificApi' },
		],
		default: 'thinkificOAuth2Api',
	},
	{
		displayName:
			'The trigger registers its webhooks through Thinkific\'s Webhooks API with the API key. If Thinkific refuses the key there, it registers nothing: add the webhooks in your Thinkific admin under Settings → Code & analytics → Webhooks, one per event chosen below, at the address in the details of the error that "Execute step" in this panel then shows (the Production URL with a secret of this workflow). Signed deliveries are checked with the API key, unsigned ones by that secret.',
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
			'The Thinkific events that start the workflow. One webhook per event is registered when the workflow is activated and removed when it is deactivated.',
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
