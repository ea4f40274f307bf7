import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { secureUrlExpression } from '../nodes/shared/url';

export class FlixcheckApi implements ICredentialType {
	name = 'flixcheckApi';

	displayName = 'Flixcheck API';

	icon = {
		light: 'file:../icons/flixcheck.svg',
		dark: 'file:../icons/flixcheck.dark.svg',
	} as const;

	documentationUrl = 'https://docs.flixcheck.com/Authentication-1dd7412de030800899c3d72cf3f32772';

	properties: INodeProperties[] = [
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			description: 'The ID of the user who created the API key (Show my profile → API access)',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key of that user',
		},
		{
			displayName: 'Act for User ID',
			name: 'impersonateUserId',
			type: 'string',
			default: '',
			description:
				"Optional. The ID of a user of the same team or a team below, to act in that user's name. The user above must then be an admin: it is sent as the admin user, this one as the user.",
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.flixcheck.com',
			required: true,
			description:
				'The Flixcheck API, without a version. Must use https (plain http only for localhost).',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const userId = String(credentials.userId ?? '').trim();
		const actFor = String(credentials.impersonateUserId ?? '').trim();
		const headers: Record<string, string> = {
			...(requestOptions.headers as Record<string, string> | undefined),
			'X-Flixcheck-ApiKey': String(credentials.apiKey ?? '').trim(),
		};
		if (actFor !== '') {
			headers['X-Flixcheck-AdminUserId'] = userId;
			headers['X-Flixcheck-UserId'] = actFor;
		} else {
			headers['X-Flixcheck-UserId'] = userId;
		}
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: secureUrlExpression('$credentials.apiBaseUrl'),
			url: '={{ "/api/v1/portal/user/" + encodeURIComponent(String($credentials.impersonateUserId || $credentials.userId || "").trim()) }}',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'The user ID or the API key is wrong' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The user may not act for the "Act for User ID" user (an admin of its team is needed)',
				},
			},
		],
	};
}
