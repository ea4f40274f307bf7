import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from './errors';

/** One page of a list, as a provider's transport reads it. */
export interface Page<T> {
	items: T[];
	/** Whether the provider says there is a page after this one. */
	hasMore: boolean;
}

/** No list is followed past this many pages: a provider that never says "last page" is not trusted. */
export const MAX_PAGES = 10_000;

export interface CollectOptions {
	maxPageSize: number;
	/** Items wanted; undefined for all. */
	limit?: number;
	/** At most this many pages (default `MAX_PAGES`). */
	maxPages?: number;
	/** Told when a page repeats an earlier one; collecting stops there. */
	onRepeat?: (page: number) => void;
	/** The error to throw when the list goes on past `maxPages`. */
	tooManyPages?: (pages: number) => Error;
}

function keyOf(item: unknown): string {
	return item && typeof item === 'object' && 'id' in item
		? `#${String((item as { id: unknown }).id)}`
		: JSON.stringify(item);
}

/**
 * What identifies a page: its size and its first and last items (their IDs, or
 * contents). A page that repeats an earlier one has the same; pages that advance
 * do not. Constant cost per page, whatever its size.
 */
export function pageSignature(items: unknown[]): string {
	return `${items.length}\u0000${keyOf(items[0])}\u0000${keyOf(items[items.length - 1])}`;
}

/**
 * Collects a paged list, page after page (pages counted from 1), until the
 * provider says there is no next page, a page comes back empty, or `limit` items
 * are collected. Pages are requested at the largest size the API allows, or at
 * `limit` when that is smaller; every page at the same size, since a numbered
 * page starts at (page - 1) × size. Extra items of the last page are dropped.
 *
 * The provider is not trusted to end the list: a page that repeats an earlier
 * one (a server that ignores the page number) ends it, and a list that goes on
 * past `maxPages` is an error.
 */
export async function collectPages<T>(
	options: CollectOptions,
	fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
): Promise<T[]> {
	const { maxPageSize, limit } = options;
	const maxPages = options.maxPages ?? MAX_PAGES;
	const pageSize = limit === undefined ? maxPageSize : Math.min(maxPageSize, limit);
	const all: T[] = [];
	const seen = new Set<string>();
	for (let page = 1; ; page++) {
		const { items, hasMore } = await fetchPage(page, pageSize);
		if (items.length === 0) break;
		const signature = pageSignature(items);
		if (seen.has(signature)) {
			options.onRepeat?.(page);
			break;
		}
		seen.add(signature);
		all.push(...items);
		if (!hasMore || (limit !== undefined && all.length >= limit)) break;
		if (page >= maxPages) {
			throw (
				options.tooManyPages?.(page) ??
				new Error(`The list did not end after ${page.toLocaleString('en-US')} pages`)
			);
		}
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
