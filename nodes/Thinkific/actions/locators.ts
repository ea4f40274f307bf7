import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';
import { requiredEmailOf, textOf } from '../../shared/parameters';
import { findUsersByEmail } from '../transport';
import { requiredId } from './validate';

/** Resource locators shared by several operations: a searchable list, or an ID. */

function locator(
	displayName: string,
	name: string,
	searchListMethod: string,
	description: string,
	byEmail = false,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '123',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'Enter a numeric ID' },
					},
				],
			},
			...(byEmail
				? [
						{
							displayName: 'By Email',
							name: 'email',
							type: 'string' as const,
							placeholder: 'name@email.com',
							validation: [
								{
									type: 'regex' as const,
									properties: {
										regex: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$',
										errorMessage: 'Enter an email address',
									},
								},
							],
						},
					]
				: []),
		],
	};
}

/**
 * A Thinkific user: from the list (searched by name or email), by ID, or by email
 * address (looked up with one request when the node runs).
 */
export const userLocator = locator(
	'User',
	'userId',
	'searchUsers',
	'The Thinkific user: search the list by name or email, or give the ID or the email address',
	true,
);

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
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: false }) as unknown;
	const mode =
		raw && typeof raw === 'object' && 'mode' in raw ? String((raw as { mode: unknown }).mode) : '';
	if (mode !== 'email') return requiredId(ctx, itemIndex, name, label);
	const value = (raw as { value?: unknown }).value;
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

export const courseLocator = locator('Course', 'courseId', 'searchCourses', 'The course');

export const productLocator = locator(
	'Product',
	'productId',
	'searchProducts',
	'The product (course or bundle) that was bought',
);
