import type { ProviderTable } from './types';

/** The recipient and check fields of a v1 check (see the recipient properties in the docs). */
const CHECK =
	'check.recipient.mobile check.recipient.email check.recipient.gender check.recipient.firstname ' +
	'check.recipient.lastname check.recipient.name check.recipient.informally ' +
	'check.subject check.sendBy check.elements* sendOptions*';

const V1_DECISION =
	'The docs call the v1 routes deprecated ("stick to v7 routes") but publish no v7 route for checks; the vendor\'s SDK, in its newest version, sends this v1 route to api.flixcheck.com. The node follows the SDK, on the "V1 API Base URL" (www.flixcheck.de before April 2020).';

export const FLIXCHECK_TABLE: ProviderTable = {
	provider: 'flixcheck',
	title: 'Flixcheck',
	node: 'flixcheck',
	hosts: {
		api: 'https://api.flixcheck.com (API Base URL)',
		v1: 'https://api.flixcheck.com (V1 API Base URL)',
	},
	sources: {
		sdk: {
			title: 'Flixcheck JavaScript SDK, lib/flixcheck-client.js (newest commit 8f627ae, July 2020)',
			kind: "provider's own client",
			where:
				'https://github.com/denkpark/flixcheck-javascript-sdk/blob/8f627aefbf15e4300861275aa5a812bb73d2c33a/lib/flixcheck-client.js',
		},
		hints: {
			title:
				'Flixcheck API docs: Explanations and Hints (recipient properties; the portal as a blueprint for routes)',
			kind: "provider's docs",
			where: 'https://docs.flixcheck.com/Explanations-and-Hints-1c07412de030804bafbae7a299a6dd05',
		},
		sendFile: {
			title: 'Flixcheck API docs: Send a file',
			kind: "provider's docs",
			where: 'https://docs.flixcheck.com/Send-a-file-2317412de03080f28a00e1b2cdbad0fd',
		},
	},
	operations: [
		{
			resource: 'check',
			operation: 'send',
			requests: [
				{
					method: 'POST',
					route: '/api/v1/portal/check',
					host: 'v1',
					body: CHECK,
					sources: ['sdk', 'hints'],
					decision: V1_DECISION,
				},
			],
		},
		{
			resource: 'check',
			operation: 'get',
			requests: [
				{ method: 'GET', route: '/api/v1/portal/check/{id}', host: 'v1', sources: ['sdk'] },
			],
		},
		{
			resource: 'check',
			operation: 'getAll',
			requests: [
				{
					method: 'GET',
					route: '/user/v7/checks',
					sources: [],
					unconfirmed:
						"No source names a route that lists checks (v1 or v7), and the SDK has no list function; the node uses the route v7's naming suggests (/user/v7/files, /user/v7/temp-files) and says so in the editor.",
				},
			],
		},
		{
			resource: 'check',
			operation: 'getPdf',
			requests: [
				{
					method: 'GET',
					route: '/api/v1/portal/check/{id}/pdf',
					host: 'v1',
					query: 'bigPictures withEvents withOtherPdfs',
					sources: ['sdk'],
					decision:
						'The SDK also sends withIrrelevantElements, embedFileUploads, hideMetadata and includeElementIds; the node offers the three options the SDK has had since its first PDF function.',
				},
			],
		},
		{
			resource: 'check',
			operation: 'updateNotes',
			requests: [
				{
					method: 'PUT',
					route: '/api/v1/portal/check/{id}',
					host: 'v1',
					body: 'check.notes',
					sources: ['sdk'],
				},
			],
		},
		{
			resource: 'file',
			operation: 'upload',
			requests: [
				{
					method: 'POST',
					route: '/user/v7/temp-files',
					body: 'file',
					bodyType: 'multipart',
					sources: ['sendFile'],
				},
				{
					method: 'POST',
					route: '/user/v7/files',
					query: 'action',
					body: 'jwt',
					sources: ['sendFile'],
				},
			],
		},
		{
			resource: 'apiRequest',
			operation: 'send',
			requests: [
				{
					method: 'ANY',
					route: '/{scope}/v7/{path*}',
					body: '*',
					query: '*',
					sources: ['hints'],
					decision:
						"Any v7 route the user gives, with the body and query the user gives: the docs tell integrators to copy routes from the portal's network tab.",
				},
			],
		},
	],
	notes: [
		'Tokens: `POST /guest/v7/oauth-tokens` with a JSON body in the OAuth docs; n8n sends the same fields form-encoded (see the README).',
	],
};
