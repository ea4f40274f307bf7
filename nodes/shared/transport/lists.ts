import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { addHint } from '../hints';
import type { Page } from '../pagination';
import { collectPages } from '../pagination';
import { send } from './send';
import type { ListRequest, Paging, ProviderApi, RequestContext } from './types';

/** Paged lists: one page, or every page, at the largest page size the provider allows. */

export function pagingOf(api: ProviderApi, request: ListRequest): Paging {
	if (!api.paging) throw new Error(`${api.name} has no paged lists`);
	return { ...api.paging, ...request.paging };
}

export async function getPage(
	ctx: RequestContext,
	api: ProviderApi,
	request: ListRequest,
	paging: Paging,
	page: number,
	pageSize: number,
	itemIndex: number | undefined,
): Promise<Page<IDataObject>> {
	const body = await send<unknown>(
		ctx,
		api,
		{
			method: 'GET',
			path: request.path,
			base: request.base,
			qs: { ...request.qs, ...paging.query(page, pageSize) },
		},
		itemIndex,
	);
	return paging.read(body, page, pageSize);
}

/** Every page of a list; a list that repeats a page or never ends is not followed forever. */
export async function allItems(
	ctx: RequestContext,
	api: ProviderApi,
	request: ListRequest,
	limit: number | undefined,
	itemIndex: number | undefined,
): Promise<IDataObject[]> {
	const paging = pagingOf(api, request);
	return await collectPages(
		{
			maxPageSize: paging.maxPageSize,
			limit,
			onRepeat(page) {
				if (!('getInputData' in ctx)) return;
				addHint(ctx, {
					message: `${api.name} sent page ${page} of ${request.path} with the same items as an earlier page, so the list was read up to the page before it.`,
					type: 'warning',
					location: 'outputPane',
				});
			},
			tooManyPages: (pages) =>
				new NodeOperationError(
					ctx.getNode(),
					`${api.name} kept announcing more pages of ${request.path}: the list did not end after ${pages.toLocaleString('en-US')} pages`,
					{
						itemIndex,
						description:
							'The list was not returned, so as not to read forever. Use a filter or a limit to ask for fewer items.',
					},
				),
		},
		async (page, pageSize) => await getPage(ctx, api, request, paging, page, pageSize, itemIndex),
	);
}
