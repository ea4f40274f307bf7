import { listLocator } from '../../shared/locators';
import { productLocator } from './locators';
import type { RecordKind } from './records';

/**
 * The commerce records of the Admin API: each with its resource locator (a
 * searchable list and an ID; Thinkific documents no URL of these records) and its path.
 */

export const product: RecordKind = {
	locator: { ...productLocator, description: 'The product: a course or a bundle as it is sold' },
	path: (id) => `/products/${id}`,
};

/** Categories, which Thinkific's API calls collections. */
export const category: RecordKind = {
	locator: listLocator({
		displayName: 'Category',
		name: 'categoryId',
		searchListMethod: 'searchCategories',
		description: 'The category: search the list by name, or give the ID',
	}),
	path: (id) => `/collections/${id}`,
};

export const order: RecordKind = {
	locator: listLocator({
		displayName: 'Order',
		name: 'orderId',
		searchListMethod: 'searchOrders',
		description:
			'The order: search the list by buyer name or email, product or coupon code, or give the ID',
	}),
	path: (id) => `/orders/${id}`,
};

export const promotion: RecordKind = {
	locator: listLocator({
		displayName: 'Promotion',
		name: 'promotionId',
		searchListMethod: 'searchPromotions',
		description: 'The promotion: search the list by name, or give the ID',
	}),
	path: (id) => `/promotions/${id}`,
};

export const coupon: RecordKind = {
	locator: listLocator({
		displayName: 'Coupon',
		name: 'couponId',
		searchListMethod: 'searchCoupons',
		description: 'The coupon: search the codes of the promotion chosen above, or give the ID',
	}),
	path: (id) => `/coupons/${id}`,
};

/**
 * The promotion above a coupon picked by ID or from the list: only the list needs
 * it (Thinkific lists coupons per promotion).
 */
export const couponListPromotion = {
	...promotion.locator,
	required: false,
	description:
		'The promotion whose coupon codes "From List" below shows. Not needed for a coupon given by ID.',
};
