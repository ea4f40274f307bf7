import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { secureUrlExpression } from '../nodes/shared/url';

/** ThroughLine's limit: 30 calls a second per IP address. */
export const DEFAULT_REQUESTS_PER_SECOND = 30;

export class ThroughLineOAuth2Api implements ICredentialType {
	name = 'throughLineOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'ThroughLine OAuth2 API';

	icon = {
		light: 'file:../icons/throughline.svg',
		dark: 'file:../icons/throughline.dark.svg',
	} as const;

	documentationUrl = 'https://developer.throughlinecare.com/authorization';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: 'https://api.findahelpline.com/oauth/token',
			required: true,
			description:
				'Where the client ID and secret are exchanged for an access token. Must use https (plain http only for localhost).',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.throughlinecare.com/v1',
			required: true,
			description:
				'The ThroughLine API, including its version. Must use https (plain http only for localhost).',
		},
		{
			displayName: 'Requests Per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_REQUESTS_PER_SECOND,
			description:
				'The most calls a second this n8n instance (each process, across all workflows) sends to ThroughLine. ThroughLine allows 30 a second per IP address; change it only if your contract says otherwise.',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: secureUrlExpression('$self["tokenUrl"]'),
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		// n8n's OAuth2 credential offers extra token-request fields for client credentials
		// sent in the body; ThroughLine's token request takes none.
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: '',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: secureUrlExpression('$credentials.apiBaseUrl'),
			url: '/countries',
			method: 'GET',
		},
	};
}
