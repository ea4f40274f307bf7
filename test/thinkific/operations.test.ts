import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { loadOptions } from '../harness';
import type { Auth } from './context';
import { errorText, secretsIn, thinkificFixture } from './context';

const t = thinkificFixture();

const course = (value: string, mode = 'id') => ({ __rl: true, mode, value });

function bodyOf(method: string, pathStart: string): IDataObject {
	const request = t
		.requests()
		.find((r) => r.method === method && r.path.startsWith(`/api/public/v1${pathStart}`));
	return JSON.parse(request!.body) as IDataObject;
}

function queryOf(call: string): URLSearchParams {
	return new URLSearchParams(call.split('?')[1] ?? '');
}

describe.each<Auth>(['thinkificApi', 'thinkificOAuth2Api'])('Thinkific users (%s)', (auth) => {
	test('create a user with custom profile fields, from the list and as JSON', async () => {
		const [items] = await t.run(
			{
				resource: 'user',
				operation: 'create',
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@example.com',
				additionalFields: {
					roles: ['affiliate'],
					company: ' Analytical Engines ',
					sendWelcomeEmail: true,
					externalId: 'crm-7',
					customProfileFields: { field: [{ definitionId: 1, value: '555 0100' }] },
					customProfileFieldsJson: '{"Membership Level": "Gold"}',
				},
			},
			{ using: auth },
		);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: 1,
			email: 'ada@example.com',
			full_name: 'Ada Lovelace',
			company: 'Analytical Engines',
			roles: ['affiliate'],
		});
		expect(items[0].json.custom_profile_fields).toEqual([
			{ id: 1000, value: '555 0100', label: 'Phone', custom_profile_field_definition_id: 1 },
			{ id: 1001, value: 'Gold', label: 'Membership Level', custom_profile_field_definition_id: 2 },
		]);
		expect(bodyOf('POST', '/users')).toEqual({
			first_name: 'Ada',
			last_name: 'Lovelace',
			email: 'ada@example.com',
			roles: ['affiliate'],
			company: 'Analytical Engines',
			send_welcome_email: true,
			external_id: 'crm-7',
			custom_profile_fields: [
				{ custom_profile_field_definition_id: 1, value: '555 0100' },
				{ custom_profile_field_definition_id: 2, value: 'Gold' },
			],
		});
		expect(t.sandbox.count('thinkific', 'users created')).toBe(1);
		expect(secretsIn(items, t.provider)).toEqual([]);
	});

	test('a user created with an OpenID Connect external ID is found by it', async () => {
		const [created] = await t.run(
			{
				resource: 'user',
				operation: 'create',
				firstName: 'Grace',
				lastName: 'Hopper',
				email: 'grace@example.com',
				additionalFields: { externalId: 'oidc|42', provider: 'OPENID_CONNECT' },
			},
			{ using: auth },
		);
		expect(bodyOf('POST', '/users')).toMatchObject({
			external_id: 'oidc|42',
			provider: 'OPENID_CONNECT',
		});
		const [found] = await t.run(
			{ resource: 'user', operation: 'get', externalId: 'oidc|42', idType: 'OPENID_CONNECT' },
			{ using: auth },
		);
		expect(found[0].json.id).toBe(created[0].json.id);
		const get = t.sandbox.log.at(-1)!;
		expect(get.path).toBe('/api/public/v1/users/oidc%7C42?provider=OPENID_CONNECT');
	});

	test('a provider without an external ID, or an external ID of "..", is refused before any request', async () => {
		const noId = await t
			.run(
				{
					resource: 'user',
					operation: 'create',
					firstName: 'A',
					lastName: 'B',
					email: 'ab@example.com',
					additionalFields: { provider: 'SSO' },
				},
				{ using: auth },
			)
			.catch((e: Error) => e);
		expect((noId as Error).message).toMatch(
			/^Invalid "External ID Provider" in item 0: it is given without an External ID/,
		);
		for (const operation of ['get', 'update', 'delete']) {
			const dotted = await t
				.run(
					{
						resource: 'user',
						operation,
						externalId: '..',
						idType: 'SSO',
						updateFields: { firstName: 'X' },
					},
					{ using: auth },
				)
				.catch((e: Error) => e);
			expect((dotted as Error).message).toMatch(
				/^Invalid "External ID" in item 0: "\.\." is not an ID/,
			);
		}
		expect(t.sandbox.log.filter((r) => r.path.startsWith('/api/'))).toHaveLength(0);
	});

	test('get, update (returning the updated user) and delete a user', async () => {
		t.provider.seedUsers(3);
		const [got] = await t.run({ resource: 'user', operation: 'get', userId: '2' }, { using: auth });
		expect(got[0].json).toMatchObject({ id: 2, email: 'user2@example.com' });

		const [updated] = await t.run(
			{
				resource: 'user',
				operation: 'update',
				userId: '2',
				updateFields: {
					firstName: 'Grace',
					headline: 'Rear admiral',
					customProfileFieldsJson: [{ custom_profile_field_definition_id: 1, value: '42' }],
				},
			},
			{ using: auth },
		);
		expect(t.apiCalls().slice(-2)).toEqual(['PUT /users/2', 'GET /users/2']);
		expect(bodyOf('PUT', '/users/2')).toEqual({
			first_name: 'Grace',
			headline: 'Rear admiral',
			custom_profile_fields: [{ custom_profile_field_definition_id: 1, value: '42' }],
		});
		expect(updated[0].json).toMatchObject({
			id: 2,
			first_name: 'Grace',
			full_name: 'Grace Last2',
			headline: 'Rear admiral',
		});

		const [deleted] = await t.run(
			{ resource: 'user', operation: 'delete', userId: '3' },
			{ using: auth },
		);
		expect(deleted[0].json).toEqual({ deleted: true, id: 3 });
		expect(t.provider.users.has(3)).toBe(false);
	});

	test('get and update a user by external ID', async () => {
		t.provider.seedUsers(2, (i) => ({ external_id: `sso-${i}` }));
		const [got] = await t.run(
			{ resource: 'user', operation: 'get', externalId: 'sso-2', idType: 'SSO' },
			{ using: auth },
		);
		expect(got[0].json.id).toBe(2);
		const [updated] = await t.run(
			{
				resource: 'user',
				operation: 'update',
				externalId: 'sso-2',
				idType: 'SSO',
				updateFields: { company: 'Initech' },
			},
			{ using: auth },
		);
		expect(updated[0].json).toMatchObject({ id: 2, company: 'Initech' });
		expect(t.apiCalls()).toEqual([
			'GET /users/sso-2?provider=SSO',
			'PUT /users/sso-2?provider=SSO',
			'GET /users/sso-2?provider=SSO',
		]);
	});
});

