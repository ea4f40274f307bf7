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

export class Flixcheck implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Flixcheck',
		name: 'flixcheck',
		icon: {
			light: 'file:../../icons/flixcheck.svg',
			dark: 'file:../../icons/flixcheck.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(resources),
		description: 'Send Flixcheck checks to customers, read their answers and upload files',
		defaults: { name: 'Flixcheck' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'flixcheckOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['flixcheckOAuth2Api'] } },
			},
			{
				name: 'flixcheckApi',
				required: true,
				displayOptions: { show: { authentication: ['flixcheckApi'] } },
			},
		],
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resources);
	}
}
