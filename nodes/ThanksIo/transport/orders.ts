import type { IDataObject } from 'n8n-workflow';

import type { Paging, RequestContext } from '../../shared/transport';
import { apiRequestAllItems } from './index';

/**
 * The orders list (`GET /orders/list`, newest first), read by the Order → Get Many
 * operation and by the trigger's polling mode.
 *
 * Paging: the older spec documents `limit` (1 to 100), the newer one and third-party
 * clients `items_per_page`; both are sent, with the same value.
 */
const ORDER_PAGING: Partial<Paging> = {
	maxPageSize: 100,
	query: (page, pageSize) => ({ limit: pageSize, items_per_page: pageSize, page }),
};

/** The most recent orders, newest first: all, or at most `limit`; of one sub-account when given. */
export async function listOrders(
	this: RequestContext,
	options: { limit?: number; subAccount?: string | number },
	itemIndex?: number,
): Promise<IDataObject[]> {
	const { limit, subAccount } = options;
	return await apiRequestAllItems.call(
		this,
		{
			path: '/orders/list',
			qs: subAccount === undefined || subAccount === '' ? {} : { sub_account_id: subAccount },
			paging: ORDER_PAGING,
		},
		limit,
		itemIndex,
	);
}
