import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { optionalUrlOf } from '../../../shared/parameters';
import { avatarUrlField, bioField, collectionOf } from '../fields';
import { readOptionalUserId, userLocator } from '../locators';
import { compact, optionalEmailOf, textOf } from '../validate';

/** Fields and body building shared by the instructor operations. */

/** The user account an instructor profile belongs to: optional. */
export const linkedUserField: INodeProperties = {
	...userLocator,
	displayName: 'Linked User',
	required: false,
	description:
		'Optional: the Thinkific user whose instructor profile this is (from the list, by ID or by email)',
};

const names: INodeProperties[] = [
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
];

const optional: INodeProperties[] = [
	avatarUrlField,
	bioField,
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		description:
			'The short name of the instructor in URLs, such as "grace-hopper". Thinkific requires one; when left empty, the node makes it from the first and last name.',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Dr.' },
];

export const createOptions = collectionOf('additional', optional);

export const updateOptions = collectionOf(
	'update',
	[...optional, ...names].sort((a, b) => a.displayName.localeCompare(b.displayName)),
);

/** Field name → API attribute and the label used in error messages. */
const ATTRIBUTES: Record<string, [string, string]> = {
	avatarUrl: ['avatar_url', 'Avatar URL'],
	bio: ['bio', 'Bio'],
	email: ['email', 'Email'],
	firstName: ['first_name', 'First Name'],
	lastName: ['last_name', 'Last Name'],
	slug: ['slug', 'Slug'],
	title: ['title', 'Title'],
};

/** Attributes that may not be set to nothing. */
const NOT_EMPTY = new Set(['firstName', 'lastName', 'slug']);

/** The API attributes of the chosen fields, checked; empty optional fields are left out. */
export function instructorAttributes(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		const [key, label] = ATTRIBUTES[name] ?? [];
		if (!key) continue;
		const given = textOf(value);
		if (given === '' && NOT_EMPTY.has(name)) {
			throw invalidParameter(ctx.getNode(), itemIndex, label, 'it is empty');
		}
		body[key] = given;
	}
	body.email = optionalEmailOf(ctx, itemIndex, body.email, 'Email');
	body.avatar_url = optionalUrlOf(ctx, itemIndex, body.avatar_url, 'Avatar URL');
	return compact(body);
}

/** The linked user's ID, when one is given (a user given by email costs one request). */
export async function linkedUser(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = await readOptionalUserId(ctx, itemIndex, 'userId', 'Linked User');
	return userId === undefined ? {} : { user_id: userId };
}

/** A slug made from a name: "Grace Hopper" → "grace-hopper" (empty when nothing is left). */
export function slugOf(...names: string[]): string {
	return names
		.join(' ')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
