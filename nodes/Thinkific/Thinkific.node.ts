import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle, runOperations } from '../shared/router';
import { properties, resources } from './actions';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class Thinkific implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Thinkific',
		name: 'thinkific',
		icon: {
			light: 'file:../../icons/thinkific.svg',
			dark: 'file:../../icons/thinkific.dark.svg',
		},
		group: ['transform'],
		// 1.1: a user's External ID field is named `externalId`, no longer `userId` like the
		// User picker (see actions/user/fields.ts).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: operationSubtitle(resources),
		description:
			'Manage users, enrollments, courses, groups, bundles, instructors, reviews, products, orders, promotions and coupons of a Thinkific school and report external orders',
		defaults: { name: 'Thinkific' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'thinkificApi',
				required: true,
				displayOptions: { show: { authentication: ['thinkificApi'] } },
			},
			{
				name: 'thinkificOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['thinkificOAuth2Api'] } },
			},
		],
		properties,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resources);
	}
}