describe('Thinkific user lists', () => {
	test('Get Many of 10,000 users takes exactly 40 requests of 250', async () => {
		t.provider.seedUsers(10_000);
		const [items] = await t.run(
			{ resource: 'user', operation: 'getAll', returnAll: true },
			{ using: 'thinkificOAuth2Api' },
		);
		expect(items).toHaveLength(10_000);
		expect(items[0].json.id).toBe(1);
		expect(items[9_999].json.id).toBe(10_000);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(10_000);
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		const calls = t.apiCalls();
		expect(calls).toHaveLength(40);
		calls.forEach((call, index) => {
			const qs = queryOf(call);
			expect(qs.get('limit')).toBe('250');
			expect(qs.get('page')).toBe(String(index + 1));
		});
		expect(t.tokenRequests()).toBe(0);
	});

	test('a limit reads no more pages than needed, all of one size so they do not overlap', async () => {
		t.provider.seedUsers(600);
		const [items] = await t.run({ resource: 'user', operation: 'getAll', limit: 300 });
		expect(items).toHaveLength(300);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(300);
		expect(t.apiCalls().map((c) => queryOf(c).get('limit'))).toEqual(['250', '250']);
		const [few] = await t.run({ resource: 'user', operation: 'getAll', limit: 30 });
		expect(few).toHaveLength(30);
		expect(
			t
				.apiCalls()
				.slice(-1)
				.map((c) => queryOf(c).get('limit')),
		).toEqual(['30']);
	});

	test('the filters are sent as Thinkific query parameters', async () => {
		t.provider.seedUsers(30, (i) => ({
			roles: i % 10 === 0 ? ['course_admin'] : [],
			external_source: i % 2 ? 'shop' : 'crm',
			custom_profile_fields:
				i === 20 ? [{ custom_profile_field_definition_id: 2, value: 'Gold' }] : [],
		}));
		const [admins] = await t.run({
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			filters: { role: 'course_admin', externalSource: 'crm' },
		});
		expect(admins.map((i) => i.json.id)).toEqual([10, 20, 30]);
		const qs = queryOf(t.apiCalls()[0]);
		expect(qs.get('query[role]')).toBe('course_admin');
		expect(qs.get('query[external_source]')).toBe('crm');

		const [gold] = await t.run({
			resource: 'user',
			operation: 'getAll',
			filters: { customProfileFieldLabel: 'Membership Level', customProfileFieldValue: 'Gold' },
		});
		expect(gold.map((i) => i.json.id)).toEqual([20]);

		const [one] = await t.run({
			resource: 'user',
			operation: 'getAll',
			filters: { email: 'user7@example.com' },
		});
		expect(one.map((i) => i.json.id)).toEqual([7]);
		expect(queryOf(t.apiCalls()[2]).get('query[email]')).toBe('user7@example.com');
	});
});

