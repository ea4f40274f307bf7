import { listOperation } from '../records';

export const { option, description, execute } = listOperation(
	{
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many promotions',
		description: 'List the promotions of the site',
	},
	() => ({ path: '/promotions' }),
);
