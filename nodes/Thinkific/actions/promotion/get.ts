import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { promotionLocator } from '../locators';
import { getRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a promotion',
	description: 'Get one promotion: its discount, dates, products and coupon IDs',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [promotionLocator];

export const execute = getRecord('/promotions/{id}', promotionLocator);
