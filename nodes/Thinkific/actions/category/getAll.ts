import { listOperation } from '../records';

export const { option, description, execute } = listOperation(
	{
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many categories',
		description: 'List the categories of the site',
	},
	() => ({ path: '/collections' }),
);
