import type { SandboxRoute } from './types';

/** What test/sandbox/flixcheck.ts serves (the v1 routes on both of its mounts). */
export const FLIXCHECK_ROUTES: SandboxRoute[] = [
	{
		method: 'POST',
		route: '/api/v1/portal/check',
		host: 'v1',
		body: [
			'check.recipient.mobile check.recipient.email check.recipient.gender',
			'check.recipient.firstname check.recipient.lastname check.recipient.name',
			'check.recipient.informally check.subject check.sendBy check.elements* sendOptions*',
		].join(' '),
	},
	{ method: 'GET', route: '/api/v1/portal/check/{id}', host: 'v1' },
	{ method: 'PUT', route: '/api/v1/portal/check/{id}', host: 'v1', body: 'check.notes' },
	{
		method: 'GET',
		route: '/api/v1/portal/check/{id}/pdf',
		host: 'v1',
		query: 'bigPictures withEvents withOtherPdfs',
	},
	{ method: 'GET', route: '/api/v1/portal/user/{id}', host: 'v1' },
	{ method: 'GET', route: '/user/v7/checks' },
	{ method: 'POST', route: '/user/v7/temp-files', body: 'file', bodyType: 'multipart' },
	{ method: 'POST', route: '/user/v7/files', query: 'action', body: 'jwt' },
	{ method: 'GET', route: '/user/v7/files/{id}' },
	{ method: 'POST', route: '/user/v7/oauth-codes', body: 'resource.clientId' },
];
