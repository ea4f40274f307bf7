import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { beforeVersion, changedAt } from '../../shared/versions';

/**
 * Flixcheck's notification events. `checkOpened` and `checkAnswered` are in its
 * webhook documentation's examples; the others are named after the events its
 * documentation describes in words (sent, rated) and Make's Flixcheck triggers
 * (created, completed): their exact names are not confirmed, which their descriptions
 * say (n8n names the trigger's entries in the node panel after the option names, so
 * these stay clean). `customContent` is
 * this node's name for a call whose body the portal replaced (see customContent.ts).
 */
export const EVENTS: INodePropertyOptions[] = [
	{ name: 'Check Answered', value: 'checkAnswered', description: 'The customer answered a check' },
	{
		name: 'Check Completed',
		value: 'checkCompleted',
		description: 'A check was completely finished (event name unconfirmed)',
	},
	{
		name: 'Check Created',
		value: 'checkCreated',
		description: 'A check was created (event name unconfirmed)',
	},
	{ name: 'Check Opened', value: 'checkOpened', description: 'The customer opened a check' },
	{
		name: 'Check Rated',
		value: 'checkRated',
		description: 'The customer rated a check (event name unconfirmed)',
	},
	{
		name: 'Check Sent',
		value: 'checkSent',
		description: 'A check was sent (event name unconfirmed)',
	},
	{
		name: 'Custom Content (Request Body)',
		value: 'customContent',
		description:
			'A call whose body the webhook\'s "Custom Content (Request Body)" replaced, whatever event caused it: passed on as {"event": "customContent", "body": …} with the body as it came. Put the check ID and time in it: the same body again within 72 hours counts as a call sent again.',
	},
];

/** How n8n answers Flixcheck, in every version of the trigger. */
const RESPOND: INodePropertyOptions[] = [
	{
		name: 'Immediately',
		value: 'onReceived',
		description: 'As soon as the call is verified: for notification events',
	},
	{
		name: 'When Last Node Finishes',
		value: 'lastNode',
		description: "With the first item of the workflow's last node, as JSON: for validation events",
	},
];

/**
 * Offered by version 1 only. n8n's Respond to Webhook node answers only for n8n's own
 * Webhook, Form, Chat and Wait nodes from its version 1.1 on, and that is the version
 * the editor adds: the choice led to a workflow that cannot answer. Version 1.1 of
 * the trigger leaves it out ("When Last Node Finishes" answers validation events);
 * workflows saved with version 1 keep it, with the notice that asks for version 1 of
 * the Respond to Webhook node.
 */
const RESPOND_NODE: INodePropertyOptions = {
	name: "Using 'Respond to Webhook' Node",
	value: 'responseNode',
	description: 'With what a Respond to Webhook node sends: for validation events',
};

function respondField(options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Respond',
		name: 'responseMode',
		type: 'options',
		options,
		default: 'onReceived',
	};
}

export const properties: INodeProperties[] = [
	{
		displayName:
			"Flixcheck webhooks are set up in its portal: as an administrator open Settings → Webhooks, add the Production URL above (for the published workflow; to try 'Listen for test event', a webhook with the Test URL), choose the events, and under Headers add the header name and secret of this node's credential. Validation events need an https URL.",
		name: 'portalNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENTS,
		default: [],
		description:
			'The events that start the workflow; leave empty for every event the portal sends, custom bodies included. Others are answered (with 200) without an execution.',
	},
	{
		displayName: 'Other Event Names',
		name: 'otherEvents',
		type: 'string',
		default: '',
		placeholder: 'e.g. checkExpired, myValidationEvent',
		description:
			'More event names, separated by commas, as the portal names them: for events missing above, and validation events',
	},
	...changedAt(1.1, respondField([...RESPOND, RESPOND_NODE]), respondField(RESPOND)),
	{
		displayName:
			'Flixcheck reads the answer as JSON to accept or refuse the customer\'s input. Its format is not documented: this package assumes {"valid": true} or {"valid": false, "message": "…"}. Check it against your account before relying on it.',
		name: 'validationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { responseMode: ['lastNode', 'responseNode'] } },
	},
	beforeVersion(1.1, {
		displayName:
			"n8n's Respond to Webhook node answers only for n8n's own Webhook, Form, Chat and Wait nodes from its version 1.1 on. Use version 1 of it after this trigger (see the package's README).",
		name: 'respondNodeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { responseMode: ['responseNode'] } },
	}),
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
						name: 'Whole Call',
						value: 'event',
						description:
							'Event, time and content, as Flixcheck sends them; a custom body as {"event": "customContent", "body": …}',
					},
					{
						name: 'Content Only',
						value: 'content',
						description:
							'The check ID, user ID, account ID and the rest of the content; a custom body alone',
					},
				],
				default: 'event',
			},
		],
	},
];
