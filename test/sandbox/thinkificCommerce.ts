import type { Sandbox, SandboxRequest, SandboxResponse } from './server';
import { json } from './server';

/**
 * Thinkific's commerce routes of the Admin API, as its OpenAPI file (Admin API
 * v1) describes them; the ThinkificProvider hands every API request to `route`
 * first:
 * - products: `GET /products`, `/products/{id}`, `/products/{id}/related` (paged);
 * - categories, which the API calls collections: `GET /collections`,
 *   `/collections/{id}`, `/collections/{id}/products` (paged);
 * - orders (made by Thinkific's own checkout): `GET /orders` (only `page` and
 *   `limit`: the reference documents no filters) and `/orders/{id}`;
 * - promotions: `GET|POST /promotions`, `GET|PUT|DELETE /promotions/{id}` (PUT and
 *   DELETE answer 204; `name`, `discount_type` and `amount` are required on PUT
 *   too, as the reference's one `PromotionRequest` says), `GET /promotions/by_coupon
 *   ?product_id&coupon_code` (both required; 404 when no promotion of the product
 *   has the code);
 * - coupons of a promotion: `GET|POST /coupons?promotion_id`, `POST
 *   /coupons/bulk_create?promotion_id` (at most 1,000, codes of 6 characters or
 *   more), `GET|PUT|DELETE /coupons/{id}` (PUT needs `code`; PUT and DELETE answer
 *   204).
 *
 * Bulk creation answers `{items: [...]}` as the reference's schema says, or with
 * `bulkAnswer = 'array'` a bare array, as a published PHP client reads it.
 */

type Row = Record<string, unknown>;

/** What the commerce routes use of the site: its products and its pager. */
export interface CommerceSite {
	products(): Row[];
	page(req: SandboxRequest, rows: Row[]): SandboxResponse;
}

