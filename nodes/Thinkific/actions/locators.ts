import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';
import { listLocator, locatorMode } from '../../shared/locators';
import { readLocator, requiredEmailOf, textOf } from '../../shared/parameters';
import { findUsersByEmail } from '../transport';
import { toId } from './validate';

/** Resource locators shared by several operations: a searchable list, an ID (or an email). */

/**
 * A Thinkific user: from the list (searched by name or email), by ID, or by email
 * address (looked up with one request when the node runs).
 */
export const userLocator = listLocator({
	displayName: 'User',
	name: 'userId',
	searchListMethod: 'searchUsers',
	description:
		'The Thinkific user: search the list by name or email, or give the ID or the email address',
	byEmail: true,
});

/** A user locator's mode and value as given (a plain value has no mode). */
function givenUser(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
): { mode: string; value: unknown } {
	const raw = readLocator(ctx, itemIndex, name);
	const mode = locatorMode(raw);
	return { mode, value: mode === '' ? raw : (raw as { value?: unknown }).value };
}

/**
 * The Thinkific ID of the user a user locator names. "By Email" costs one request
 * and fails the item, naming the field, when no user has that address.
 */
export async function readUserId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): Promise<number> {
	const { mode, value } = givenUser(ctx, itemIndex, name);
	if (mode !== 'email') return toId(ctx, itemIndex, value, label);
	const email = requiredEmailOf(ctx, itemIndex, textOf(value), label);
	const [user] = await findUsersByEmail.call(ctx, email, itemIndex);
	if (!user) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			label,
			`no Thinkific user has the email ${email}`,
		);
	}
	return Number(user.id);
}

export const courseLocator = listLocator({
	displayName: 'Course',
	name: 'courseId',
	searchListMethod: 'searchCourses',
	description: 'The course',
});

export const productLocator = listLocator({
	displayName: 'Product',
	name: 'productId',
	searchListMethod: 'searchProducts',
	description: 'The product (course or bundle) that was bought',
});

/** A user locator that may be left empty: undefined then. */
export async function readOptionalUserId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): Promise<number | undefined> {
	if (textOf(givenUser(ctx, itemIndex, name).value) === '') return undefined;
	return await readUserId(ctx, itemIndex, name, label);
}

export const groupLocator = listLocator({
	displayName: 'Group',
	name: 'groupId',
	searchListMethod: 'searchGroups',
	description: 'The group: search the list by name, or give the ID',
});

/** Thinkific lists bundles only among the products: the list shows those products. */
export const bundleLocator = listLocator({
	displayName: 'Bundle',
	name: 'bundleId',
	searchListMethod: 'searchBundles',
	description: 'The bundle: search the list by name, or give the bundle ID (not its product ID)',
});

export const instructorLocator = listLocator({
	displayName: 'Instructor',
	name: 'instructorId',
	searchListMethod: 'searchInstructors',
	description: 'The instructor: search the list by name or email, or give the ID',
});

export const enrollmentLocator = listLocator({
	displayName: 'Enrollment',
	name: 'enrollmentId',
	searchListMethod: 'searchEnrollments',
	description:
		"The enrollment: search the list by the student's name or email or the course name, or give the ID",
});

/**
 * The record above the one a locator picks, where Thinkific lists those records per
 * parent only: it fills the child's list, and is not needed for a child given by ID.
 */
function listParent(parent: INodeProperties, description: string): INodeProperties {
	return { ...parent, required: false, description };
}

export const chapterCourseLocator = listParent(
	courseLocator,
	'The course whose chapters the Chapter list shows. Not needed when the chapter is given by ID.',
);

export const chapterLocator = listLocator({
	displayName: 'Chapter',
	name: 'chapterId',
	searchListMethod: 'searchChapters',
	description: 'The chapter: from the list of the course above, or by ID',
});

/** A product as the Product operations pick it (Thinkific documents no URL of it). */
export const soldProductLocator: INodeProperties = {
	...productLocator,
	description: 'The product: a course or a bundle as it is sold',
};

/** Categories, which Thinkific's API calls collections. */
export const categoryLocator = listLocator({
	displayName: 'Category',
	name: 'categoryId',
	searchListMethod: 'searchCategories',
	description: 'The category: search the list by name, or give the ID',
});

export const orderLocator = listLocator({
	displayName: 'Order',
	name: 'orderId',
	searchListMethod: 'searchOrders',
	description:
		'The order: search the list by buyer name or email, product or coupon code, or give the ID',
});

export const promotionLocator = listLocator({
	displayName: 'Promotion',
	name: 'promotionId',
	searchListMethod: 'searchPromotions',
	description: 'The promotion: search the list by name, or give the ID',
});

export const couponLocator = listLocator({
	displayName: 'Coupon',
	name: 'couponId',
	searchListMethod: 'searchCoupons',
	description: 'The coupon: search the codes of the promotion chosen above, or give the ID',
});

export const couponPromotionLocator = listParent(
	promotionLocator,
	'The promotion whose coupon codes "From List" below shows. Not needed for a coupon given by ID.',
);
