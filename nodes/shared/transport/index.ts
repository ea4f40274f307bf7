import type { IDataObject } from 'n8n-workflow';

import type { Page } from '../pagination';
import { allItems, getPage, pagingOf } from './lists';
import { send } from './send';
import type { ApiRequest, ListRequest, ProviderApi, RequestContext, Transport } from './types';

export type {
	ApiRequest,
	CredentialUse,
	ListRequest,
	Paging,
	ProviderApi,
	RequestContext,
	Transport,
} from './types';

/**
 * The only place in this package that sends requests. Every provider's transport
 * is made by `createTransport`, so all four have the same three functions:
 * `apiRequest` (one request), `apiRequestAllItems` (every page of a list) and
 * `apiRequestPage` (one page, for list searches).
 */
/** The three request functions of one provider, all through `send`. */
export function createTransport(api: ProviderApi): Transport {
	return {
		async apiRequest(
			this: RequestContext,
			request: ApiRequest,
			itemIndex?: number,
		): Promise<IDataObject> {
			return await send<IDataObject>(this, api, request, itemIndex);
		},

		async apiRequestAllItems(
			this: RequestContext,
			request: ListRequest,
			limit?: number,
			itemIndex?: number,
		): Promise<IDataObject[]> {
			return await allItems(this, api, request, limit, itemIndex);
		},

		async apiRequestPage(
			this: RequestContext,
			request: ListRequest,
			page: number,
			pageSize?: number,
			itemIndex?: number,
		): Promise<Page<IDataObject>> {
			const paging = pagingOf(api, request);
			return await getPage(
				this,
				api,
				request,
				paging,
				page,
				pageSize ?? paging.maxPageSize,
				itemIndex,
			);
		},
	};
}
