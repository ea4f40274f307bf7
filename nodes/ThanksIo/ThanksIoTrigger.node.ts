import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { chosenOptionsText } from '../shared/subtitles';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';
import { POLL_EVENTS, WEBHOOK_EVENTS, properties } from './trigger/description';
import { webhookMethods } from './trigger/lifecycle';
import { output, poll, receive } from './trigger/receive';

/**
 * One node, two modes. In webhook mode the webhook's HTTP method is POST and the
 * hidden poll times are empty (n8n schedules no poll); in polling mode the HTTP
 * method is empty, so n8n registers no webhook and calls no lifecycle method.
 */
export class ThanksIoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'thanks.io Trigger',
		name: 'thanksIoTrigger',
		icon: {
			light: 'file:../../icons/thanksio.svg',
			dark: 'file:../../icons/thanksio.dark.svg',
		},
		group: ['trigger'],
		// 1.1: the mailing list and sub-account filters are picked with resource locators
		// (see trigger/description.ts).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: `={{ $parameter["mode"] === "poll" ? "Polling: " + ${chosenOptionsText('pollEvents', POLL_EVENTS, 'no events chosen')} : ${chosenOptionsText('events', WEBHOOK_EVENTS, 'No events chosen')} }}`,
		description:
			'Starts the workflow when mail is delivered, a QR code is scanned or an order changes',
		defaults: { name: 'thanks.io Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'thanksIoOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['thanksIoOAuth2Api'] } },
			},
			{
				name: 'thanksIoApi',
				required: true,
				displayOptions: { show: { authentication: ['thanksIoApi'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: '={{$parameter["mode"] === "poll" ? "" : "POST"}}',
				responseMode: 'onReceived',
				responseData: '',
				path: 'thanksio',
				ndvHideUrl: '={{$parameter["mode"] === "poll"}}',
			},
		],
		properties,
	};

	methods = { loadOptions, listSearch };

	webhookMethods = webhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll.call(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await output.call(this);
	}
}
