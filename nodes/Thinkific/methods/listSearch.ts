import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { normaliseTerm, searchList } from '../../shared/listSearch';
import { isEmailAddress } from '../../shared/parameters';
import { apiRequestPage } from '../transport';

/**
 * Searchable lists of the resource locators. Thinkific's courses and products
 * take only `page` and `limit`, and its users only an exact `query[email]`
 * filter: a name is looked for on this side, page after page (250 a page, the
 * most Thinkific gives), until a page holds a match.
 */

export async function searchCourses(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		{
			page: async (page) => await apiRequestPage.call(this, { path: '/courses' }, page),
			texts: (course) => [course.name, course.slug],
			entry: (course) => ({ name: String(course.name), value: String(course.id) }),
		},
		filter,
		paginationToken,
	);
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		{
			page: async (page) => await apiRequestPage.call(this, { path: '/products' }, page),
			texts: (product) => [product.name, product.slug],
			entry: (product) => ({
				name: String(product.name),
				value: String(product.id),
				description: product.productable_type ? String(product.productable_type) : undefined,
			}),
		},
		filter,
		paginationToken,
	);
}

function userEntry(user: IDataObject) {
	const name =
		String(user.full_name ?? '').trim() ||
		`${String(user.first_name ?? '')} ${String(user.last_name ?? '')}`.trim();
	return {
		name: name ? `${name} (${String(user.email)})` : String(user.email),
		value: String(user.id),
	};
}

/**
 * Users by name or email. A whole email address is one request with Thinkific's
 * own `query[email]` filter; anything else is looked for in the users' names and
 * email addresses, page after page.
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = normaliseTerm(filter);
	if (isEmailAddress(term) && paginationToken === undefined) {
		const { items } = await apiRequestPage.call(
			this,
			{ path: '/users', qs: { 'query[email]': term } },
			1,
		);
		return {
			results: items
				.filter((user) => normaliseTerm(user.email) === term)
				.map((user) => userEntry(user)),
		};
	}
	return await searchList(
		{
			page: async (page) => await apiRequestPage.call(this, { path: '/users' }, page),
			texts: (user) => [
				user.full_name,
				`${String(user.first_name ?? '')} ${String(user.last_name ?? '')}`,
				user.email,
			],
			entry: userEntry,
		},
		filter,
		paginationToken,
	);
}
