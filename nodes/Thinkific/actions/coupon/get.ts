import { coupon } from '../commerceRecords';
import { getOperation } from '../records';
import { couponFields } from './fields';

export const { option, readsOnly, description, execute } = getOperation(
	coupon,
	{
		name: 'Get',
		value: 'get',
		action: 'Get a coupon',
		description: 'Get one coupon code: how often it can be used and has been',
	},
	couponFields,
);
