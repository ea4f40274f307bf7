import { thinkificFixture } from './context';

const t = thinkificFixture();

const user = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const course = (value: string) => ({ __rl: true, mode: 'id', value });

function pagesRead(path: string): string[] {
	return t
		.apiCalls()
		.filter((call) => call.startsWith(`GET ${path}?`))
		.map((call) => new URLSearchParams(call.split('?')[1]).get('page') ?? '');
}

describe('Thinkific course and product search', () => {
	beforeEach(() => {
		// 603 courses: three pages of 250; "Raku Firing" is the last course of page 3.
		t.provider.seedCourses(600, (i) => (i === 600 ? 'Raku Firing' : `Course ${i}`));
	});

	test('a term finds a course on the third page, reading pages of 250 until the match', async () => {
		const found = await t.listSearch('searchCourses', 'thinkificApi', '  RAKU ');
		expect(found.results).toEqual([{ name: 'Raku Firing', value: '1603' }]);
		expect(found.paginationToken).toBeUndefined();
		expect(pagesRead('/courses')).toEqual(['1', '2', '3']);
		expect(t.apiCalls().every((call) => call.includes('limit=250'))).toBe(true);
	});

	test('a term that matches on the first page reads one page and offers the next', async () => {
		const found = await t.listSearch('searchCourses', 'thinkificApi', 'course 3');
		expect(found.results.length).toBeGreaterThan(0);
		expect(found.results.every((r) => /course 3/i.test(r.name))).toBe(true);
		expect(found.paginationToken).toBe('2');
		expect(pagesRead('/courses')).toEqual(['1']);

		// Scrolling down reads on from page 2.
		const more = await t.listSearch('searchCourses', 'thinkificApi', 'course 3', '2');
		expect(more.results.length).toBeGreaterThan(0);
		expect(pagesRead('/courses')).toEqual(['1', '2']);
	});

	test('without a term, one page of 250; a term that matches nothing reads every page once', async () => {
		const all = await t.listSearch('searchCourses', 'thinkificOAuth2Api');
		expect(all.results).toHaveLength(250);
		expect(all.paginationToken).toBe('2');

		const none = await t.listSearch('searchCourses', 'thinkificOAuth2Api', 'watercolour');
		expect(none).toEqual({ results: [] });
		expect(pagesRead('/courses')).toEqual(['1', '1', '2', '3']);
	});

	test('products are searched the same way, by name', async () => {
		const found = await t.listSearch('searchProducts', 'thinkificApi', 'raku');
		expect(found.results).toEqual([{ name: 'Raku Firing', value: '2603', description: 'Course' }]);
		expect(pagesRead('/products')).toEqual(['1', '2', '3']);
	});

	test('a pager that ignores the page number ends the search instead of reading forever', async () => {
		t.sandbox.inject({
			provider: 'thinkific',
			route: 'GET /api/public/v1/courses',
			kind: 'stuckPager',
			times: 5,
		});
		const found = await t.listSearch('searchCourses', 'thinkificApi', 'raku');
		expect(found).toEqual({ results: [] });
		expect(pagesRead('/courses')).toEqual(['1', '2']);
	});
});

describe('Thinkific user search and lookup by email', () => {
	beforeEach(() => {
		t.provider.seedUsers(520);
		t.provider.seedUsers(1, () => ({
			first_name: 'Grace',
			last_name: 'Hopper',
			email: 'grace@navy.example.com',
		}));
	});

	test('a name is looked for in names and emails, page after page', async () => {
		const found = await t.listSearch('searchUsers', 'thinkificApi', 'grace hop');
		expect(found.results).toEqual([
			{ name: 'Grace Hopper (grace@navy.example.com)', value: '521' },
		]);
		expect(pagesRead('/users')).toEqual(['1', '2', '3']);

		const partial = await t.listSearch('searchUsers', 'thinkificApi', '@navy.example');
		expect(partial.results.map((r) => r.value)).toEqual(['521']);
	});

	test("a whole email address is one request with Thinkific's email filter", async () => {
		const found = await t.listSearch('searchUsers', 'thinkificOAuth2Api', 'Grace@Navy.example.com');
		expect(found).toEqual({
			results: [{ name: 'Grace Hopper (grace@navy.example.com)', value: '521' }],
		});
		expect(t.apiCalls()).toHaveLength(1);
		expect(new URLSearchParams(t.apiCalls()[0].split('?')[1]).get('query[email]')).toBe(
			'grace@navy.example.com',
		);
	});

	test('Find by Email outputs the user, or no item at all when nobody has the address', async () => {
		const [found] = await t.run({
			resource: 'user',
			operation: 'findByEmail',
			email: ' GRACE@navy.example.com ',
		});
		expect(found).toHaveLength(1);
		expect(found[0].json).toMatchObject({ id: 521, first_name: 'Grace' });
		expect(found[0].pairedItem).toEqual({ item: 0 });

		const [none] = await t.run(
			{ resource: 'user', operation: 'findByEmail', email: '={{ $json.email }}' },
			{ items: [{ email: 'nobody@example.com' }, { email: 'user3@example.com' }] },
		);
		expect(none.map((i) => [i.json.email, i.pairedItem])).toEqual([
			['user3@example.com', { item: 1 }],
		]);
	});

	test('Find by Email refuses a malformed address before any request', async () => {
		const error = await t
			.run({ resource: 'user', operation: 'findByEmail', email: 'grace.example.com' })
			.catch((e: unknown) => e);
		expect((error as Error).message).toBe(
			'Invalid "Email" in item 0: "grace.example.com" is not an email address',
		);
		expect(t.apiCalls()).toEqual([]);
	});

	test('an enrollment picks its user by email, with one lookup request', async () => {
		const [items] = await t.run({
			resource: 'enrollment',
			operation: 'create',
			courseId: course('101'),
			userId: user('grace@navy.example.com', 'email'),
		});
		expect(items[0].json).toMatchObject({ user_id: 521, course_id: 101 });
		expect(t.apiCalls().map((c) => c.split('?')[0])).toEqual(['GET /users', 'POST /enrollments']);
	});

	test('an unknown email fails the item, naming the field, and enrolls nobody', async () => {
		const error = await t
			.run({
				resource: 'enrollment',
				operation: 'create',
				courseId: course('101'),
				userId: user('nobody@example.com', 'email'),
			})
			.catch((e: unknown) => e);
		expect((error as Error).message).toBe(
			'Invalid "User" in item 0: no Thinkific user has the email nobody@example.com',
		);
		expect(t.provider.enrollments.size).toBe(0);
	});

	test('Get, Update and Delete take the user from the list, by ID, by email or by external ID', async () => {
		const [fromList] = await t.run({ resource: 'user', operation: 'get', userId: user('521') });
		expect(fromList[0].json.email).toBe('grace@navy.example.com');
		const [byEmail] = await t.run({
			resource: 'user',
			operation: 'update',
			userId: user('grace@navy.example.com', 'email'),
			updateFields: { company: 'US Navy' },
		});
		expect(byEmail[0].json).toMatchObject({ id: 521, company: 'US Navy' });
		const [deleted] = await t.run({
			resource: 'user',
			operation: 'delete',
			userId: user('3', 'id'),
		});
		expect(deleted[0].json).toEqual({ deleted: true, id: 3 });
		expect(t.provider.users.has(3)).toBe(false);
	});
});
