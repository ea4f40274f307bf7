import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { chosenOptionsSubtitle } from '../shared/subtitles';
import * as loadOptions from './methods/loadOptions';
import { properties } from './trigger/description';
import { TOPICS } from './trigger/events';
import { webhookMethods } from './trigger/lifecycle';
import { output, receive } from './trigger/receive';

export class ThinkificTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Thinkific Trigger',
		name: 'thinkificTrigger',
		icon: {
			light: 'file:../../icons/thinkific.svg',
			dark: 'file:../../icons/thinkific.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: chosenOptionsSubtitle('events', TOPICS, 'No events chosen'),
		description:
			'Starts the workflow on Thinkific events: signups, enrollments, completions, orders and more',
		defaults: { name: 'Thinkific Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'thinkificOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['thinkificOAuth2Api'] } },
			},
			{
				name: 'thinkificApi',
				required: true,
				displayOptions: { show: { authentication: ['thinkificApi'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty: n8n answers with the `webhookResponse` the node gives (`acceptance()`).
				responseData: '',
				path: 'thinkific',
			},
		],
		properties,
	};

	methods = { loadOptions };

	webhookMethods = webhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}

	/** The trigger's own step of each execution it starts (see `passDeliveries`). */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return output.call(this);
	}
}
