import { category } from '../commerceRecords';
import { getOperation } from '../records';

export const { option, readsOnly, description, execute } = getOperation(category, {
	name: 'Get',
	value: 'get',
	action: 'Get a category',
	description: 'Get one category with the IDs of its products',
});
