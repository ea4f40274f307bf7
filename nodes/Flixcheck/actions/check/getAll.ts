import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationModule } from '../../../shared/router';
import { listChecks } from '../../transport';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many checks',
	description: 'List your checks, newest first (the route is not documented by Flixcheck)',
};

export const description: INodeProperties[] = [
	{
		displayName:
			'Flixcheck documents no route that lists checks. This operation uses GET /user/v7/checks, the route the v7 API\'s naming suggests; if your account answers 404, use the "API Request" resource with the route your portal uses.',
		name: 'unconfirmedRouteNotice',
		type: 'notice',
		default: '',
	},
	...returnAllOrLimit(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const checks = await listChecks.call(this, itemIndex);
	return limit === undefined ? checks : checks.slice(0, limit);
}