describe('Thinkific enrollments and courses', () => {
	test('enroll fully (now, or from a date) and as a free trial', async () => {
		t.provider.seedUsers(2);
		const before = Date.now();
		const [full] = await t.run({
			resource: 'enrollment',
			operation: 'create',
			courseId: course('101', 'list'),
			userId: '1',
			expiryDate: '2027-12-31T00:00:00Z',
		});
		expect(full[0].json).toMatchObject({
			user_id: 1,
			course_id: 101,
			course_name: 'Intro to Pottery',
			is_free_trial: false,
			expiry_date: '2027-12-31T00:00:00.000Z',
		});
		expect(Date.parse(String(full[0].json.activated_at))).toBeGreaterThanOrEqual(before - 1000);

		const [dated] = await t.run({
			resource: 'enrollment',
			operation: 'create',
			courseId: course('102'),
			userId: '2',
			activatedAt: '2026-12-01T09:00:00Z',
		});
		expect(dated[0].json.activated_at).toBe('2026-12-01T09:00:00.000Z');

		const [trial] = await t.run({
			resource: 'enrollment',
			operation: 'create',
			courseId: course('103'),
			userId: '2',
			freeTrial: true,
		});
		expect(trial[0].json).toMatchObject({ is_free_trial: true, activated_at: null });
		expect(bodyOf('POST', '/enrollments')).toEqual({
			course_id: 101,
			user_id: 1,
			activated_at: expect.any(String),
			expiry_date: '2027-12-31T00:00:00.000Z',
		});
		expect(JSON.parse(t.requests().filter((r) => r.method === 'POST')[2].body)).toEqual({
			course_id: 103,
			user_id: 2,
		});
		expect(t.sandbox.count('thinkific', 'enrollments created')).toBe(3);
	});

	test('get, list with filters and update enrollments', async () => {
		t.provider.seedUsers(3);
		for (const [userId, courseId, freeTrial] of [
			['1', '101', false],
			['2', '101', true],
			['3', '102', false],
		] as const) {
			await t.run({
				resource: 'enrollment',
				operation: 'create',
				courseId: course(courseId),
				userId,
				freeTrial,
			});
		}
		const [one] = await t.run({ resource: 'enrollment', operation: 'get', enrollmentId: '2' });
		expect(one[0].json).toMatchObject({ id: 2, user_id: 2, is_free_trial: true });

		const [inCourse] = await t.run({
			resource: 'enrollment',
			operation: 'getAll',
			returnAll: true,
			filters: { courseId: '101', full: true, completed: false },
		});
		expect(inCourse.map((i) => i.json.id)).toEqual([1]);
		const qs = queryOf(t.apiCalls().filter((c) => c.startsWith('GET /enrollments?'))[0]);
		expect(qs.get('query[course_id]')).toBe('101');
		expect(qs.get('query[full]')).toBe('true');
		expect(qs.has('query[completed]')).toBe(false);

		const [trials] = await t.run({
			resource: 'enrollment',
			operation: 'getAll',
			filters: { freeTrial: true, email: 'USER2@example.com' },
		});
		expect(trials.map((i) => i.json.id)).toEqual([2]);

		const [updated] = await t.run({
			resource: 'enrollment',
			operation: 'update',
			enrollmentId: '2',
			updateFields: { activatedAt: '2026-11-01T00:00:00Z', expiryDate: '2027-11-01T00:00:00Z' },
		});
		expect(updated[0].json).toMatchObject({
			id: 2,
			is_free_trial: false,
			activated_at: '2026-11-01T00:00:00.000Z',
			expiry_date: '2027-11-01T00:00:00.000Z',
		});
		expect(t.apiCalls().slice(-2)).toEqual(['PUT /enrollments/2', 'GET /enrollments/2']);
	});

	test('courses: get, get many, the course list search and the profile field dropdown', async () => {
		const [one] = await t.run({ resource: 'course', operation: 'get', courseId: course('102') });
		expect(one[0].json).toMatchObject({ id: 102, name: 'Advanced Glazing', product_id: 202 });
		const [all] = await t.run({ resource: 'course', operation: 'getAll', returnAll: true });
		expect(all.map((i) => i.json.id)).toEqual([101, 102, 103]);

		const found = await t.listSearch('searchCourses', 'thinkificOAuth2Api', 'glaz');
		expect(found).toEqual({ results: [{ name: 'Advanced Glazing', value: '102' }] });
		const products = await t.listSearch('searchProducts');
		// The three courses and the bundle are products.
		expect(products.results.map((p) => p.description)).toEqual([
			'Course',
			'Course',
			'Course',
			'Bundle',
		]);

		const fields = await loadOptions({
			nodeType: t.node,
			method: 'getCustomProfileFields',
			parameters: { authentication: 'thinkificApi' },
			credentials: { thinkificApi: t.apiKeyCredential },
			store: t.store,
		});
		expect(fields).toEqual([
			{ name: 'Membership Level', value: 2 },
			{ name: 'Phone', value: 1 },
		]);
	});

	test('an unknown course is reported with the reason Thinkific gave', async () => {
		t.provider.seedUsers(1);
		const error = await t
			.run({ resource: 'enrollment', operation: 'create', courseId: course('999'), userId: '1' })
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe('Thinkific answered 422: Course could not be found.');
		const missing = await t
			.run({ resource: 'course', operation: 'get', courseId: course('999') })
			.catch((e: Error) => e);
		expect((missing as Error).message).toBe('Thinkific answered 404: Record not found.');
	});
});

