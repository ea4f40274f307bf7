import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	SUBDOMAIN_HINT,
	WEBHOOKS_API_ALTERNATIVE,
	WEBHOOKS_API_DEFAULT,
	apiTestUrlExpression,
	normalizeSubdomain,
} from '../nodes/Thinkific/transport/site';
import { trimTrailingSlash, withHeaders } from '../nodes/shared/url';

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
		{
			displayName: 'Webhooks API Base URL',
			name: 'webhooksApiBaseUrl',
			type: 'string',
			default: WEBHOOKS_API_DEFAULT,
			required: true,
			description: `Where the Thinkific Trigger registers its webhooks (Thinkific's Webhooks API v2), with the API key. Thinkific's reference and current clients use ${WEBHOOKS_API_DEFAULT}; its OpenAPI file names ${WEBHOOKS_API_ALTERNATIVE}: use that one if the default answers "not found". Must use https (plain http only for localhost).`,
		},
	];

	/**
	 * The Admin API takes the key and the site as headers (a subdomain that is not
	 * one is sent empty); the Webhooks API takes the key as a bearer token
	 * (`Authorization: Bearer <api key>`), as Thinkific's Webhooks API page shows.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const apiKey = String(credentials.apiKey ?? '');
		const webhooksApi = trimTrailingSlash(String(credentials.webhooksApiBaseUrl ?? ''));
		const url = String(requestOptions.url ?? '');
		if (webhooksApi !== '' && url.startsWith(`${webhooksApi}/`)) {
			return withHeaders(requestOptions, { Authorization: `Bearer ${apiKey}` });
		}
		return withHeaders(requestOptions, {
			'X-Auth-API-Key': apiKey,
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
