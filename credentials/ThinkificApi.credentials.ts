import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	SUBDOMAIN_HINT,
	apiTestUrlExpression,
	normalizeSubdomain,
} from '../nodes/Thinkific/transport/site';
import { withHeaders } from '../nodes/shared/url';

export class ThinkificApi implements ICredentialType {
	name = 'thinkificApi';

	displayName = 'Thinkific API';

	icon = {
		light: 'file:../icons/thinkific.svg',
		dark: 'file:../icons/thinkific.dark.svg',
	} as const;

	documentationUrl = 'https://developers.thinkific.com/api/api-key-auth/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key from Settings → Code & analytics → API in your Thinkific admin',
		},
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'acme',
			description: `${SUBDOMAIN_HINT}. "acme.thinkific.com" and "https://acme.thinkific.com/" are accepted too.`,
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.thinkific.com/api/public/v1',
			required: true,
			description:
				'The Thinkific Admin API, including its version. Must use https (plain http only for localhost).',
		},
	];

	/** The key and the site, as headers (a subdomain that is not one is sent empty). */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withHeaders(requestOptions, {
			'X-Auth-API-Key': String(credentials.apiKey ?? ''),
			'X-Auth-Subdomain': normalizeSubdomain(credentials.subdomain) ?? '',
		});
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: apiTestUrlExpression(),
			url: '/users',
			method: 'GET',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Thinkific refused the API key and subdomain (or the plan has no API access)',
				},
			},
		],
	};
}
