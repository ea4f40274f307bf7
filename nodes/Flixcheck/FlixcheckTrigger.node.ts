import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { chosenOptionsSubtitle } from '../shared/subtitles';
import { EVENTS, properties } from './trigger/description';
import { output, receive } from './trigger/receive';
import { testWebhookSecret } from './trigger/secret';

export class FlixcheckTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Flixcheck Trigger',
		name: 'flixcheckTrigger',
		icon: {
			light: 'file:../../icons/flixcheck.svg',
			dark: 'file:../../icons/flixcheck.dark.svg',
		},
		group: ['trigger'],
		// 1.1: Respond no longer offers "Using 'Respond to Webhook' Node" (see
		// trigger/description.ts).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: chosenOptionsSubtitle('events', EVENTS, 'All events'),
		description:
			'Starts the workflow when a customer opens or answers a check, and answers validation events',
		defaults: { name: 'Flixcheck Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'flixcheckWebhookApi', required: true, testedBy: 'webhookSecret' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				path: 'flixcheck',
				responseMode: '={{$parameter["responseMode"]}}',
				// The last node's first item for "When Last Node Finishes"; else the node's own answer.
				responseData: '={{$parameter["responseMode"] === "lastNode" ? "firstEntryJson" : ""}}',
			},
		],
		properties,
	};

	methods = { credentialTest: { webhookSecret: testWebhookSecret } };

	/**
	 * Flixcheck webhooks are added in its portal only (there is no API for them):
	 * activating registers nothing, and the node says so in its notice.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return output.call(this);
	}
}
