import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { Page } from './pagination';
import { pageSignature } from './pagination';

/**
 * Searchable lists for resource locators ("From List"), for APIs that cannot
 * search by name themselves: the list is read page after page, every page at the
 * same size, and the term is looked for on this side. One look reads pages until
 * a page holds a match or the list ends, so a term finds its match on whatever
 * page it is, with no page read that the answer does not need. The next page is
 * offered as the pagination token, so the editor asks for more when the user
 * scrolls down.
 */

/** Pages read for one look, at most (10,000 items at 250 a page); scrolling reads on. */
export const SEARCH_MAX_PAGES_PER_LOOK = 40;

export interface SearchableList {
	/** One page of the list (pages counted from 1, every page of the same size). */
	page(page: number): Promise<Page<IDataObject>>;
	/** The texts a search term is looked for in, case-insensitively. */
	texts(item: IDataObject): unknown[];
	/** The dropdown entry of an item. */
	entry(item: IDataObject): INodeListSearchItems;
}

/** A search term as it is compared: trimmed, lower case, inner spaces single. */
export function normaliseTerm(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/\s+/g, ' ')
		.toLowerCase();
}

/** Whether any of the texts contains the (normalised) term. */
export function containsTerm(texts: unknown[], term: string): boolean {
	return texts.some(
		(text) => text !== undefined && text !== null && normaliseTerm(text).includes(term),
	);
}

/**
 * One look into a searchable list: without a term, one page; with a term, pages
 * from the token's page on, until one holds a match, the list ends, a page
 * repeats the one before it (a server that ignores the page number), or
 * `SEARCH_MAX_PAGES_PER_LOOK` pages are read.
 */
export async function searchList(
	list: SearchableList,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const term = normaliseTerm(filter);
	const first = Math.max(1, Math.floor(Number(paginationToken ?? '1')) || 1);
	const results: INodeListSearchItems[] = [];
	let previous: string | undefined;
	for (let page = first; page < first + SEARCH_MAX_PAGES_PER_LOOK; page++) {
		const { items, hasMore } = await list.page(page);
		const signature = pageSignature(items);
		if (items.length === 0 || signature === previous) return { results };
		previous = signature;
		for (const item of items) {
			if (term === '' || containsTerm(list.texts(item), term)) results.push(list.entry(item));
		}
		if (!hasMore) return { results };
		if (term === '' || results.length > 0) return { results, paginationToken: String(page + 1) };
	}
	return { results, paginationToken: String(first + SEARCH_MAX_PAGES_PER_LOOK) };
}

/**
 * A search in a list the provider gives whole (the entries of a dropdown): the
 * entries whose name or value holds the term. Entries without a value (a
 * dropdown's "None") are left out: an empty resource locator says that already.
 */
export function searchEntries(
	entries: INodePropertyOptions[],
	filter: string | undefined,
): INodeListSearchResult {
	const term = normaliseTerm(filter);
	return {
		results: entries
			.filter((e) => e.value !== '' && (term === '' || containsTerm([e.name, e.value], term)))
			.map((e) => ({ name: e.name, value: String(e.value) })),
	};
}

/** A list search (a `methods.listSearch` method) over the entries a load-options method gives. */
export function searchOver(
	load: (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>,
): (this: ILoadOptionsFunctions, filter?: string) => Promise<INodeListSearchResult> {
	return async function (this: ILoadOptionsFunctions, filter?: string) {
		return searchEntries(await load.call(this), filter);
	};
}
