import { listOperation } from '../records';

export const { option, description, execute } = listOperation(
	{
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many orders',
		description:
			"List the orders made with Thinkific's checkout. Thinkific's API offers no filters for orders.",
	},
	() => ({ path: '/orders' }),
);
