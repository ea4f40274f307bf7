import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { couponLocator } from '../locators';
import { deleteRecord } from '../records';
import { couponFields } from './fields';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a coupon',
	description: 'Permanently delete a coupon code: buyers can no longer use it. Cannot be undone.',
};

export const description: INodeProperties[] = couponFields;

export const execute = deleteRecord('/coupons/{id}', couponLocator);
