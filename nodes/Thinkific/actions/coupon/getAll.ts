import { promotion } from '../commerceRecords';
import { listOperation } from '../records';
import { promotionQuery } from './fields';

export const { option, description, execute } = listOperation(
	{
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many coupons',
		description: 'List the coupon codes of a promotion',
	},
	(ctx, itemIndex) => ({ path: '/coupons', qs: promotionQuery(ctx, itemIndex) }),
	[{ ...promotion.locator, description: 'The promotion whose coupon codes to list' }],
);