const NOT_FOUND = { error: 'Record not found.' };
const DISCOUNT_TYPES = new Set(['fixed', 'percentage']);
/** Routes named by a word where an ID would stand. */
const NAMED_ROUTES = new Set(['by_coupon', 'bulk_create']);
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function isDate(value: unknown): boolean {
	return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function wholeNumber(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

/** The `promotion_id` query parameter of the coupon routes (required by the reference). */
function promotionIdOf(req: SandboxRequest): number | undefined {
	return wholeNumber(Number(req.query.get('promotion_id') ?? ''));
}

function defaultCollections(): Row[] {
	return [
		{
			id: 1,
			name: 'All Courses',
			slug: 'all',
			description: 'All the courses of the site',
			default: true,
			created_at: '2026-01-01T00:00:00.000Z',
		},
		{
			id: 2,
			name: 'Glazing',
			slug: 'glazing',
			description: 'Courses about glazes',
			default: false,
			created_at: '2026-01-02T00:00:00.000Z',
			product_ids: [202],
		},
	];
}

function defaultPromotions(): Map<number, Row> {
	return new Map([
		[
			1,
			{
				id: 1,
				name: 'Spring Sale',
				description: '20% off every course',
				starts_at: '2026-03-01T00:00:00.000Z',
				expires_at: null,
				discount_type: 'percentage',
				amount: 20,
				coupon_ids: [1],
				product_ids: [],
				duration: null,
			},
		],
	]);
}

function defaultCoupons(): Map<number, Row> {
	return new Map([
		[
			1,
			{
				id: 1,
				code: 'SPRING20',
				note: null,
				quantity_used: 3,
				quantity: 100,
				promotion_id: 1,
				created_at: '2026-03-01T00:00:00.000Z',
			},
		],
	]);
}

export class ThinkificCommerce {
	/** Categories; the default one holds every product. */
	collections: Row[] = defaultCollections();
	/** Related products by product ID. */
	related = new Map<number, number[]>([[201, [202, 203]]]);
	orders: Row[] = [];
	promotions = defaultPromotions();
	coupons = defaultCoupons();
	/** How bulk creation answers: the reference's `{items}` or a bare array. */
	bulkAnswer: 'items' | 'array' = 'items';
	private nextPromotionId = 2;
	private nextCouponId = 2;

	constructor(private readonly site: CommerceSite) {
		this.seedOrders(3);
	}

	reset(): void {
		this.collections = defaultCollections();
		this.related = new Map([[201, [202, 203]]]);
		this.orders = [];
		this.promotions = defaultPromotions();
		this.coupons = defaultCoupons();
		this.bulkAnswer = 'items';
		this.nextPromotionId = 2;
		this.nextCouponId = 2;
		this.seedOrders(3);
	}

	/** Adds `count` orders, as the site's checkout makes them, for the products in turn. */
	seedOrders(count: number, extra: (i: number) => Row = () => ({})): void {
		const products = this.site.products();
		for (let i = 1; i <= count; i++) {
			const id = this.orders.length + 1;
			const product = products[(id - 1) % products.length];
			const cents = 4900 + id;
			this.orders.push({
				id,
				created_at: new Date(Date.UTC(2026, 0, 1) + id * 60_000).toISOString(),
				user_id: id,
				user_email: `buyer${id}@example.com`,
				user_name: `Buyer ${id}`,
				product_id: product.id,
				product_name: product.name,
				amount_dollars: (cents / 100).toFixed(2),
				amount_cents: cents,
				subscription: false,
				coupon_code: null,
				coupon_id: null,
				affiliate_referral_code: null,
				status: 'complete',
				items: [
					{
						product_id: product.id,
						product_name: product.name,
						amount_dollars: cents / 100,
						amount_cents: cents,
					},
				],
				...extra(i),
			});
		}
	}

	/** Adds `count` categories ("Category 1" …) after the default ones. */
	seedCollections(count: number, name: (i: number) => string = (i) => `Category ${i}`): void {
		const start = this.collections.length;
		for (let i = 1; i <= count; i++) {
			const id = start + i;
			this.collections.push({
				id,
				name: name(i),
				slug: name(i)
					.toLowerCase()
					.replace(/[^a-z0-9]+/g, '-'),
				description: '',
				default: false,
				created_at: '2026-01-03T00:00:00.000Z',
				product_ids: [],
			});
		}
	}

	/** Adds `count` promotions ("Promotion 1" …) after the default one. */
	seedPromotions(count: number, name: (i: number) => string = (i) => `Promotion ${i}`): void {
		for (let i = 1; i <= count; i++) {
			const id = this.nextPromotionId++;
			this.promotions.set(id, {
				id,
				name: name(i),
				description: null,
				starts_at: '2026-01-01T00:00:00.000Z',
				expires_at: null,
				discount_type: 'fixed',
				amount: 5,
				coupon_ids: [],
				product_ids: [],
				duration: null,
			});
		}
	}

	/** The answer for a request to one of these routes, or undefined for any other route. */
	route(
		route: string,
		id: string | undefined,
		req: SandboxRequest,
		sandbox: Sandbox,
	): SandboxResponse | undefined {
		const key = id !== undefined && NAMED_ROUTES.has(id) ? route.replace(':id', id) : route;
		const n = Number(id);
		const body = req.body ?? {};
		switch (key) {
			case 'GET /products':
				return this.site.page(req, this.products());
			case 'GET /products/:id':
				return this.found(this.product(n));
			case 'GET /products/:id/related':
				return this.withRecord(this.product(n), (p) =>
					this.site.page(req, this.productsIn(p.related_product_ids)),
				);
			case 'GET /collections':
				return this.site.page(req, this.categories());
			case 'GET /collections/:id':
				return this.found(this.category(n));
			case 'GET /collections/:id/products':
				return this.withRecord(this.category(n), (c) =>
					this.site.page(req, this.productsIn(c.product_ids)),
				);
			case 'GET /orders':
				return this.site.page(req, this.orders);
			case 'GET /orders/:id':
				return this.found(this.orders.find((o) => o.id === n));
			case 'GET /promotions':
				return this.site.page(req, [...this.promotions.values()]);
			case 'POST /promotions':
				return this.createPromotion(body, sandbox);
			case 'GET /promotions/by_coupon':
				return this.promotionByCoupon(req.query);
			case 'GET /promotions/:id':
				return this.found(this.promotions.get(n));
			case 'PUT /promotions/:id':
				return this.withRecord(this.promotions.get(n), (p) => this.updatePromotion(p, body));
			case 'DELETE /promotions/:id':
				return this.withRecord(this.promotions.get(n), (p) => this.deletePromotion(p));
			case 'GET /coupons':
				return this.withPromotion(req, (p) => this.site.page(req, this.couponsOf(p)));
			case 'POST /coupons':
				return this.withPromotion(req, (p) => this.createCoupon(p, body, sandbox));
			case 'POST /coupons/bulk_create':
				return this.withPromotion(req, (p) => this.bulkCreate(p, body, sandbox));
			case 'GET /coupons/:id':
				return this.found(this.coupons.get(n));
			case 'PUT /coupons/:id':
				return this.withRecord(this.coupons.get(n), (c) => this.updateCoupon(c, body));
			case 'DELETE /coupons/:id':
				return this.withRecord(this.coupons.get(n), (c) => this.deleteCoupon(c));
			default:
				return undefined;
		}
	}

	private found(record: Row | undefined): SandboxResponse {
		return record ? json(200, record) : json(404, NOT_FOUND);
	}

	private withRecord(
		record: Row | undefined,
		then: (record: Row) => SandboxResponse,
	): SandboxResponse {
		return record ? then(record) : json(404, NOT_FOUND);
	}

	private withPromotion(
		req: SandboxRequest,
		then: (promotion: Row) => SandboxResponse,
	): SandboxResponse {
		const id = promotionIdOf(req);
		if (id === undefined) {
			return json(400, { error: 'param is missing or the value is empty: promotion_id' });
		}
		return this.withRecord(this.promotions.get(id), then);
	}

	// ---- products and categories ------------------------------------------------

	/** The site's products, with the categories they are in and their related products. */
	private products(): Row[] {
		return this.site.products().map((p) => ({
			...p,
			collection_ids: this.categories()
				.filter((c) => (c.product_ids as number[]).includes(p.id as number))
				.map((c) => c.id),
			related_product_ids: this.related.get(p.id as number) ?? [],
		}));
	}

	private product(id: number): Row | undefined {
		return this.products().find((p) => p.id === id);
	}

	private productsIn(ids: unknown): Row[] {
		const wanted = new Set(ids as number[]);
		return this.products().filter((p) => wanted.has(p.id as number));
	}

	private categories(): Row[] {
		const all = this.site.products().map((p) => p.id);
		return this.collections.map((c) => ({ ...c, product_ids: c.default ? all : c.product_ids }));
	}

	private category(id: number): Row | undefined {
		return this.categories().find((c) => c.id === id);
	}

	// ---- promotions ---------------------------------------------------------------

	private promotionErrors(body: Row): Record<string, string[]> {
		const errors: Record<string, string[]> = {};
		const add = (field: string, reason: string) => (errors[field] ??= []).push(reason);
		if (typeof body.name !== 'string' || body.name.trim() === '') add('name', "can't be blank");
		if (!DISCOUNT_TYPES.has(String(body.discount_type))) {
			add('discount_type', 'is not included in the list');
		}
		const amount = body.amount;
		if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
			add('amount', 'must be greater than 0');
		} else if (body.discount_type === 'percentage' && amount > 100) {
			add('amount', 'must be less than or equal to 100');
		}
		for (const field of ['starts_at', 'expires_at']) {
			if (body[field] !== undefined && body[field] !== null && !isDate(body[field])) {
				add(field, 'is invalid');
			}
		}
		if (
			isDate(body.starts_at) &&
			isDate(body.expires_at) &&
			Date.parse(String(body.expires_at)) <= Date.parse(String(body.starts_at))
		) {
			add('expires_at', 'must be after starts_at');
		}
		if (body.product_ids !== undefined) {
			const known = new Set(this.site.products().map((p) => p.id));
			const ids = body.product_ids;
			if (!Array.isArray(ids) || ids.some((productId) => !known.has(productId))) {
				add('product_ids', 'are invalid');
			}
		}
		if (body.duration !== undefined && body.duration !== null) {
			const duration = wholeNumber(body.duration);
			if (duration === undefined || duration < 1) add('duration', 'must be greater than 0');
		}
		return errors;
	}

	private createPromotion(body: Row, sandbox: Sandbox): SandboxResponse {
		const errors = this.promotionErrors(body);
		if (Object.keys(errors).length) return json(422, { errors });
		const id = this.nextPromotionId++;
		const promotion: Row = {
			id,
			name: body.name,
			description: body.description ?? null,
			starts_at: body.starts_at ?? new Date().toISOString(),
			expires_at: body.expires_at ?? null,
			discount_type: body.discount_type,
			amount: body.amount,
			coupon_ids: [],
			product_ids: body.product_ids ?? [],
			duration: body.duration ?? null,
		};
		this.promotions.set(id, promotion);
		sandbox.bump('thinkific', 'promotions created');
		return json(201, promotion);
	}

	private updatePromotion(promotion: Row, body: Row): SandboxResponse {
		const errors = this.promotionErrors({
			...body,
			starts_at: body.starts_at ?? promotion.starts_at,
		});
		if (Object.keys(errors).length) return json(422, { errors });
		for (const field of [
			'name',
			'description',
			'starts_at',
			'expires_at',
			'discount_type',
			'amount',
			'product_ids',
			'duration',
		]) {
			if (body[field] !== undefined) promotion[field] = body[field];
		}
		return { status: 204 };
	}

	private deletePromotion(promotion: Row): SandboxResponse {
		this.promotions.delete(promotion.id as number);
		for (const coupon of this.couponsOf(promotion)) this.coupons.delete(coupon.id as number);
		return { status: 204 };
	}

	private promotionByCoupon(query: URLSearchParams): SandboxResponse {
		const productId = Number(query.get('product_id') ?? '');
		const code = query.get('coupon_code') ?? '';
		if (!Number.isSafeInteger(productId) || productId < 1 || code === '') {
			return json(400, { error: 'product_id and coupon_code are required' });
		}
		if (!this.product(productId)) return json(404, NOT_FOUND);
		const coupon = [...this.coupons.values()].find(
			(c) => String(c.code).toLowerCase() === code.toLowerCase(),
		);
		const promotion = coupon && this.promotions.get(coupon.promotion_id as number);
		const products = (promotion?.product_ids ?? []) as number[];
		if (!promotion || (products.length > 0 && !products.includes(productId))) {
			return json(404, NOT_FOUND);
		}
		return json(200, promotion);
	}

	// ---- coupons ------------------------------------------------------------------

	private couponsOf(promotion: Row): Row[] {
		return [...this.coupons.values()].filter((c) => c.promotion_id === promotion.id);
	}

	private codeTaken(code: string, except?: unknown): boolean {
		return [...this.coupons.values()].some(
			(c) => String(c.code).toLowerCase() === code.toLowerCase() && c.id !== except,
		);
	}

	private couponErrors(body: Row, except?: unknown): Record<string, string[]> {
		const errors: Record<string, string[]> = {};
		if (typeof body.code !== 'string' || body.code.trim() === '') errors.code = ["Can't be blank"];
		else if (this.codeTaken(body.code, except)) errors.code = ['has already been taken'];
		for (const field of ['quantity', 'quantity_used']) {
			const value = body[field];
			if (value === undefined || value === null) continue;
			const n = wholeNumber(value);
			if (n === undefined || n < (field === 'quantity' ? 1 : 0)) errors[field] = ['is invalid'];
		}
		return errors;
	}

	private addCoupon(promotion: Row, fields: Row): Row {
		const id = this.nextCouponId++;
		const coupon: Row = {
			id,
			code: fields.code,
			note: fields.note ?? null,
			quantity_used: 0,
			quantity: fields.quantity ?? null,
			promotion_id: promotion.id,
			created_at: new Date().toISOString(),
		};
		this.coupons.set(id, coupon);
		(promotion.coupon_ids as number[]).push(id);
		return coupon;
	}

	private createCoupon(promotion: Row, body: Row, sandbox: Sandbox): SandboxResponse {
		const errors = this.couponErrors(body);
		if (Object.keys(errors).length) return json(422, { errors });
		const coupon = this.addCoupon(promotion, body);
		sandbox.bump('thinkific', 'coupons created');
		return json(201, coupon);
	}

	private bulkCreate(promotion: Row, body: Row, sandbox: Sandbox): SandboxResponse {
		const errors: Record<string, string[]> = {};
		const count = wholeNumber(body.bulk_quantity);
		if (count === undefined || count < 1 || count > 1000) {
			errors.bulk_quantity = ['must be between 1 and 1000'];
		}
		const length = wholeNumber(body.bulk_coupon_code_length ?? 8);
		if (length === undefined || length < 6) {
			errors.bulk_coupon_code_length = ['must be greater than or equal to 6'];
		}
		const uses = body.bulk_quantity_per_coupon;
		if (uses !== undefined && uses !== null && (wholeNumber(uses) ?? 0) < 1) {
			errors.bulk_quantity_per_coupon = ['is invalid'];
		}
		if (Object.keys(errors).length) return json(422, { errors });
		const created: Row[] = [];
		while (created.length < count!) {
			let code = '';
			for (let i = 0; i < length!; i++) {
				code += CODE_LETTERS[Math.floor(Math.random() * CODE_LETTERS.length)];
			}
			if (this.codeTaken(code)) continue;
			created.push(this.addCoupon(promotion, { code, quantity: uses ?? null }));
		}
		sandbox.bump('thinkific', 'coupons created', created.length);
		return json(201, this.bulkAnswer === 'items' ? { items: created } : created);
	}

	private updateCoupon(coupon: Row, body: Row): SandboxResponse {
		const errors = this.couponErrors(body, coupon.id);
		if (Object.keys(errors).length) return json(422, { errors });
		for (const field of ['code', 'note', 'quantity', 'quantity_used']) {
			if (body[field] !== undefined) coupon[field] = body[field];
		}
		return { status: 204 };
	}

	private deleteCoupon(coupon: Row): SandboxResponse {
		this.coupons.delete(coupon.id as number);
		const promotion = this.promotions.get(coupon.promotion_id as number);
		if (promotion) {
			promotion.coupon_ids = (promotion.coupon_ids as number[]).filter((c) => c !== coupon.id);
		}
		return { status: 204 };
	}
}
