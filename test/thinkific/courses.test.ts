import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { listSearch } from '../harness';
import type { Auth } from './context';
import { thinkificFixture } from './context';

const t = thinkificFixture();

const pick = (value: string, mode = 'list') => ({ __rl: true, mode, value });

function bodyOf(method: string, path: string): IDataObject {
	const request = t
		.requests()
		.filter((r) => r.method === method && r.path.split('?')[0] === `/api/public/v1${path}`)
		.at(-1);
	return JSON.parse(request!.body) as IDataObject;
}

function queryOf(call: string): URLSearchParams {
	return new URLSearchParams(call.split('?')[1] ?? '');
}

/** The message of an error raised before any request was made. */
async function refused(parameters: IDataObject): Promise<string> {
	const calls = t.apiCalls().length;
	const error = await t.run(parameters as never).catch((e: Error) => e);
	expect(error).toBeInstanceOf(Error);
	expect(t.apiCalls().length).toBe(calls);
	return (error as Error).message;
}

describe.each<Auth>(['thinkificApi', 'thinkificOAuth2Api'])('Thinkific bundles (%s)', (auth) => {
	test('get a bundle and its courses', async () => {
		const [bundle] = await t.run(
			{ resource: 'bundle', operation: 'get', bundleId: pick('301') },
			{ using: auth },
		);
		expect(bundle[0].json).toMatchObject({
			id: 301,
			name: 'Pottery Bundle',
			course_ids: [101, 102],
		});
		const [courses] = await t.run(
			{ resource: 'bundle', operation: 'getCourses', bundleId: pick('301'), returnAll: true },
			{ using: auth },
		);
		expect(courses.map((i) => i.json.name)).toEqual(['Intro to Pottery', 'Advanced Glazing']);
		expect(queryOf(t.apiCalls()[1]).get('limit')).toBe('250');
	});

	test('enroll a user in a bundle (each of its courses), list and update those enrollments', async () => {
		t.provider.seedUsers(2);
		const [enrolled] = await t.run(
			{
				resource: 'bundle',
				operation: 'enrollUser',
				bundleId: pick('301'),
				userId: pick('user2@example.com', 'email'),
				activatedAt: '2026-09-01T08:00:00Z',
				expiryDate: '2027-09-01T08:00:00Z',
			},
			{ using: auth },
		);
		expect(enrolled[0].json).toEqual({
			enrolled: true,
			bundle_id: 301,
			user_id: 2,
			activated_at: '2026-09-01T08:00:00.000Z',
			expiry_date: '2027-09-01T08:00:00.000Z',
		});
		expect(bodyOf('POST', '/bundles/301/enrollments')).toEqual({
			user_id: 2,
			activated_at: '2026-09-01T08:00:00.000Z',
			expiry_date: '2027-09-01T08:00:00.000Z',
		});
		expect(t.sandbox.count('thinkific', 'enrollments created')).toBe(2);

		const [listed] = await t.run(
			{
				resource: 'bundle',
				operation: 'getEnrollments',
				bundleId: pick('301'),
				returnAll: true,
				filters: { userId: '2', expired: false },
			},
			{ using: auth },
		);
		expect(listed.map((i) => [i.json.course_id, i.json.user_id])).toEqual([
			[101, 2],
			[102, 2],
		]);
		const qs = queryOf(t.apiCalls().at(-1)!);
		expect(qs.get('query[user_id]')).toBe('2');
		expect(qs.has('query[expired]')).toBe(false);

		const [updated] = await t.run(
			{
				resource: 'bundle',
				operation: 'updateEnrollments',
				bundleId: pick('301'),
				userId: '2',
				updateFields: { expiryDate: '2028-01-01T00:00:00Z' },
			},
			{ using: auth },
		);
		expect(updated[0].json).toEqual({
			updated: true,
			bundle_id: 301,
			user_id: 2,
			expiry_date: '2028-01-01T00:00:00.000Z',
		});
		expect(bodyOf('PUT', '/bundles/301/enrollments')).toEqual({
			user_id: 2,
			expiry_date: '2028-01-01T00:00:00.000Z',
		});
		expect([...t.provider.enrollments.values()].map((e) => e.expiry_date)).toEqual([
			'2028-01-01T00:00:00.000Z',
			'2028-01-01T00:00:00.000Z',
		]);
	});
});

