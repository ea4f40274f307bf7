import { listOperation } from '../records';

export const { option, description, execute } = listOperation(
	{
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many products',
		description: 'List the products of the site: its courses and bundles as they are sold',
	},
	() => ({ path: '/products' }),
);
