import { promotion } from '../commerceRecords';
import { getOperation } from '../records';

export const { option, readsOnly, description, execute } = getOperation(promotion, {
	name: 'Get',
	value: 'get',
	action: 'Get a promotion',
	description: 'Get one promotion: its discount, dates, products and coupon IDs',
});
