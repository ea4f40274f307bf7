import type { INodeProperties } from 'n8n-workflow';

import type { ResourceMap } from '../../shared/router';
import * as apiRequest from './apiRequest';
import * as check from './check';
import * as file from './file';

export const resources: ResourceMap = {
	check: check.operations,
	file: file.operations,
	apiRequest: apiRequest.operations,
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'OAuth2', value: 'flixcheckOAuth2Api' },
			{ name: 'API Key', value: 'flixcheckApi' },
		],
		default: 'flixcheckOAuth2Api',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'API Request', value: 'apiRequest' },
			{ name: 'Check', value: 'check' },
			{ name: 'File', value: 'file' },
		],
		default: 'check',
	},
	...check.description,
	...file.description,
	...apiRequest.description,
];
