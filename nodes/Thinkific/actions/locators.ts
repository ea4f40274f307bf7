import type { IExecuteFunctions } from 'n8n-workflow';

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
	const raw = readLocator(ctx, itemIndex, name);
	const value = locatorMode(raw) === '' ? raw : (raw as { value?: unknown }).value;
	if (locatorMode(raw) !== 'email') return toId(ctx, itemIndex, value, label);
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
