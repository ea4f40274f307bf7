import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { SEARCH_MAX_PAGES_PER_LOOK, normaliseTerm, searchList } from '../../shared/listSearch';
import { isEmailAddress } from '../../shared/parameters';
import { apiRequestPage } from '../transport';

/**
 * Searchable lists of the resource locators. Thinkific's lists take only `page` and
 * `limit` (users and enrollments also an exact `query[email]` filter): a name is
 * looked for on this side, page after page (250 a page, the most Thinkific gives),
 * until a page holds a match.
 */

type Texts = (item: IDataObject) => unknown[];
type Entry = (item: IDataObject) => INodeListSearchItems;

/** One look into the list at `path`, searched on this side. */
async function searchPath(
	ctx: ILoadOptionsFunctions,
	path: string,
	texts: Texts,
	entry: Entry,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	return await searchList(
		{ page: async (page) => await apiRequestPage.call(ctx, { path }, page), texts, entry },
		filter,
		paginationToken,
	);
}

/**
 * A list that Thinkific filters by exact email: a whole email address typed as the
 * term is one request with `query[email]` (kept when `email` of a record is that
 * address); anything else is searched on this side.
 */
async function searchWithEmail(
	ctx: ILoadOptionsFunctions,
	path: string,
	email: (item: IDataObject) => unknown,
	texts: Texts,
	entry: Entry,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const term = normaliseTerm(filter);
	if (!isEmailAddress(term) || paginationToken !== undefined) {
		return await searchPath(ctx, path, texts, entry, filter, paginationToken);
	}
	const { items } = await apiRequestPage.call(ctx, { path, qs: { 'query[email]': term } }, 1);
	return {
		results: items.filter((item) => normaliseTerm(email(item)) === term).map(entry),
	};
}

const named: Entry = (item) => ({ name: String(item.name), value: String(item.id) });

/** The list search of the list at `path`, searched on this side. */
function searchOf(path: string, texts: Texts, entry: Entry = named) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchPath(this, path, texts, entry, filter, paginationToken);
	};
}

export const searchCourses = searchOf('/courses', (course) => [course.name, course.slug]);

export const searchProducts = searchOf(
	'/products',
	(product) => [product.name, product.slug],
	(product) => ({
		name: String(product.name),
		value: String(product.id),
		description: product.productable_type ? String(product.productable_type) : undefined,
	}),
);

export const searchGroups = searchOf('/groups', (group) => [group.name, group.token]);

function fullName(record: IDataObject): string {
	return (
		String(record.full_name ?? '').trim() ||
		`${String(record.first_name ?? '')} ${String(record.last_name ?? '')}`.trim()
	);
}

/** "Name (email)", or whichever of the two there is. */
function nameAndEmail(name: string, email: unknown): string {
	const address = String(email ?? '').trim();
	if (!address) return name;
	return name ? `${name} (${address})` : address;
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
	return await searchWithEmail(
		this,
		'/users',
		(user) => user.email,
		(user) => [fullName(user), user.email],
		(user) => ({ name: nameAndEmail(fullName(user), user.email), value: String(user.id) }),
		filter,
		paginationToken,
	);
}

/** Enrollments by the student's name or email, or the course's name. */
export async function searchEnrollments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchWithEmail(
		this,
		'/enrollments',
		(enrollment) => enrollment.user_email,
		(enrollment) => [enrollment.user_name, enrollment.user_email, enrollment.course_name],
		(enrollment) => ({
			name: `${String(enrollment.course_name)}: ${nameAndEmail(String(enrollment.user_name ?? ''), enrollment.user_email)}`,
			value: String(enrollment.id),
		}),
		filter,
		paginationToken,
	);
}

export const searchInstructors = searchOf(
	'/instructors',
	(instructor) => [fullName(instructor), instructor.email, instructor.slug],
	(instructor) => ({
		name: nameAndEmail(fullName(instructor), instructor.email),
		value: String(instructor.id),
	}),
);

const isBundle = (product: IDataObject) => product.productable_type === 'Bundle';

/**
 * Bundles, which Thinkific lists only among its products: products that are not
 * bundles never match and are left out. Without a term, pages are read on until
 * one holds a bundle (at most `SEARCH_MAX_PAGES_PER_LOOK` for one look).
 */
export async function searchBundles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const texts: Texts = (product) => (isBundle(product) ? [product.name, product.slug] : []);
	const entry: Entry = (product) => ({
		name: String(product.name),
		value: isBundle(product) ? String(product.productable_id) : '',
	});
	let token = paginationToken;
	for (let look = 1; ; look++) {
		const found = await searchPath(this, '/products', texts, entry, filter, token);
		const results = found.results.filter((result) => result.value !== '');
		const more = found.paginationToken;
		if (
			results.length ||
			!more ||
			normaliseTerm(filter) !== '' ||
			look >= SEARCH_MAX_PAGES_PER_LOOK
		) {
			return { results, paginationToken: more };
		}
		token = more;
	}
}

/** The chapters of the course chosen in the node: Thinkific lists chapters per course only. */
export async function searchChapters(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const course = String(this.getCurrentNodeParameter('courseId', { extractValue: true }) ?? '');
	if (!/^\s*\d+\s*$/.test(course)) {
		throw new NodeOperationError(
			this.getNode(),
			'Choose the course first: the list shows the chapters of one course',
		);
	}
	const search = searchOf(`/courses/${course.trim()}/chapters`, (chapter) => [chapter.name]);
	return await search.call(this, filter, paginationToken);
}
