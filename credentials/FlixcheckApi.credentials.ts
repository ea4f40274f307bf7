import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { v1BaseUrlProperty } from '../nodes/Flixcheck/transport/hosts';
import { REFUSED_URL, secureUrlBody, withHeaders } from '../nodes/shared/url';

/** The user the credential test reads: the impersonated one, or the key's own. */
const TESTED_USER = 'String($credentials.impersonateUserId || $credentials.userId || "").trim()';

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
				'The Flixcheck API, without a version: the v7 routes (files, API requests). Must use https (plain http only for localhost).',
		},
		v1BaseUrlProperty('checks (send, get, PDF, notes) and the credential test'),
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const userId = String(credentials.userId ?? '').trim();
		const actFor = String(credentials.impersonateUserId ?? '').trim();
		const apiKey = String(credentials.apiKey ?? '').trim();
		return withHeaders(
			requestOptions,
			actFor !== ''
				? {
						'X-Flixcheck-ApiKey': apiKey,
						'X-Flixcheck-AdminUserId': userId,
						'X-Flixcheck-UserId': actFor,
					}
				: { 'X-Flixcheck-ApiKey': apiKey, 'X-Flixcheck-UserId': userId },
		);
	}

	test: ICredentialTestRequest = {
		request: {
			// The user is read on the v1 host. A user ID of "", "." or ".." would change the
			// path of the request: it is refused instead.
			baseURL: `={{ /^\\.{0,2}$/.test(${TESTED_USER}) ? "${REFUSED_URL}" : (${secureUrlBody('$credentials.v1BaseUrl')}) }}`,
			url: `={{ "/api/v1/portal/user/" + encodeURIComponent(${TESTED_USER}) }}`,
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
