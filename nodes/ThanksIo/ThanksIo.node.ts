import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle, runOperations } from '../shared/router';
import { properties, resources } from './actions';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class ThanksIo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'thanks.io',
		name: 'thanksIo',
		icon: {
			light: 'file:../../icons/thanksio.svg',
			dark: 'file:../../icons/thanksio.dark.svg',
		},
		group: ['transform'],
		// 1.1: templates, handwriting styles, sub-accounts and gift card brands are picked
		// with resource locators (see actions/fields.ts).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: operationSubtitle(resources),
		description:
			'Send handwritten postcards, letters, notecards and gift cards, and manage mailing lists and orders with thanks.io',
		defaults: { name: 'thanks.io' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
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
		properties,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resources);
	}
}
