import { promotion } from '../commerceRecords';
import { deleteOperation } from '../records';

export const { option, description, execute } = deleteOperation(promotion, {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a promotion',
	description:
		'Permanently delete a promotion: its discount ends and its coupon codes no longer take money off. Cannot be undone.',
});
