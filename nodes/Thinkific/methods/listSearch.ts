import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequestPage } from '../transport';

/**
 * One page of a list for a resource locator, filtered by name on this side (the
 * API has no name search); the next page is offered as the pagination token.
 */
async function search(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? '1') || 1;
	const { items, hasMore } = await apiRequestPage.call(ctx, { path }, page);
	const wanted = (filter ?? '').trim().toLowerCase();
	return {
		results: items
			.filter((item) => wanted === '' || String(item.name).toLowerCase().includes(wanted))
			.map((item) => ({ name: String(item.name), value: String(item.id) })),
		paginationToken: hasMore ? String(page + 1) : undefined,
	};
}

export async function searchCourses(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(this, '/courses', filter, paginationToken);
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(this, '/products', filter, paginationToken);
}
