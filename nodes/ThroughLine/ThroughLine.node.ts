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

export class ThroughLine implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ThroughLine',
		name: 'throughLine',
		icon: {
			light: 'file:../../icons/throughline.svg',
			dark: 'file:../../icons/throughline.dark.svg',
		},
		group: ['transform'],
		// 1.1: the search's "Limit" became "Max Helplines"; 1.2: the country and topic
		// dropdowns became resource locators (see actions/helpline/search.ts).
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: operationSubtitle(resources),
		description: 'Find verified crisis helplines by country and topic with the ThroughLine API',
		defaults: { name: 'ThroughLine' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'throughLineOAuth2Api', required: true }],
		properties,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resources);
	}
}
