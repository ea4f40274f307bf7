import type { OperationRow, RequestRow } from './types';

/** Pieces of the Thinkific table's rows that several parts of it use (see thinkific.ts). */

export const PAGES = 'page limit';

/** Thinkific answers a change (PUT) with 204 and no body: the record is read afterwards. */
export const READ_BACK =
	'Read back after the change, which Thinkific answers with 204 and no body.';

/** Looks the user up when the node is given an email address instead of an ID. */
export const USER_BY_EMAIL: RequestRow = {
	method: 'GET',
	route: '/users',
	query: `${PAGES} query[email]`,
	when: 'the user is given by email address (looked up first)',
	sources: ['spec', 'pipedream'],
};

/** An operation of `resource` that sends these requests. */
export function operationRow(
	resource: string,
	operation: string,
	...requests: RequestRow[]
): OperationRow {
	return { resource, operation, requests };
}

/** `GET route` of one record, as the sources name it. */
export function getRow(route: string, sources: string[], more: Partial<RequestRow> = {}) {
	return { method: 'GET' as const, route, sources, ...more };
}

/** `GET route` of a paged list, with the query fields beyond `page` and `limit`. */
export function listRow(route: string, sources: string[], more: Partial<RequestRow> = {}) {
	const query = [PAGES, more.query].filter(Boolean).join(' ');
	return { method: 'GET' as const, route, sources, ...more, query };
}
