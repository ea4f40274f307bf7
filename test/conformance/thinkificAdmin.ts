import type { OperationRow, RequestRow } from './types';
import { getRow, listRow, operationRow, READ_BACK, USER_BY_EMAIL } from './thinkificRows';

/**
 * The Thinkific table's rows for groups, bundles, course content, instructors,
 * course reviews and Expire Now (see thinkific.ts for the sources).
 */

const INSTRUCTOR = 'first_name last_name slug title bio avatar_url email user_id';
const BUNDLE_ENROLLMENT = 'user_id activated_at expiry_date';
const BUNDLE_FILTERS =
	'query[user_id] query[email] query[completed] query[expired] query[created_after] query[created_before] query[updated_after] query[updated_before]';

const group = (operation: string, ...requests: RequestRow[]) =>
	operationRow('group', operation, ...requests);
const bundle = (operation: string, ...requests: RequestRow[]) =>
	operationRow('bundle', operation, ...requests);
const instructor = (operation: string, ...requests: RequestRow[]) =>
	operationRow('instructor', operation, ...requests);

export const THINKIFIC_ADMIN_ROWS: OperationRow[] = [
	operationRow(
		'enrollment',
		'expire',
		{
			method: 'PUT',
			route: '/enrollments/{id}',
			body: 'expiry_date',
			sources: ['spec', 'saloon'],
			decision:
				'Expire Now sends `expiry_date` set to the current time. No source says how soon Thinkific marks the enrollment `expired`; the output is what Thinkific answers.',
		},
		getRow('/enrollments/{id}', ['spec'], { decision: READ_BACK }),
	),
	operationRow('course', 'getChapters', listRow('/courses/{id}/chapters', ['spec', 'saloon'])),
	group('create', { method: 'POST', route: '/groups', body: 'name', sources: ['spec', 'saloon'] }),
	group('get', getRow('/groups/{id}', ['spec', 'saloon'])),
	group('getAll', listRow('/groups', ['spec', 'saloon'])),
	group('delete', {
		method: 'DELETE',
		route: '/groups/{id}',
		sources: ['changelog', 'specTags', 'saloon'],
		decision:
			"Not in the OpenAPI copy cited as [spec]: Thinkific's changelog added it later, and the later per-tag copy of the spec and the PHP client have it. The changelog wins.",
	}),
	group(
		'addUser',
		USER_BY_EMAIL,
		getRow('/groups/{id}', ['spec', 'saloon'], {
			decision:
				'Thinkific adds users to groups named by their names: the group picked by ID is read once per execution for its name.',
		}),
		{
			method: 'POST',
			route: '/group_users',
			body: 'user_id group_names',
			sources: ['spec', 'saloon'],
			decision:
				'The spec and the PHP client name groups by `group_names` only; no route takes a user out of a group, so the node offers none.',
		},
	),
	group('addAnalyst', USER_BY_EMAIL, {
		method: 'POST',
		route: '/groups/{id}/analysts',
		body: 'user_ids',
		sources: ['spec', 'saloon'],
	}),
	group(
		'getAnalysts',
		listRow('/groups/{id}/analysts', ['spec', 'saloon'], {
			decision:
				'The spec lists no paging here and answers `{group_analysts: [user IDs]}` in one piece, as the PHP client reads it; the node sends `page` and `limit` as on every list and reads either that answer or a paged list.',
		}),
	),
	group('removeAnalyst', USER_BY_EMAIL, {
		method: 'DELETE',
		route: '/groups/{id}/analysts/{user_id}',
		sources: ['spec', 'saloon'],
	}),
	bundle('get', getRow('/bundles/{id}', ['spec', 'saloon'])),
	bundle('getCourses', listRow('/bundles/{id}/courses', ['spec', 'saloon'])),
	bundle(
		'getEnrollments',
		listRow('/bundles/{id}/enrollments', ['spec', 'saloon'], {
			query: BUNDLE_FILTERS,
			decision:
				'The spec describes `query[completed]` and `query[expired]` as filters "when set to true" but types them as dates: the node sends `true`, and leaves them out otherwise.',
		}),
	),
	bundle('enrollUser', USER_BY_EMAIL, {
		method: 'POST',
		route: '/bundles/{id}/enrollments',
		body: BUNDLE_ENROLLMENT,
		sources: ['spec', 'saloon'],
		decision:
			'The spec documents 201 (enrolled now) and 202 (enrolled later), both without a body: the node outputs what it sent.',
	}),
	bundle('updateEnrollments', USER_BY_EMAIL, {
		method: 'PUT',
		route: '/bundles/{id}/enrollments',
		body: BUNDLE_ENROLLMENT,
		sources: ['spec', 'saloon'],
	}),
	operationRow('chapter', 'get', getRow('/chapters/{id}', ['spec', 'saloon'])),
	operationRow('chapter', 'getContents', listRow('/chapters/{id}/contents', ['spec', 'saloon'])),
	instructor('create', USER_BY_EMAIL, {
		method: 'POST',
		route: '/instructors',
		body: INSTRUCTOR,
		sources: ['spec', 'saloon'],
		decision:
			'The spec requires `slug` (and says it will be dropped one day): when none is given the node makes one from the names.',
	}),
	instructor('get', getRow('/instructors/{id}', ['spec', 'saloon'])),
	instructor('getAll', listRow('/instructors', ['spec', 'saloon'])),
	instructor(
		'update',
		USER_BY_EMAIL,
		getRow('/instructors/{id}', ['spec', 'saloon'], {
			decision: `Read before the change for the names and slug it does not give, which the spec requires in every change and the PHP client always sends. ${READ_BACK}`,
		}),
		{ method: 'PUT', route: '/instructors/{id}', body: INSTRUCTOR, sources: ['spec', 'saloon'] },
	),
	instructor('delete', {
		method: 'DELETE',
		route: '/instructors/{id}',
		sources: ['spec', 'saloon'],
	}),
	operationRow('courseReview', 'create', USER_BY_EMAIL, {
		method: 'POST',
		route: '/course_reviews',
		query: 'course_id',
		body: 'rating title review_text user_id approved',
		sources: ['spec', 'saloon'],
		decision:
			'The course goes in the query, as the spec and the PHP client send it; the rating "out of 5" is sent as a whole number from 1 to 5.',
	}),
	operationRow(
		'courseReview',
		'getAll',
		listRow('/course_reviews', ['spec', 'saloon'], {
			query: 'course_id approved',
			decision: '`approved` only as `true` (the spec: "If true, returns only approved").',
		}),
	),
];
