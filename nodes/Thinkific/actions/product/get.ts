import { product } from '../commerceRecords';
import { getOperation } from '../records';

export const { option, readsOnly, description, execute } = getOperation(product, {
	name: 'Get',
	value: 'get',
	action: 'Get a product',
	description: 'Get one product: a course or a bundle as it is sold, with its price',
});
