import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Auth } from './context';
import { secretsIn, thinkificFixture } from './context';

/** Promotions and their coupons: created, read, changed and deleted through n8n-core. */

const t = thinkificFixture();

const pick = (value: string, mode = 'list') => ({ __rl: true, mode, value });

/** The JSON body and the query of the requests the sandbox received for a route. */
function sent(method: string, path: string): Array<{ body: unknown; query: string }> {
	return t
		.requests()
		.filter((r) => r.method === method && r.path.split('?')[0] === `/api/public/v1${path}`)
		.map((r) => ({
			body: r.body ? JSON.parse(r.body) : undefined,
			query: r.path.split('?')[1] ?? '',
		}));
}

const createPromotion = {
	resource: 'promotion',
	operation: 'create',
	name: 'Black Friday',
	discountType: 'percentage',
	amount: 30,
};

describe.each<Auth>(['thinkificApi', 'thinkificOAuth2Api'])('Thinkific promotions (%s)', (auth) => {
	test('create a promotion for two products, then get it and list all', async () => {
		const [created] = await t.run(
			{
				...createPromotion,
				additionalFields: {
					description: 'A third off',
					startsAt: '2026-11-27T00:00:00Z',
					expiresAt: '2026-11-30T23:59:59Z',
					productIds: ['201', '203'],
				},
			},
			{ using: auth },
		);
		expect(created[0].json).toMatchObject({
			id: 2,
			name: 'Black Friday',
			discount_type: 'percentage',
			amount: 30,
			product_ids: [201, 203],
		});
		expect(sent('POST', '/promotions')[0].body).toEqual({
			name: 'Black Friday',
			discount_type: 'percentage',
			amount: 30,
			description: 'A third off',
			starts_at: '2026-11-27T00:00:00.000Z',
			expires_at: '2026-11-30T23:59:59.000Z',
			product_ids: [201, 203],
		});
		expect(t.sandbox.count('thinkific', 'promotions created')).toBe(1);

		const [got] = await t.run(
			{ resource: 'promotion', operation: 'get', promotionId: pick('2') },
			{ using: auth },
		);
		expect(got[0].json).toEqual(created[0].json);
		const [all] = await t.run(
			{ resource: 'promotion', operation: 'getAll', returnAll: true },
			{ using: auth },
		);
		expect(all.map((i) => i.json.name)).toEqual(['Spring Sale', 'Black Friday']);
	});

	test('an update of one field sends the required name, type and amount as they are, and returns the promotion', async () => {
		const [updated] = await t.run(
			{
				resource: 'promotion',
				operation: 'update',
				promotionId: pick('1', 'id'),
				updateFields: { expiresAt: '2026-06-01T00:00:00Z' },
			},
			{ using: auth },
		);
		expect(t.apiCalls()).toEqual(['GET /promotions/1', 'PUT /promotions/1', 'GET /promotions/1']);
		expect(sent('PUT', '/promotions/1')[0].body).toEqual({
			name: 'Spring Sale',
			discount_type: 'percentage',
			amount: 20,
			expires_at: '2026-06-01T00:00:00.000Z',
		});
		expect(updated[0].json).toMatchObject({ id: 1, expires_at: '2026-06-01T00:00:00.000Z' });
	});

	test('an update that gives name, type and amount reads nothing first', async () => {
		const [updated] = await t.run(
			{
				resource: 'promotion',
				operation: 'update',
				promotionId: pick('1'),
				updateFields: {
					name: 'Summer Sale',
					discountType: 'fixed',
					amount: 12.5,
					productIds: '202',
				},
			},
			{ using: auth },
		);
		expect(t.apiCalls()).toEqual(['PUT /promotions/1', 'GET /promotions/1']);
		expect(updated[0].json).toMatchObject({
			name: 'Summer Sale',
			discount_type: 'fixed',
			amount: 12.5,
			product_ids: [202],
		});
	});

	test('delete a promotion', async () => {
		const [deleted] = await t.run(
			{ resource: 'promotion', operation: 'delete', promotionId: pick('1') },
			{ using: auth },
		);
		expect(deleted[0].json).toEqual({ deleted: true, id: 1 });
		expect(t.provider.commerce.promotions.has(1)).toBe(false);
		expect(t.apiCalls()).toEqual(['DELETE /promotions/1']);
	});
});

