import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { couponLocator } from '../locators';
import { getRecord } from '../records';
import { couponFields } from './fields';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a coupon',
	description: 'Get one coupon code: how often it can be used and has been',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = couponFields;

export const execute = getRecord('/coupons/{id}', couponLocator);
