import { order } from '../commerceRecords';
import { getOperation } from '../records';

export const { option, readsOnly, description, execute } = getOperation(order, {
	name: 'Get',
	value: 'get',
	action: 'Get an order',
	description: "Get one order made with Thinkific's checkout: buyer, product, amount, coupon",
});