describe('Thinkific promotion by coupon code', () => {
	test('finds the promotion of a code for a product; no item when there is none', async () => {
		const [found] = await t.run({
			resource: 'promotion',
			operation: 'findByCoupon',
			couponCode: ' SPRING20 ',
			productId: pick('202'),
		});
		expect(found.map((i) => i.json.id)).toEqual([1]);
		expect(t.apiCalls()).toEqual(['GET /promotions/by_coupon?product_id=202&coupon_code=SPRING20']);

		const [none] = await t.run(
			{
				resource: 'promotion',
				operation: 'findByCoupon',
				couponCode: '={{ $json.code }}',
				productId: pick('201', 'id'),
			},
			{ items: [{ code: 'NOPE' }, { code: 'spring20' }] },
		);
		expect(none.map((i) => [i.json.id, i.pairedItem])).toEqual([[1, { item: 1 }]]);
	});

	test('an empty code is refused before any request', async () => {
		const error = await t
			.run({
				resource: 'promotion',
				operation: 'findByCoupon',
				couponCode: ' ',
				productId: pick('201'),
			})
			.catch((e: Error) => e);
		expect((error as Error).message).toBe('Invalid "Coupon Code" in item 0: it is empty');
		expect(t.apiCalls()).toEqual([]);
	});

	test('promotions are searched by name, page after page', async () => {
		t.provider.commerce.seedPromotions(300, (i) => (i === 300 ? 'Cyber Monday' : `Promo ${i}`));
		const found = await t.listSearch('searchPromotions', 'thinkificApi', 'cyber');
		expect(found.results).toEqual([{ name: 'Cyber Monday', value: '301', description: '5 off' }]);
		const first = await t.listSearch('searchPromotions', 'thinkificApi');
		expect(first.results[0]).toEqual({
			name: 'Spring Sale',
			value: '1',
			description: '20% off',
		});
	});
});

describe('Thinkific promotion checks before any request', () => {
	const cases: Array<[IDataObject, string]> = [
		[{ amount: 150 }, 'Invalid "Amount" in item 0: a percentage must be above 0 and at most 100'],
		[{ amount: 0 }, 'Invalid "Amount" in item 0: a percentage must be above 0 and at most 100'],
		[
			{ discountType: 'fixed', amount: 9.999 },
			'Invalid "Amount" in item 0: 9.999 has more than two decimals',
		],
		[{ amount: 'ten' }, 'Invalid "Amount" in item 0: it is not a number'],
		[{ name: '' }, 'Invalid "Name" in item 0: it is empty'],
		[
			{ additionalFields: { productIds: '201, x' } },
			'Invalid "Products" in item 0: "x" is not a Thinkific ID',
		],
		[
			{ additionalFields: { startsAt: '2026-12-01T00:00:00Z', expiresAt: '2026-11-01T00:00:00Z' } },
			'Invalid "Expires At" in item 0: it is before "Starts At"',
		],
		[
			{ additionalFields: { duration: 1.5 } },
			'Invalid "Duration" in item 0: 1.5 is not a whole number',
		],
	];
	test.each(cases.map(([fields, message]) => [message, fields] as const))(
		'%s',
		async (message, fields) => {
			const error = await t.run({ ...createPromotion, ...fields } as never).catch((e: Error) => e);
			expect((error as Error).message).toContain(message);
			expect(t.apiCalls()).toEqual([]);
		},
	);

	test('an update without a field to change is refused', async () => {
		const error = await t
			.run({ resource: 'promotion', operation: 'update', promotionId: pick('1'), updateFields: {} })
			.catch((e: Error) => e);
		expect((error as Error).message).toBe(
			'Invalid "Update Fields" in item 0: add at least one field to change',
		);
		expect(t.apiCalls()).toEqual([]);
	});

	test('a percentage of 150 against the stored type is refused after the read, before the change', async () => {
		const error = await t
			.run({
				resource: 'promotion',
				operation: 'update',
				promotionId: pick('1'),
				updateFields: { amount: 150 },
			})
			.catch((e: Error) => e);
		expect((error as Error).message).toBe(
			'Invalid "Amount" in item 0: a percentage must be above 0 and at most 100 (the promotion is a percentage)',
		);
		expect(t.apiCalls()).toEqual(['GET /promotions/1']);
	});

	test('with Continue On Fail a bad item fails alone; the good ones are created once each', async () => {
		const [out] = await t.run(
			{ ...createPromotion, amount: '={{ $json.amount }}' },
			{ items: [{ amount: 10 }, { amount: 101 }, { amount: 15 }], continueOnFail: true },
		);
		expect(out.map((i) => i.json.error ?? i.json.amount)).toEqual([
			10,
			expect.stringMatching(/^Invalid "Amount" in item 1/),
			15,
		]);
		expect(t.sandbox.count('thinkific', 'promotions created')).toBe(2);
	});
});

