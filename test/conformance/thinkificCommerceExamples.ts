import type { Example } from './check';

/**
 * How the conformance test runs each product, category, order, promotion and coupon
 * operation against the sandbox (see thinkific.test.ts). The sandbox starts with
 * products 201–203 (the courses) and 401 (the bundle), categories 1 and 2, orders
 * 1–3, and promotion 1 ("Spring Sale") with coupon 1 (SPRING20).
 */

const locator = (value: string, mode = 'id') => ({ __rl: true, mode, value });

const PROMOTION_FIELDS = {
	description: 'Spring courses',
	duration: 3,
	expiresAt: '2027-06-01T00:00:00Z',
	productIds: ['201', '202'],
	startsAt: '2027-03-01T00:00:00Z',
};

export const THINKIFIC_COMMERCE_EXAMPLES: Record<string, Example> = {
	'product.get': { parameters: { productId: locator('201') } },
	'product.getAll': { parameters: { returnAll: true } },
	'product.getRelated': { parameters: { productId: locator('201'), returnAll: true } },
	'category.get': { parameters: { categoryId: locator('2') } },
	'category.getAll': { parameters: { returnAll: true } },
	'category.getProducts': { parameters: { categoryId: locator('2'), returnAll: true } },
	'order.get': { parameters: { orderId: locator('1') } },
	'order.getAll': { parameters: { returnAll: true } },
	'promotion.create': {
		parameters: {
			name: 'Summer Sale',
			discountType: 'fixed',
			amount: 9.99,
			additionalFields: PROMOTION_FIELDS,
		},
	},
	'promotion.get': { parameters: { promotionId: locator('1') } },
	'promotion.getAll': { parameters: { returnAll: true } },
	'promotion.update': {
		parameters: { promotionId: locator('1'), updateFields: { amount: 25, ...PROMOTION_FIELDS } },
	},
	'promotion.delete': { parameters: { promotionId: locator('1') } },
	'promotion.findByCoupon': {
		parameters: { couponCode: 'SPRING20', productId: locator('201') },
	},
	'coupon.create': {
		parameters: {
			promotionId: locator('1'),
			code: 'SUMMER10',
			additionalFields: { note: 'For the newsletter', quantity: 50 },
		},
	},
	'coupon.bulkCreate': {
		parameters: {
			promotionId: locator('1'),
			numberOfCoupons: 3,
			codeLength: 8,
			additionalFields: { usesPerCoupon: 2 },
		},
	},
	'coupon.get': { parameters: { couponId: locator('1') } },
	'coupon.getAll': { parameters: { promotionId: locator('1'), returnAll: true } },
	'coupon.update': {
		parameters: {
			couponId: locator('1'),
			updateFields: { note: 'Reset', quantity: 200, quantityUsed: 0 },
		},
	},
	'coupon.delete': { parameters: { couponId: locator('1') } },
};
