import type { INodeProperties } from 'n8n-workflow';

/** Which credential the node uses; the action node and the trigger share it. */
export const authentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2', value: 'thanksIoOAuth2Api' },
		{ name: 'Personal Access Token', value: 'thanksIoApi' },
	],
	default: 'thanksIoOAuth2Api',
};
