import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { v1BaseUrlProperty } from '../nodes/Flixcheck/transport/hosts';
import { secureUrlExpression } from '../nodes/shared/url';

export class FlixcheckOAuth2Api implements ICredentialType {
	name = 'flixcheckOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Flixcheck OAuth2 API';

	icon = {
		light: 'file:../icons/flixcheck.svg',
		dark: 'file:../icons/flixcheck.dark.svg',
	} as const;

	documentationUrl = 'https://docs.flixcheck.com/OAuth-1577412de030802c8d2fe5b218034cdf';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Redirect URL (Copy of the OAuth Redirect URL)',
			name: 'redirectUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://n8n.example.com/rest/oauth2-credential/callback',
			description:
				'Paste the "OAuth Redirect URL" shown above. Flixcheck\'s consent page reads it a second time, as redirectUri; it must be the URL registered for the OAuth client.',
		},
		{
			displayName: 'Portal URL',
			name: 'portalUrl',
			type: 'string',
			default: 'https://app.flixcheck.com/portal',
			required: true,
			description:
				'The Flixcheck portal, where the consent page is. Must use https (plain http only for localhost).',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.flixcheck.com',
			required: true,
			description:
				'The Flixcheck API, without a version: the v7 routes (files, API requests). Tokens come from its /guest/v7/oauth-tokens. Must use https (plain http only for localhost).',
		},
		v1BaseUrlProperty('checks (send, get, PDF, notes)'),
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: secureUrlExpression('$self["portalUrl"]', '/oauth/authorize'),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: secureUrlExpression('$self["apiBaseUrl"]', '/guest/v7/oauth-tokens'),
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'readwrite',
		},
		{
			// Flixcheck's consent page reads the client ID and redirect URL in camelCase;
			// n8n adds the usual client_id and redirect_uri itself.
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default:
				'={{ "clientId=" + encodeURIComponent(String($self["clientId"] ?? "").trim()) + "&redirectUri=" + encodeURIComponent(String($self["redirectUrl"] ?? "").trim()) }}',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}
