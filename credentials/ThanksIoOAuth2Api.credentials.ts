import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { secureUrlExpression } from '../nodes/shared/url';

export class ThanksIoOAuth2Api implements ICredentialType {
	name = 'thanksIoOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'thanks.io OAuth2 API';

	icon = {
		light: 'file:../icons/thanksio.svg',
		dark: 'file:../icons/thanksio.dark.svg',
	} as const;

	documentationUrl = 'https://docs.thanks.io/authentication/oauth';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authorizationUrl',
			type: 'string',
			default: 'https://dashboard.thanks.io/oauth/authorize',
			required: true,
			description:
				'Where you approve access to your thanks.io account. Must use https (plain http only for localhost).',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: 'https://dashboard.thanks.io/oauth/token',
			required: true,
			description:
				'Where n8n exchanges the authorization code and refresh tokens. Must use https (plain http only for localhost).',
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
		{
			displayName: 'Auth URL',
			name: 'authUrl',
			type: 'hidden',
			default: secureUrlExpression('$self["authorizationUrl"]'),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: secureUrlExpression('$self["tokenUrl"]'),
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
		{
			// thanks.io answers an expired or revoked token with 403, not 401: n8n refreshes on both.
			displayName: 'Token Expired Status Code',
			name: 'tokenExpiredStatusCode',
			type: 'hidden',
			typeOptions: { password: true },
			default: [401, 403],
		},
	];
}