describe('Thinkific external orders', () => {
	test('create orders of each type, then record a purchase and a refund', async () => {
		t.provider.seedUsers(1);
		const ids: number[] = [];
		for (const orderType of ['one-time', 'subscription', 'payment-plan']) {
			const [order] = await t.run({
				resource: 'externalOrder',
				operation: 'create',
				paymentProvider: 'Stripe',
				userId: '1',
				productId: course('201', 'list'),
				orderType,
				amount: 1999,
				currency: 'usd',
				reference: 'ch_123',
			});
			ids.push(order[0].json.id as number);
			expect(order[0].json).toMatchObject({ order_type: orderType, product_id: 201 });
		}
		expect(ids).toEqual([1, 2, 3]);
		expect(bodyOf('POST', '/external_orders')).toEqual({
			payment_provider: 'Stripe',
			user_id: 1,
			product_id: 201,
			order_type: 'one-time',
			transaction: { amount: 1999, currency: 'USD', reference: 'ch_123', action: 'purchase' },
		});

		const [purchase] = await t.run({
			resource: 'externalOrder',
			operation: 'recordPurchase',
			externalOrderId: '2',
			amount: 1999,
			currency: 'USD',
		});
		expect(purchase[0].json).toEqual({
			recorded: true,
			external_order_id: 2,
			amount: 1999,
			currency: 'USD',
			action: 'purchase',
		});
		const [refund] = await t.run({
			resource: 'externalOrder',
			operation: 'recordRefund',
			externalOrderId: '1',
			amount: 500,
			currency: 'EUR',
			reference: 're_9',
		});
		expect(refund[0].json).toMatchObject({ recorded: true, action: 'refund', amount: 500 });
		expect(t.apiCalls().slice(-2)).toEqual([
			'POST /external_orders/2/transactions/purchase',
			'POST /external_orders/1/transactions/refund',
		]);
		expect(t.provider.externalOrders.get(1)!.transactions.map((x) => x.action)).toEqual([
			'purchase',
			'refund',
		]);
		expect(t.sandbox.count('thinkific', 'external orders created')).toBe(3);
		expect(t.sandbox.count('thinkific', 'transactions recorded')).toBe(5);
	});

	test('a 422 names the field Thinkific rejected and why', async () => {
		t.provider.seedUsers(1);
		const error = await t
			.run({
				resource: 'externalOrder',
				operation: 'create',
				paymentProvider: 'Stripe',
				userId: '1',
				productId: course('299'),
				amount: 100,
				currency: 'USD',
			})
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe(
			'Thinkific answered 422: product_id Product could not be found.',
		);
		const duplicate = await t
			.run({
				resource: 'user',
				operation: 'create',
				firstName: 'A',
				lastName: 'B',
				email: 'USER1@example.com',
			})
			.catch((e: Error) => e);
		expect((duplicate as Error).message).toBe(
			'Thinkific answered 422: email has already been taken',
		);
	});

	test('an order that failed after Thinkific stored it is reported, not sent again', async () => {
		t.provider.seedUsers(1);
		t.sandbox.inject({
			provider: 'thinkific',
			route: 'POST /api/public/v1/external_orders',
			kind: 'drop',
			phase: 'after',
		});
		const error = await t
			.run({
				resource: 'externalOrder',
				operation: 'create',
				paymentProvider: 'Stripe',
				userId: '1',
				productId: course('201'),
				amount: 100,
				currency: 'USD',
			})
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toMatch(/may have reached the provider/);
		expect(t.sandbox.count('thinkific', 'POST /api/public/v1/external_orders')).toBe(1);
		expect(t.sandbox.count('thinkific', 'external orders created')).toBe(1);
	});
});

