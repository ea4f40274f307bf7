import { product } from '../commerceRecords';
import { listOperation, recordId } from '../records';

export const { option, description, execute } = listOperation(
	{
		name: 'Get Related',
		value: 'getRelated',
		action: 'Get related products',
		description: 'List the products shown as related to a product',
	},
	(ctx, itemIndex) => ({ path: `${product.path(recordId(ctx, itemIndex, product))}/related` }),
	[product.locator],
);
