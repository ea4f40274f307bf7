import { coupon } from '../commerceRecords';
import { deleteOperation } from '../records';
import { couponFields } from './fields';

export const { option, description, execute } = deleteOperation(
	coupon,
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete a coupon',
		description: 'Permanently delete a coupon code: buyers can no longer use it. Cannot be undone.',
	},
	couponFields,
);