describe('Thinkific bundle enrollments, both answers', () => {
	test.each([201, 202] as const)(
		'an enrollment Thinkific answers with %s (done now, or later) is reported once',
		async (status) => {
			t.provider.seedUsers(1);
			t.provider.admin.bundleEnrollmentStatus = status;
			const [out] = await t.run({
				resource: 'bundle',
				operation: 'enrollUser',
				bundleId: pick('301', 'id'),
				userId: '1',
				freeTrial: true,
			});
			expect(out[0].json).toEqual({ enrolled: true, bundle_id: 301, user_id: 1 });
			expect(bodyOf('POST', '/bundles/301/enrollments')).toEqual({ user_id: 1 });
			expect(t.sandbox.count('thinkific', 'POST /api/public/v1/bundles/301/enrollments')).toBe(1);
		},
	);

	test('a failed bundle enrollment that may have arrived is not sent again', async () => {
		t.provider.seedUsers(1);
		t.sandbox.inject({
			provider: 'thinkific',
			route: 'POST /api/public/v1/bundles/301/enrollments',
			kind: 'drop',
			phase: 'after',
		});
		const error = await t
			.run({ resource: 'bundle', operation: 'enrollUser', bundleId: pick('301'), userId: '1' })
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toMatch(/may have reached the provider/);
		expect(t.sandbox.count('thinkific', 'bundle enrollments created')).toBe(1);
		expect(t.sandbox.count('thinkific', 'POST /api/public/v1/bundles/301/enrollments')).toBe(1);
	});

	test('bundles are picked from the products, reading on past pages without one', async () => {
		// 603 course products, then the bundle: it is on page 3.
		t.provider.seedCourses(600);
		const all = await t.listSearch('searchBundles', 'thinkificApi');
		expect(all).toEqual({ results: [{ name: 'Pottery Bundle', value: '301' }] });
		expect(t.apiCalls().map((c) => queryOf(c).get('page'))).toEqual(['1', '2', '3']);
		const found = await t.listSearch('searchBundles', 'thinkificOAuth2Api', 'pottery');
		expect(found.results).toEqual([{ name: 'Pottery Bundle', value: '301' }]);
		const none = await t.listSearch('searchBundles', 'thinkificApi', 'course 1');
		expect(none.results).toEqual([]);
	});

	test('bad input is refused before any request', async () => {
		t.provider.seedUsers(1);
		expect(
			await refused({
				resource: 'bundle',
				operation: 'enrollUser',
				bundleId: pick('301'),
				userId: '1',
				expiryDate: 'soon',
			}),
		).toContain('Invalid "Expiry Date" in item 0: "soon" is not a date and time');
		expect(
			await refused({
				resource: 'bundle',
				operation: 'updateEnrollments',
				bundleId: pick('301'),
				userId: '1',
				updateFields: {},
			}),
		).toContain('Invalid "Update Fields" in item 0: add at least one field to change');
	});
});

describe('Thinkific course content', () => {
	test("a course's chapters, a chapter, and a chapter's contents", async () => {
		const [chapters] = await t.run({
			resource: 'course',
			operation: 'getChapters',
			courseId: pick('101'),
			returnAll: true,
		});
		expect(chapters.map((i) => [i.json.id, i.json.name])).toEqual([
			[1, 'Clay'],
			[2, 'Wheel'],
		]);
		const [chapter] = await t.run({
			resource: 'chapter',
			operation: 'get',
			chapterId: pick('2', 'id'),
		});
		expect(chapter[0].json).toMatchObject({ id: 2, name: 'Wheel', content_ids: [1003, 1004] });
		const [contents] = await t.run({
			resource: 'chapter',
			operation: 'getContents',
			courseId: pick('101'),
			chapterId: pick('2'),
			returnAll: true,
		});
		expect(contents.map((i) => i.json.name)).toEqual(['Wheel lesson 1', 'Wheel lesson 2']);
		expect(t.apiCalls().map((c) => c.split('?')[0])).toEqual([
			'GET /courses/101/chapters',
			'GET /chapters/2',
			'GET /chapters/2/contents',
		]);
	});

	test('a long chapter is read in pages of 250, and a limit stops early', async () => {
		const [id] = t.provider.admin.seedChapters(102, ['Glazes'], 300);
		const [all] = await t.run({
			resource: 'chapter',
			operation: 'getContents',
			chapterId: pick(String(id), 'id'),
			returnAll: true,
		});
		expect(all).toHaveLength(300);
		const [few] = await t.run({
			resource: 'chapter',
			operation: 'getContents',
			chapterId: pick(String(id), 'id'),
			limit: 10,
		});
		expect(few).toHaveLength(10);
		expect(t.apiCalls().map((c) => queryOf(c).get('limit'))).toEqual(['250', '250', '10']);
	});

	test("the chapter list shows the chosen course's chapters, and asks for the course first", async () => {
		const editor = (parameters: IDataObject, filter?: string) =>
			listSearch({
				nodeType: t.node,
				method: 'searchChapters',
				filter,
				parameters: { authentication: 'thinkificApi', resource: 'chapter', ...parameters },
				credentials: { thinkificApi: t.apiKeyCredential },
				store: t.store,
			});
		const found = await editor({ courseId: pick('101', 'id') }, 'whe');
		expect(found.results).toEqual([{ name: 'Wheel', value: '2' }]);
		expect(t.apiCalls()[0].split('?')[0]).toBe('GET /courses/101/chapters');
		await expect(editor({})).rejects.toThrow(/choose the course first/i);
	});
});

