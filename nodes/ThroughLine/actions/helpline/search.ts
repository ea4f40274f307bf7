import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { listLocator } from '../../../shared/locators';
import { changedAt } from '../../../shared/versions';
import type { OperationModule, RunState } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { countryCodeOf, topicNameOf } from '../validate';

export const MAX_LIMIT = 100;

/**
 * 1.2: the country and the topic are picked with resource locators, which load
 * their lists when opened (see `changedAt`).
 */
export const LOCATORS_SINCE = 1.2;

export const option: OperationModule['option'] = {
	name: 'Search',
	value: 'search',
	action: 'Search helplines',
	description: 'Find helplines for a country, optionally for one topic',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [
	...changedAt(
		LOCATORS_SINCE,
		{
			displayName: 'Country Name or ID',
			name: 'countryCode',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCountries' },
			required: true,
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'The ID is the two-letter ISO country code, such as US',
		},
		listLocator({
			displayName: 'Country',
			name: 'countryCode',
			searchListMethod: 'searchCountries',
			description: "The country: search ThroughLine's countries by name, or give its code",
			id: {
				placeholder: 'US',
				regex: '^\\s*[A-Za-z]{2}\\s*$',
				errorMessage: 'Enter a two-letter ISO country code such as US',
				mode: { name: 'code', displayName: 'Country Code' },
			},
		}),
	),
	...changedAt(
		LOCATORS_SINCE,
		{
			displayName: 'Topic Name or ID',
			name: 'topic',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTopics' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Only helplines for this topic. An expression may give the topic name (such as "Suicidal thoughts") or its code.',
		},
		listLocator({
			displayName: 'Topic',
			name: 'topic',
			searchListMethod: 'searchTopics',
			description:
				"Only helplines for this topic: search ThroughLine's topics, or give the topic's name (such as Suicidal thoughts) or code. Leave empty for any topic.",
			optional: true,
			id: {
				placeholder: 'Suicidal thoughts',
				regex: '\\S',
				errorMessage: 'Enter a topic name or code',
				mode: { name: 'name', displayName: 'Name or Code' },
			},
		}),
	),
	{
		displayName: 'Priority Only',
		name: 'priorityOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to return only the priority helplines for the country and topic. The priority set is always returned whole, as ThroughLine requires it to be shown.',
	},
	{
		displayName: 'Max Helplines',
		name: 'maxHelplines',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
		default: 50,
		displayOptions: {
			show: { priorityOnly: [false], '@version': [{ _cnd: { gte: 1.1 } }] },
		},
		description: 'The most helplines to return, from 1 to 100 (sent as ThroughLine\'s "limit")',
	},
	// Version 1 named the field "limit", which made n8n's editor suggest a "Return All"
	// this search does not have; workflows saved with version 1 keep it.
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
		default: 50,
		displayOptions: { show: { priorityOnly: [false], '@version': [1] } },
		description: 'Max number of results to return',
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<IDataObject[]> {
	const priorityOnly = this.getNodeParameter('priorityOnly', itemIndex, false) as boolean;
	const qs: IDataObject = {};
	if (priorityOnly) {
		qs.priority_only = true;
	} else {
		const [name, label] =
			this.getNode().typeVersion < 1.1 ? ['limit', 'Limit'] : ['maxHelplines', 'Max Helplines'];
		const limit = this.getNodeParameter(name, itemIndex, 50) as number;
		if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
			throw invalidParameter(
				this.getNode(),
				itemIndex,
				label,
				`${limit} is not a whole number from 1 to ${MAX_LIMIT}`,
			);
		}
		qs.limit = limit;
	}
	qs.country_code = countryCodeOf(this, itemIndex);
	const topic = await topicNameOf(this, itemIndex, state);
	if (topic !== undefined) qs.topic = topic;

	const answer = await apiRequest.call(
		this,
		{
			method: 'GET',
			path: '/helplines',
			qs,
			// ThroughLine itself says whether it knows the country and the topic.
			refusalHint: `ThroughLine did not accept the search for country "${String(qs.country_code)}"${topic === undefined ? '' : ` and topic "${topic}"`}. Check the "Country" and "Topic" fields, or pick them from the lists.`,
		},
		itemIndex,
	);
	// A priority set is shown whole: every helpline the API returned becomes an item.
	return (answer.helplines as IDataObject[] | undefined) ?? [];
}
