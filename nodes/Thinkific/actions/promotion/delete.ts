import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { promotionLocator } from '../locators';
import { deleteRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a promotion',
	description:
		'Permanently delete a promotion: its discount ends and its coupon codes no longer take money off. Cannot be undone.',
};

export const description: INodeProperties[] = [promotionLocator];

export const execute = deleteRecord('/promotions/{id}', promotionLocator);