describe.each<Auth>(['thinkificApi', 'thinkificOAuth2Api'])('Thinkific coupons (%s)', (auth) => {
	test("create a coupon in a promotion, get it, list the promotion's coupons", async () => {
		const [created] = await t.run(
			{
				resource: 'coupon',
				operation: 'create',
				promotionId: pick('1'),
				code: ' VIP50 ',
				additionalFields: { quantity: 50, note: 'For the newsletter' },
			},
			{ using: auth },
		);
		expect(created[0].json).toMatchObject({
			id: 2,
			code: 'VIP50',
			quantity: 50,
			quantity_used: 0,
			promotion_id: 1,
		});
		expect(sent('POST', '/coupons')).toEqual([
			{
				body: { code: 'VIP50', quantity: 50, note: 'For the newsletter' },
				query: 'promotion_id=1',
			},
		]);
		const [got] = await t.run(
			{ resource: 'coupon', operation: 'get', couponId: pick('2', 'id') },
			{ using: auth },
		);
		expect(got[0].json.code).toBe('VIP50');
		const [all] = await t.run(
			{ resource: 'coupon', operation: 'getAll', promotionId: pick('1'), returnAll: true },
			{ using: auth },
		);
		expect(all.map((i) => i.json.code)).toEqual(['SPRING20', 'VIP50']);
		expect(t.apiCalls().at(-1)).toBe('GET /coupons?promotion_id=1&page=1&limit=250');
	});

	test('update a coupon: the required code is sent as it is when not changed', async () => {
		const [updated] = await t.run(
			{
				resource: 'coupon',
				operation: 'update',
				couponId: pick('1', 'id'),
				updateFields: { quantity: 500, quantityUsed: 0 },
			},
			{ using: auth },
		);
		expect(t.apiCalls()).toEqual(['GET /coupons/1', 'PUT /coupons/1', 'GET /coupons/1']);
		expect(sent('PUT', '/coupons/1')[0].body).toEqual({
			code: 'SPRING20',
			quantity: 500,
			quantity_used: 0,
		});
		expect(updated[0].json).toMatchObject({ id: 1, quantity: 500, quantity_used: 0 });
	});

	test('delete a coupon', async () => {
		const [deleted] = await t.run(
			{ resource: 'coupon', operation: 'delete', couponId: pick('1') },
			{ using: auth },
		);
		expect(deleted[0].json).toEqual({ deleted: true, id: 1 });
		expect(t.provider.commerce.coupons.has(1)).toBe(false);
		expect(t.provider.commerce.promotions.get(1)!.coupon_ids).toEqual([]);
	});
});