describe('Thinkific instructors', () => {
	test('create (the slug made from the name when not given), get, list, update and delete', async () => {
		t.provider.seedUsers(1, () => ({ email: 'grace@example.com' }));
		const [created] = await t.run({
			resource: 'instructor',
			operation: 'create',
			firstName: 'Grace',
			lastName: 'Hopper',
			userId: pick('grace@example.com', 'email'),
			additionalFields: { title: 'Rear Admiral', email: 'grace@example.com' },
		});
		expect(created[0].json).toMatchObject({ id: 2, slug: 'grace-hopper', user_id: 1 });
		expect(bodyOf('POST', '/instructors')).toEqual({
			first_name: 'Grace',
			last_name: 'Hopper',
			slug: 'grace-hopper',
			user_id: 1,
			title: 'Rear Admiral',
			email: 'grace@example.com',
		});
		expect(t.sandbox.count('thinkific', 'instructors created')).toBe(1);

		const [got] = await t.run({
			resource: 'instructor',
			operation: 'get',
			instructorId: pick('1'),
		});
		expect(got[0].json).toMatchObject({ first_name: 'Ada', last_name: 'Potter' });
		const [all] = await t.run({ resource: 'instructor', operation: 'getAll', returnAll: true });
		expect(all.map((i) => i.json.id)).toEqual([1, 2]);

		const [updated] = await t.run({
			resource: 'instructor',
			operation: 'update',
			instructorId: pick('2', 'id'),
			updateFields: { bio: 'Wrote the first compiler', lastName: 'Murray Hopper' },
		});
		expect(updated[0].json).toMatchObject({
			id: 2,
			last_name: 'Murray Hopper',
			bio: 'Wrote the first compiler',
		});
		// The spec requires names and slug in every PUT: the current ones are sent with the change.
		expect(bodyOf('PUT', '/instructors/2')).toEqual({
			first_name: 'Grace',
			last_name: 'Murray Hopper',
			slug: 'grace-hopper',
			bio: 'Wrote the first compiler',
		});

		const [deleted] = await t.run({
			resource: 'instructor',
			operation: 'delete',
			instructorId: pick('1'),
		});
		expect(deleted[0].json).toEqual({ deleted: true, id: 1 });
		expect([...t.provider.admin.instructors.keys()]).toEqual([2]);
		expect(t.apiCalls().map((c) => c.split('?')[0])).toEqual([
			'GET /users',
			'POST /instructors',
			'GET /instructors/1',
			'GET /instructors',
			'GET /instructors/2',
			'PUT /instructors/2',
			'GET /instructors/2',
			'DELETE /instructors/1',
		]);
	});

	test('an update that gives the names and the slug is sent without reading the instructor first', async () => {
		const [updated] = await t.run({
			resource: 'instructor',
			operation: 'update',
			instructorId: pick('1', 'id'),
			updateFields: { firstName: 'Ada', lastName: 'Glazer', slug: 'ada-glazer' },
		});
		expect(updated[0].json).toMatchObject({ id: 1, last_name: 'Glazer', slug: 'ada-glazer' });
		expect(bodyOf('PUT', '/instructors/1')).toEqual({
			first_name: 'Ada',
			last_name: 'Glazer',
			slug: 'ada-glazer',
		});
		expect(t.apiCalls()).toEqual(['PUT /instructors/1', 'GET /instructors/1']);
	});

	test("a slug that is taken is refused with Thinkific's reason; bad input is refused first", async () => {
		const taken = await t
			.run({
				resource: 'instructor',
				operation: 'create',
				firstName: 'Ada',
				lastName: 'Potter',
			})
			.catch((e: Error) => e);
		expect((taken as Error).message).toBe('Thinkific answered 422: slug has already been taken');
		expect(
			await refused({ resource: 'instructor', operation: 'create', firstName: 'A', lastName: ' ' }),
		).toContain('Invalid "Last Name" in item 0: it is empty');
		expect(
			await refused({
				resource: 'instructor',
				operation: 'create',
				firstName: 'A',
				lastName: 'B',
				additionalFields: { avatarUrl: 'avatar.png' },
			}),
		).toContain('Invalid "Avatar URL" in item 0');
		expect(
			await refused({
				resource: 'instructor',
				operation: 'update',
				instructorId: pick('1'),
				updateFields: {},
			}),
		).toContain('Invalid "Update Fields" in item 0: add at least one field to change');
	});

	test('the instructor list search looks in names and emails', async () => {
		t.provider.admin.seedInstructors(300);
		const found = await t.listSearch('searchInstructors', 'thinkificApi', 'teacher299@');
		expect(found.results).toEqual([
			{ name: 'First299 Teacher (teacher299@example.com)', value: '300' },
		]);
	});
});

