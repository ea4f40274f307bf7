import { category } from '../commerceRecords';
import { listOperation, recordId } from '../records';

export const { option, description, execute } = listOperation(
	{
		name: 'Get Products',
		value: 'getProducts',
		action: 'Get the products of a category',
		description: 'List the products in a category',
	},
	(ctx, itemIndex) => ({ path: `${category.path(recordId(ctx, itemIndex, category))}/products` }),
	[category.locator],
);
