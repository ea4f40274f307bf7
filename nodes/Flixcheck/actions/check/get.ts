import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { checkRoutes, flixcheckRequest } from '../../transport';
import { requiredText } from '../../../shared/parameters';
import { checkIdField } from './fields';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	action: 'Get a check',
	description: 'Get a check with its status and answers',
};

export const description: INodeProperties[] = [checkIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const checkId = requiredText(this, itemIndex, 'checkId', 'Check ID');
	const answer = await flixcheckRequest.call(this, checkRoutes.get(checkId), itemIndex);
	return checkRoutes.unwrap(answer);
}
