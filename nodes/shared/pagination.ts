import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from './errors';

/** One page of a list, as a provider's transport reads it. */
export interface Page<T> {
	items: T[];
	/** Whether the provider says there is a page after this one. */
	hasMore: boolean;
}

/**
 * Collects a paged list, page after page (pages counted from 1), until the
 * provider says there is no next page, a page comes back empty, or `limit` items
 * are collected. Pages are requested at the largest size the API allows, or at
 * `limit` when that is smaller; every page at the same size, since a numbered
 * page starts at (page - 1) × size. Extra items of the last page are dropped.
 */
export async function collectPages<T>(
	options: { maxPageSize: number; limit?: number },
	fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
): Promise<T[]> {
	const { maxPageSize, limit } = options;
	const pageSize = limit === undefined ? maxPageSize : Math.min(maxPageSize, limit);
	const all: T[] = [];
	for (let page = 1; ; page++) {
		const { items, hasMore } = await fetchPage(page, pageSize);
		all.push(...items);
		if (!hasMore || items.length === 0 || (limit !== undefined && all.length >= limit)) break;
	}
	return limit === undefined ? all : all.slice(0, limit);
}

/** The "Return All" switch and the "Limit" field of a Get Many operation. */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** Reads the pair above: undefined means every item. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = ctx.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Limit',
			`${limit} is not a whole number of 1 or more`,
		);
	}
	return limit;
}
