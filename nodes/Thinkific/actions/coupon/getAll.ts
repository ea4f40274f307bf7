import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { promotionLocator } from '../locators';
import { getList } from '../records';
import { promotionQuery } from './fields';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many coupons',
	description: 'List the coupon codes of a promotion',
};

export const description: INodeProperties[] = [
	{ ...promotionLocator, description: 'The promotion whose coupon codes to list' },
	...returnAllOrLimit(),
];

export const execute = getList('/coupons', undefined, promotionQuery);