describe('Thinkific rate limit', () => {
	test.each(['epochSeconds', 'millisecondsToWait'] as const)(
		'a 429 is waited out as RateLimit-Reset says (%s) and the request retried',
		async (reading) => {
			t.provider.seedUsers(1);
			t.provider.resetReading = reading;
			t.sandbox.inject({
				provider: 'thinkific',
				route: 'GET /api/public/v1/users/1',
				kind: 'rateLimit',
				delayMs: 2500,
			});
			const started = Date.now();
			const [items] = await t.run({ resource: 'user', operation: 'get', userId: '1' });
			expect(items[0].json.id).toBe(1);
			// Without reading the header the wait would be 1 s.
			expect(Date.now() - started).toBeGreaterThanOrEqual(2400);
			expect(t.sandbox.count('thinkific', 'GET /api/public/v1/users/1')).toBe(2);
		},
	);

	test('a 429 on an order is retried once: Thinkific refused it before storing it', async () => {
		t.provider.seedUsers(1);
		t.provider.resetReading = 'millisecondsToWait';
		t.sandbox.inject({
			provider: 'thinkific',
			route: 'POST /api/public/v1/external_orders',
			kind: 'rateLimit',
			delayMs: 300,
		});
		await t.run({
			resource: 'externalOrder',
			operation: 'create',
			paymentProvider: 'Stripe',
			userId: '1',
			productId: course('201'),
			amount: 100,
			currency: 'USD',
		});
		expect(t.sandbox.count('thinkific', 'POST /api/public/v1/external_orders')).toBe(2);
		expect(t.sandbox.count('thinkific', 'external orders created')).toBe(1);
	});

	test('the per-minute limit is respected without failing items', async () => {
		t.provider.seedUsers(1);
		t.provider.rateLimit = { limit: 4, windowMs: 1500 };
		const [out] = await t.run(
			{ resource: 'user', operation: 'get', userId: '1' },
			{ items: Array.from({ length: 8 }, () => ({})) },
		);
		expect(out).toHaveLength(8);
		expect(t.requests().some((r) => r.path === '/api/public/v1/users/1')).toBe(true);
		expect(t.sandbox.count('thinkific', 'GET /api/public/v1/users/1')).toBeGreaterThan(8);
	});
});

