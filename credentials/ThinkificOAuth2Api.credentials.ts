import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	SUBDOMAIN_HINT,
	WEBHOOKS_API_ALTERNATIVE,
	WEBHOOKS_API_DEFAULT,
	siteUrlExpression,
} from '../nodes/Thinkific/transport/site';

export class ThinkificOAuth2Api implements ICredentialType {
	name = 'thinkificOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Thinkific OAuth2 API';

	icon = {
		light: 'file:../icons/thinkific.svg',
		dark: 'file:../icons/thinkific.dark.svg',
	} as const;

	documentationUrl = 'https://developers.thinkific.com/api/authorization/';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
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
			displayName: 'Site URL',
			name: 'siteUrl',
			type: 'string',
			default: '',
			placeholder: 'https://acme.thinkific.com',
			description:
				'Leave empty to use https://<subdomain>.thinkific.com. Set it only to reach the site through a proxy or a test server. Must use https (plain http only for localhost).',
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
			description: `Where the Thinkific Trigger registers its webhooks (Thinkific's Webhooks API v2). Thinkific's reference and current clients use ${WEBHOOKS_API_DEFAULT}; its OpenAPI file names ${WEBHOOKS_API_ALTERNATIVE}: use that one if the default answers "not found". Must use https (plain http only for localhost).`,
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: siteUrlExpression('/oauth2/authorize'),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: siteUrlExpression('/oauth2/token'),
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
			default: 'header',
		},
	];
}
