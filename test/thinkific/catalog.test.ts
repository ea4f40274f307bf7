import type { Auth } from './context';
import { thinkificFixture } from './context';

/** Products, categories and orders: read through n8n-core against the sandbox. */

const t = thinkificFixture();

const pick = (value: string, mode = 'list') => ({ __rl: true, mode, value });

function pagesRead(path: string): Array<[string | null, string | null]> {
	return t
		.apiCalls()
		.filter((call) => call.startsWith(`GET ${path}?`))
		.map((call) => {
			const qs = new URLSearchParams(call.split('?')[1]);
			return [qs.get('page'), qs.get('limit')];
		});
}

describe.each<Auth>(['thinkificApi', 'thinkificOAuth2Api'])('Thinkific products (%s)', (auth) => {
	test('get a product from the list or by ID, and its related products', async () => {
		const [one] = await t.run(
			{ resource: 'product', operation: 'get', productId: pick('202') },
			{ using: auth },
		);
		expect(one).toHaveLength(1);
		expect(one[0].json).toMatchObject({
			id: 202,
			name: 'Advanced Glazing',
			productable_type: 'Course',
			collection_ids: [1, 2],
		});
		const [related] = await t.run(
			{
				resource: 'product',
				operation: 'getRelated',
				productId: pick('201', 'id'),
				returnAll: true,
			},
			{ using: auth },
		);
		expect(related.map((i) => i.json.id)).toEqual([202, 203]);
		expect(related.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(t.apiCalls()).toEqual([
			'GET /products/202',
			'GET /products/201/related?page=1&limit=250',
		]);
	});

	test('an unknown product fails with what Thinkific said', async () => {
		const error = await t
			.run({ resource: 'product', operation: 'get', productId: pick('999', 'id') }, { using: auth })
			.catch((e: Error) => e);
		expect((error as Error).message).toBe('Thinkific answered 404: Record not found.');
	});
});

describe('Thinkific product lists', () => {
	test('Get Many reads every page at 250; a limit reads no more than it needs', async () => {
		t.provider.seedCourses(600);
		const [all] = await t.run({ resource: 'product', operation: 'getAll', returnAll: true });
		// 603 courses and the bundle.
		expect(all).toHaveLength(604);
		expect(new Set(all.map((i) => i.json.id)).size).toBe(604);
		expect(pagesRead('/products')).toEqual([
			['1', '250'],
			['2', '250'],
			['3', '250'],
		]);
		const [few] = await t.run({ resource: 'product', operation: 'getAll', limit: 7 });
		expect(few.map((i) => i.json.id)).toEqual([201, 202, 203, 2004, 2005, 2006, 2007]);
		expect(pagesRead('/products').slice(3)).toEqual([['1', '7']]);
	});

	test('related products of many input items: one list per item, each paired with its item', async () => {
		t.provider.commerce.related.set(203, [201]);
		const [out] = await t.run(
			{
				resource: 'product',
				operation: 'getRelated',
				productId: '={{ $json.product }}',
				returnAll: true,
			},
			{ items: [{ product: 201 }, { product: 202 }, { product: 203 }] },
		);
		expect(out.map((i) => [i.json.id, i.pairedItem])).toEqual([
			[202, { item: 0 }],
			[203, { item: 0 }],
			[201, { item: 2 }],
		]);
	});
});

describe('Thinkific categories', () => {
	test('get many, get one, and the products of a category', async () => {
		const [all] = await t.run({ resource: 'category', operation: 'getAll', returnAll: true });
		expect(all.map((i) => i.json.name)).toEqual(['All Courses', 'Glazing']);
		const [one] = await t.run({ resource: 'category', operation: 'get', categoryId: pick('2') });
		expect(one[0].json).toMatchObject({ id: 2, slug: 'glazing', product_ids: [202] });
		const [products] = await t.run({
			resource: 'category',
			operation: 'getProducts',
			categoryId: pick('1', 'id'),
			limit: 2,
		});
		expect(products.map((i) => i.json.id)).toEqual([201, 202]);
		expect(t.apiCalls()).toEqual([
			'GET /collections?page=1&limit=250',
			'GET /collections/2',
			'GET /collections/1/products?page=1&limit=2',
		]);
	});

	test('the category search finds a name on a later page, reading pages of 250', async () => {
		t.provider.commerce.seedCollections(400, (i) => (i === 400 ? 'Raku and Pit Firing' : `C ${i}`));
		const found = await t.listSearch('searchCategories', 'thinkificOAuth2Api', 'raku');
		expect(found.results).toEqual([{ name: 'Raku and Pit Firing', value: '402' }]);
		expect(pagesRead('/collections')).toEqual([
			['1', '250'],
			['2', '250'],
		]);
	});

	test('an ID that is not a number is refused before any request, naming the field', async () => {
		const error = await t
			.run({ resource: 'category', operation: 'getProducts', categoryId: pick('all', 'id') })
			.catch((e: Error) => e);
		expect((error as Error).message).toBe(
			'Invalid "Category" in item 0: "all" is not a Thinkific ID (a whole number of 1 or more)',
		);
		expect(t.apiCalls()).toEqual([]);
	});
});

describe('Thinkific orders', () => {
	test('get many over every page, and one order picked from the list', async () => {
		t.provider.commerce.seedOrders(297);
		const [all] = await t.run({ resource: 'order', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(300);
		expect(all[299].json).toMatchObject({ id: 300, user_email: 'buyer300@example.com' });
		expect(pagesRead('/orders')).toEqual([
			['1', '250'],
			['2', '250'],
		]);
		const [one] = await t.run({ resource: 'order', operation: 'get', orderId: pick('2') });
		expect(one[0].json).toMatchObject({ id: 2, product_id: 202, amount_cents: 4902 });
	});

	test('the order search looks in the buyer, product and coupon code', async () => {
		t.provider.commerce.seedOrders(300, (i) =>
			i === 300 ? { user_name: 'Grace Hopper', coupon_code: 'NAVY10' } : {},
		);
		const byName = await t.listSearch('searchOrders', 'thinkificApi', 'grace');
		expect(byName.results).toEqual([
			{
				name: '#303 Grace Hopper (buyer303@example.com): Kiln Safety',
				value: '303',
				description: 'complete, 52.03, 2026-01-01',
			},
		]);
		const byCoupon = await t.listSearch('searchOrders', 'thinkificApi', 'navy10');
		expect(byCoupon.results.map((r) => r.value)).toEqual(['303']);
		const byProduct = await t.listSearch('searchOrders', 'thinkificApi', 'kiln safety');
		// The seeded orders take the four products (three courses, a bundle) in turn.
		expect(byProduct.results.length).toBe(62);
		expect(byProduct.paginationToken).toBe('2');
	});

	test('an unknown order is reported as Thinkific answered', async () => {
		const error = await t
			.run({ resource: 'order', operation: 'get', orderId: pick('77', 'id') })
			.catch((e: Error) => e);
		expect((error as Error).message).toBe('Thinkific answered 404: Record not found.');
	});
});