describe('Thinkific parameter validation', () => {
	async function refused(parameters: IDataObject, items: IDataObject[] = [{}]) {
		const error = (await t.run(parameters as never, { items }).catch((e: Error) => e)) as Error & {
			context: { itemIndex?: number };
		};
		expect(t.apiCalls()).toEqual([]);
		return error;
	}

	const createUser = {
		resource: 'user',
		operation: 'create',
		firstName: 'Ada',
		lastName: 'Lovelace',
		email: '={{ $json.email }}',
	};
	const order = {
		resource: 'externalOrder',
		operation: 'create',
		paymentProvider: 'Stripe',
		userId: '1',
		productId: course('201'),
		amount: '={{ $json.amount }}',
		currency: '={{ $json.currency }}',
	};

	const cases: Array<[IDataObject, IDataObject, string]> = [
		[
			createUser,
			{ email: 'ada.example.com' },
			'Invalid "Email" in item 0: "ada.example.com" is not an email address',
		],
		[createUser, { email: '' }, 'Invalid "Email" in item 0: it is empty'],
		[
			{ resource: 'user', operation: 'get', userId: '={{ $json.id }}' },
			{ id: '' },
			'Invalid "User" in item 0: it is empty',
		],
		[
			{ resource: 'user', operation: 'delete', userId: '={{ $json.id }}' },
			{ id: '12; DROP' },
			'Invalid "User" in item 0: "12; DROP" is not a Thinkific ID (a whole number of 1 or more)',
		],
		[
			{ resource: 'enrollment', operation: 'get', enrollmentId: '  ' },
			{},
			'Invalid "Enrollment" in item 0: it is empty',
		],
		[
			{
				...createUser,
				email: 'a@example.com',
				additionalFields: { customProfileFieldsJson: '{"Phone": ' },
			},
			{},
			'Invalid "Custom Profile Fields (JSON)" in item 0: it is not valid JSON',
		],
		[
			{
				...createUser,
				email: 'a@example.com',
				additionalFields: { customProfileFieldsJson: '"Phone"' },
			},
			{},
			'Invalid "Custom Profile Fields (JSON)" in item 0: it must be a JSON array or object',
		],
		[
			{ ...createUser, email: 'a@example.com', additionalFields: { password: 'abc' } },
			{},
			'Invalid "Password" in item 0: it must have at least 6 characters',
		],
		[
			order,
			{ amount: -100, currency: 'USD' },
			'Invalid "Amount (Minor Units)" in item 0: -100 is negative',
		],
		[
			order,
			{ amount: 19.99, currency: 'USD' },
			'Invalid "Amount (Minor Units)" in item 0: 19.99 is not a whole number',
		],
		[
			order,
			{ amount: 100, currency: 'XYZ' },
			'Invalid "Currency" in item 0: "XYZ" is not an ISO 4217 currency code',
		],
		[
			order,
			{ amount: 100, currency: 'dollars' },
			'Invalid "Currency" in item 0: "dollars" is not an ISO 4217',
		],
		[
			{
				resource: 'externalOrder',
				operation: 'recordRefund',
				externalOrderId: '1',
				amount: -5,
				currency: 'USD',
			},
			{},
			'Invalid "Amount (Minor Units)" in item 0: -5 is negative',
		],
		[
			{
				resource: 'enrollment',
				operation: 'create',
				courseId: course('101'),
				userId: '1',
				expiryDate: 'next week',
			},
			{},
			'Invalid "Expiry Date" in item 0: "next week" is not a date and time',
		],
		[
			{ resource: 'user', operation: 'getAll', filters: { customProfileFieldLabel: 'Phone' } },
			{},
			'Invalid "Custom Profile Field Value" in item 0: it is empty',
		],
		[
			{ resource: 'user', operation: 'update', userId: '1', updateFields: {} },
			{},
			'Invalid "Update Fields" in item 0: add at least one field to change',
		],
	];

	test.each(cases.map(([parameters, json, message]) => [message, parameters, json] as const))(
		'%s: refused before any request',
		async (message, parameters, json) => {
			const error = await refused(parameters, [json]);
			expect(error.message).toContain(message);
			expect(error.context.itemIndex).toBe(0);
		},
	);

	test('the failing item names its own index', async () => {
		t.provider.seedUsers(1);
		const error = (await t
			.run(order as never, {
				items: [
					{ amount: 1, currency: 'USD' },
					{ amount: 2, currency: 'USD' },
					{ amount: 3, currency: 'EURO' },
				],
			})
			.catch((e: Error) => e)) as Error & { context: { itemIndex?: number } };
		expect(error.message).toBe(
			'Invalid "Currency" in item 2: "EURO" is not an ISO 4217 currency code such as USD, EUR or GBP',
		);
		expect(error.context.itemIndex).toBe(2);
		expect(t.sandbox.count('thinkific', 'external orders created')).toBe(2);
	});

	test('with "Continue On Fail" the other items still run, each paired with its input', async () => {
		t.provider.seedUsers(1);
		const [out] = await t.run(order as never, {
			items: [
				{ amount: 100, currency: 'USD' },
				{ amount: -1, currency: 'USD' },
				{ amount: 100, currency: 'ABC' },
				{ amount: 250, currency: 'GBP' },
			],
			continueOnFail: true,
		});
		expect(out.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(out[0].json.id).toBe(1);
		expect(out[1].json.error).toMatch(/Invalid "Amount \(Minor Units\)" in item 1/);
		expect(out[2].json.error).toMatch(/Invalid "Currency" in item 2/);
		expect(out[3].json).toMatchObject({ id: 2, transaction: { amount: 250, currency: 'GBP' } });
		expect(t.sandbox.count('thinkific', 'external orders created')).toBe(2);
		expect(secretsIn(out, t.provider)).toEqual([]);
		expect(errorText(out)).not.toContain('tk_');
	});
});
