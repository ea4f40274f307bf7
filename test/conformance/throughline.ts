import type { ProviderTable } from './types';

export const THROUGHLINE_TABLE: ProviderTable = {
	provider: 'throughline',
	title: 'ThroughLine',
	node: 'throughLine',
	hosts: { api: 'https://api.throughlinecare.com/v1' },
	sources: {
		reference: {
			title:
				'ThroughLine developer docs: Getting Started and its API reference (countries, topics, helplines, helpline by ID)',
			kind: "provider's docs",
			where: 'https://developer.throughlinecare.com/getting-started',
		},
		priority: {
			title:
				'ThroughLine developer docs: Priority Helpline Filtering (example `/v1/helplines?country_code=us&topic=suicidal%20thoughts&priority_only=true`)',
			kind: "provider's docs",
			where: 'https://developer.throughlinecare.com/priority-helpline-filtering',
		},
		events: {
			title: 'ThroughLine developer docs: Event Tracking & Analytics (the two event endpoints)',
			kind: "provider's docs",
			where: 'https://developer.throughlinecare.com/event-tracking-and-analytics',
		},
	},
	operations: [
		{
			resource: 'helpline',
			operation: 'search',
			requests: [
				{
					method: 'GET',
					route: '/topics',
					when: 'the topic is given as a code: it is sent by its name, looked up once per execution',
					sources: ['reference'],
				},
				{
					method: 'GET',
					route: '/helplines',
					query: 'country_code topic limit priority_only',
					sources: ['priority', 'reference'],
					decision:
						'The documented example passes the topic by its name; whether a topic code is read too is unconfirmed, so a code is turned into its name first. `limit` is left out with `priority_only`, whose short lists must be shown whole.',
				},
			],
		},
		{
			resource: 'helpline',
			operation: 'get',
			requests: [{ method: 'GET', route: '/helplines/{id}', sources: ['reference'] }],
		},
		{
			resource: 'country',
			operation: 'getAll',
			requests: [{ method: 'GET', route: '/countries', sources: ['reference'] }],
		},
		{
			resource: 'topic',
			operation: 'getAll',
			requests: [{ method: 'GET', route: '/topics', sources: ['reference'] }],
		},
		{
			resource: 'event',
			operation: 'recordDisplay',
			requests: [
				{
					method: 'POST',
					route: '/events/helpline_display',
					body: 'helpline_id session_id timestamp',
					sources: ['events'],
				},
			],
		},
		{
			resource: 'event',
			operation: 'recordClick',
			requests: [
				{
					method: 'POST',
					route: '/events/helpline_click',
					body: 'helpline_id session_id timestamp contact_method',
					sources: ['events'],
				},
			],
		},
	],
	notes: [
		'Tokens: `POST https://api.findahelpline.com/oauth/token`, form body `grant_type=client_credentials`, `client_id`, `client_secret` (Authorization page).',
	],
};
