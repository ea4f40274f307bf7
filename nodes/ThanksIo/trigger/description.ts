import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { listLocator } from '../../shared/locators';
import { changedAt } from '../../shared/versions';
import { authentication } from '../authentication';

/**
 * The trigger's first version that picks the mailing list and the sub-account with
 * resource locators instead of dropdowns (see `changedAt`): n8n's editor loads a
 * dropdown the moment a freshly added node opens, before it has set the credential.
 */
const LOCATORS_SINCE = 1.1;

/** thanks.io's webhook types (`webhook-type` in its API reference). */
export const WEBHOOK_EVENTS: INodePropertyOptions[] = [
	{
		name: 'Order Item Delivered',
		value: 'order_item.delivered',
		description: 'A mail piece was delivered',
	},
	{
		name: 'Order Item Status Changed',
		value: 'order_item.status_update',
		description: 'A mail piece was printed, is in transit, was delivered, returned…',
	},
	{
		name: 'Order Status Changed',
		value: 'order.status_update',
		description: 'An order moved on: reviewing, printing, printed, fulfilled, cancelled…',
	},
	{
		name: 'QR Code Scanned',
		value: 'scans.scan_update',
		description: 'A recipient scanned the QR code on a mail piece',
	},
];

/** What the polling mode reports, from the orders list. */
export const POLL_EVENTS: INodePropertyOptions[] = [
	{ name: 'New Order', value: 'order.created', description: 'An order appears in the list' },
	{
		name: 'Order Delivered',
		value: 'order.delivered',
		description:
			'An order\'s status is "Delivered" (a mail piece of it was delivered) and was not at the last poll',
	},
	{
		name: 'Order Status Changed',
		value: 'order.status_changed',
		description: "An order's status differs from the one the last poll saw",
	},
];

const webhookMode = { show: { mode: ['webhook'] } };
const pollMode = { show: { mode: ['poll'] } };

export const properties: INodeProperties[] = [
	authentication,
	{
		// Not "Mode": n8n's Poll Times below has a field of that name.
		displayName: 'Receive Events By',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Webhooks (Paid Plans)',
				value: 'webhook',
				description: 'Calls from thanks.io as soon as something happens',
			},
			{
				name: 'Polling the Orders List',
				value: 'poll',
				description: 'Reads the orders list on a schedule, for accounts without webhooks',
			},
		],
		default: 'webhook',
	},
	// n8n reads `pollTimes` when it activates a node with a `poll` method. In webhook mode it
	// is an empty list, hidden, so that nothing is scheduled.
	{
		displayName: 'Poll Times',
		name: 'pollTimes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Poll Time' },
		default: { item: [{ mode: 'everyMinute' }] },
		placeholder: 'Add Poll Time',
		description: 'When to read the orders list',
		options: NodeHelpers.cronNodeOptions,
		displayOptions: pollMode,
	},
	{
		displayName: 'Poll Times',
		name: 'pollTimes',
		type: 'hidden',
		default: { item: [] },
		displayOptions: webhookMode,
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: WEBHOOK_EVENTS,
		default: [],
		required: true,
		displayOptions: webhookMode,
		description:
			'One thanks.io webhook per event is registered when the workflow is activated, and removed when it is deactivated',
	},
	{
		displayName: 'Events',
		name: 'pollEvents',
		type: 'multiOptions',
		options: POLL_EVENTS,
		default: ['order.status_changed'],
		required: true,
		displayOptions: pollMode,
		description:
			"Each poll compares the 500 most recent orders with the last poll's. The orders list shows each order's status at that moment, so several changes between two polls arrive as one: A → B → C as A → C (with previous_status A). The first poll only notes the orders as they are.",
	},
	...changedAt(
		LOCATORS_SINCE,
		{
			displayName: 'Mailing List Name or ID',
			name: 'mailingList',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getMailingListFilter' },
			default: '',
			displayOptions: webhookMode,
			description:
				'Only events of mail sent to this list (thanks.io filters them). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			...listLocator({
				displayName: 'Mailing List',
				name: 'mailingList',
				searchListMethod: 'searchMailingLists',
				optional: true,
				description:
					'Only events of mail sent to this list (thanks.io filters them): search your lists by name, or give its ID. Leave empty for any list.',
			}),
			displayOptions: webhookMode,
		},
	),
	...changedAt(
		LOCATORS_SINCE,
		{
			displayName: 'Sub-Account Name or ID',
			name: 'subAccount',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSubAccountFilter' },
			default: '',
			displayOptions: pollMode,
			description:
				'Only orders of this sub-account (thanks.io filters the orders list by it). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			...listLocator({
				displayName: 'Sub-Account',
				name: 'subAccount',
				searchListMethod: 'searchSubAccounts',
				optional: true,
				description:
					'Only orders of this sub-account (thanks.io filters the orders list by it): search your sub-accounts by name, or give its ID. Leave empty for the orders of all accounts.',
			}),
			displayOptions: pollMode,
		},
	),
	{
		displayName:
			"thanks.io sends a sub-account's events only to webhooks made in that sub-account's context, and the main account's events only to its own. To hear a sub-account's events, use a credential of that sub-account: the webhooks are then made in its context.",
		name: 'subAccountNotice',
		type: 'notice',
		default: '',
		displayOptions: webhookMode,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: webhookMode,
		options: [
			{
				displayName: 'Nest Data Keys',
				name: 'nest',
				type: 'boolean',
				default: false,
				description:
					'Whether to turn the dotted keys thanks.io sends, such as "recipient.name", into nested objects',
			},
		],
	},
];
