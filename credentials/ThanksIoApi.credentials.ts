import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { secureUrlExpression, withHeaders } from '../nodes/shared/url';

export class ThanksIoApi implements ICredentialType {
	name = 'thanksIoApi';

	displayName = 'thanks.io API';

	icon = {
		light: 'file:../icons/thanksio.svg',
		dark: 'file:../icons/thanksio.dark.svg',
	} as const;

	documentationUrl = 'https://docs.thanks.io/authentication/bearer-token';

	properties: INodeProperties[] = [
		{
			displayName: 'Personal Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A personal access token (API key) from the thanks.io dashboard: Profile → API → Personal Access Tokens',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.thanks.io/api/v2',
			required: true,
			description:
				'The thanks.io API, including its version. Must use https (plain http only for localhost).',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withHeaders(requestOptions, {
			Authorization: `Bearer ${String(credentials.accessToken ?? '').trim()}`,
		});
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: secureUrlExpression('$credentials.apiBaseUrl'),
			url: '/mailing-lists/',
			method: 'GET',
			qs: { items_per_page: 1 },
		},
	};
}
