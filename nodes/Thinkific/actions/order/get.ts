import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { orderLocator } from '../locators';
import { getRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get an order',
	description: "Get one order made with Thinkific's checkout: buyer, product, amount, coupon",
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [orderLocator];

export const execute = getRecord('/orders/{id}', orderLocator);
