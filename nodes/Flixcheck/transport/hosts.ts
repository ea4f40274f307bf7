import type { INodeProperties } from 'n8n-workflow';

/**
 * The credentials' field for the host of Flixcheck's deprecated v1 routes, which
 * the check operations use (and the API-key credential's test). Flixcheck's own
 * JavaScript SDK has sent them to https://api.flixcheck.com since 2020 and to
 * https://www.flixcheck.de before.
 */
export function v1BaseUrlProperty(usedFor: string): INodeProperties {
	return {
		displayName: 'V1 API Base URL',
		name: 'v1BaseUrl',
		type: 'string',
		default: 'https://api.flixcheck.com',
		required: true,
		description: `Where the deprecated v1 routes are sent: ${usedFor}. Flixcheck's own JavaScript SDK has used https://api.flixcheck.com since 2020 and https://www.flixcheck.de before. Must use https (plain http only for localhost).`,
	};
}