describe('Thinkific course reviews', () => {
	test("create a review (the course in the query, as Thinkific's spec has it) and list a course's reviews", async () => {
		t.provider.seedUsers(2);
		for (const [userId, approved] of [
			['1', true],
			['2', false],
		] as const) {
			await t.run({
				resource: 'courseReview',
				operation: 'create',
				courseId: pick('101'),
				userId,
				rating: 5,
				title: 'Great',
				reviewText: 'Loved the wheel chapter',
				approved,
			});
		}
		const post = t.apiCalls().find((c) => c.startsWith('POST /course_reviews'))!;
		expect(queryOf(post).get('course_id')).toBe('101');
		expect(bodyOf('POST', '/course_reviews')).toEqual({
			rating: 5,
			title: 'Great',
			review_text: 'Loved the wheel chapter',
			user_id: 2,
			approved: false,
		});
		expect(t.sandbox.count('thinkific', 'course reviews created')).toBe(2);

		const [approved] = await t.run({
			resource: 'courseReview',
			operation: 'getAll',
			courseId: pick('101'),
			returnAll: true,
			approvedOnly: true,
		});
		expect(approved.map((i) => i.json.user_id)).toEqual([1]);
		const qs = queryOf(t.apiCalls().at(-1)!);
		expect([qs.get('course_id'), qs.get('approved'), qs.get('limit')]).toEqual([
			'101',
			'true',
			'250',
		]);
		const [all] = await t.run({
			resource: 'courseReview',
			operation: 'getAll',
			courseId: pick('101'),
			returnAll: true,
		});
		expect(all).toHaveLength(2);
	});

	test('a rating outside 1 to 5 is refused before any request', async () => {
		for (const [rating, problem] of [
			[0, '0 is not between 1 and 5'],
			[6, '6 is not between 1 and 5'],
			[4.5, '4.5 is not a whole number'],
		] as const) {
			expect(
				await refused({
					resource: 'courseReview',
					operation: 'create',
					courseId: pick('101'),
					userId: '1',
					rating,
					title: 'T',
					reviewText: 'R',
				}),
			).toContain(`Invalid "Rating" in item 0: ${problem}`);
		}
	});
});

describe('Thinkific enrollment: expire now', () => {
	test('sets the expiry date to now and returns the enrollment, expired', async () => {
		t.provider.seedUsers(1);
		await t.run({
			resource: 'enrollment',
			operation: 'create',
			courseId: pick('101'),
			userId: '1',
		});
		const before = Date.now();
		const [out] = await t.run({
			resource: 'enrollment',
			operation: 'expire',
			enrollmentId: pick('1'),
		});
		const sent = Date.parse(String(bodyOf('PUT', '/enrollments/1').expiry_date));
		expect(sent).toBeGreaterThanOrEqual(before - 1000);
		expect(sent).toBeLessThanOrEqual(Date.now());
		expect(Object.keys(bodyOf('PUT', '/enrollments/1'))).toEqual(['expiry_date']);
		expect(out[0].json).toMatchObject({ id: 1, expired: true });
		expect(t.apiCalls().slice(-2)).toEqual(['PUT /enrollments/1', 'GET /enrollments/1']);
	});

	test('an enrollment is picked from a list searched by user or course, or by email in one request', async () => {
		t.provider.seedUsers(2);
		for (const userId of ['1', '2']) {
			await t.run({
				resource: 'enrollment',
				operation: 'create',
				courseId: pick('102'),
				userId,
			});
		}
		const byName = await t.listSearch('searchEnrollments', 'thinkificApi', 'first2');
		expect(byName.results).toEqual([
			{ name: 'Advanced Glazing: First2 Last2 (user2@example.com)', value: '2' },
		]);
		const calls = t.apiCalls().length;
		const byEmail = await t.listSearch('searchEnrollments', 'thinkificApi', 'USER1@example.com');
		expect(byEmail.results.map((r) => r.value)).toEqual(['1']);
		expect(
			t
				.apiCalls()
				.slice(calls)
				.map((c) => queryOf(c).get('query[email]')),
		).toEqual(['user1@example.com']);
	});

	test('a bad enrollment ID is refused before any request', async () => {
		expect(
			await refused({
				resource: 'enrollment',
				operation: 'expire',
				enrollmentId: pick('1; DROP', 'id'),
			}),
		).toContain('Invalid "Enrollment" in item 0: "1; DROP" is not a Thinkific ID');
	});
});