describe('Thinkific bulk coupons', () => {
	test.each(['items', 'array'] as const)(
		'one request makes every coupon, one output item each (answer as %s)',
		async (answer) => {
			t.provider.commerce.bulkAnswer = answer;
			const [out] = await t.run({
				resource: 'coupon',
				operation: 'bulkCreate',
				promotionId: pick('1'),
				numberOfCoupons: 25,
				codeLength: 10,
				additionalFields: { usesPerCoupon: 1 },
			});
			expect(out).toHaveLength(25);
			expect(out.every((i) => (i.json.code as string).length === 10)).toBe(true);
			expect(out.every((i) => i.json.quantity === 1 && i.json.promotion_id === 1)).toBe(true);
			expect(out.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
			expect(sent('POST', '/coupons/bulk_create')).toEqual([
				{
					body: { bulk_quantity: 25, bulk_coupon_code_length: 10, bulk_quantity_per_coupon: 1 },
					query: 'promotion_id=1',
				},
			]);
			expect(t.sandbox.count('thinkific', 'coupons created')).toBe(25);
		},
	);

	test('more than 1,000 coupons or codes shorter than 6 are refused before any request', async () => {
		const cases: Array<[IDataObject, string]> = [
			[
				{ numberOfCoupons: 1001 },
				'Invalid "Number of Coupons" in item 0: 1001 is not between 1 and 1000',
			],
			[{ codeLength: 5 }, 'Invalid "Code Length" in item 0: 5 is below 6'],
		];
		for (const [fields, message] of cases) {
			const error = await t
				.run({
					resource: 'coupon',
					operation: 'bulkCreate',
					promotionId: pick('1'),
					numberOfCoupons: 10,
					codeLength: 8,
					...fields,
				})
				.catch((e: Error) => e);
			expect((error as Error).message).toBe(message);
		}
		expect(t.apiCalls()).toEqual([]);
	});

	test('a bulk creation that may have arrived is reported and not sent again', async () => {
		t.sandbox.inject({
			provider: 'thinkific',
			route: 'POST /api/public/v1/coupons/bulk_create',
			kind: 'drop',
			phase: 'after',
		});
		const error = await t
			.run({
				resource: 'coupon',
				operation: 'bulkCreate',
				promotionId: pick('1'),
				numberOfCoupons: 100,
				codeLength: 8,
			})
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toMatch(/may have reached the provider/);
		expect(t.sandbox.count('thinkific', 'POST /api/public/v1/coupons/bulk_create')).toBe(1);
		expect(t.sandbox.count('thinkific', 'coupons created')).toBe(100);
	});
});

describe('Thinkific coupon search and errors', () => {
	test("the coupon list is the chosen promotion's, searched by code", async () => {
		const found = await t.listSearch('searchCoupons', 'thinkificApi', 'spring', undefined, {
			resource: 'coupon',
			operation: 'get',
			promotionId: pick('1'),
		});
		expect(found.results).toEqual([{ name: 'SPRING20', value: '1', description: 'used 3 of 100' }]);
		expect(t.apiCalls()).toEqual(['GET /coupons?promotion_id=1&page=1&limit=250']);
	});

	test('without a promotion the coupon list says to choose one, and asks Thinkific nothing', async () => {
		const error = await t.listSearch('searchCoupons', 'thinkificApi').catch((e: Error) => e);
		expect((error as Error).message).toBe(
			'Choose the promotion first: its coupons are listed here',
		);
		expect(t.apiCalls()).toEqual([]);
	});

	test('a code Thinkific refuses is reported with its reason, and nothing is leaked', async () => {
		const error = await t
			.run({ resource: 'coupon', operation: 'create', promotionId: pick('1'), code: 'spring20' })
			.catch((e: Error) => e);
		expect((error as Error).message).toBe('Thinkific answered 422: code has already been taken');
		expect(secretsIn(error, t.provider)).toEqual([]);
	});

	test('the operations that create say that they must not be retried; reads do not', () => {
		const notices = t.node.description.properties
			.filter((p) => p.name === 'sendsOnceNotice')
			.map(
				(p) =>
					`${String(p.displayOptions?.show?.resource)}:${String(p.displayOptions?.show?.operation)}`,
			);
		expect(
			notices.filter((n) => /^(promotion|coupon|order|product|category):/.test(n)).sort(),
		).toEqual(['coupon:bulkCreate', 'coupon:create', 'promotion:create']);
	});
});
