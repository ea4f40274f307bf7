import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, RunState } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { requiredEmailOf, requiredText } from '../validate';
import { createOptions, userAttributes } from './fields';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	action: 'Create a user',
	description: 'Add a student or other user to the site',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	createOptions,
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<IDataObject> {
	const body: IDataObject = {
		first_name: requiredText(this, itemIndex, 'firstName', 'First Name'),
		last_name: requiredText(this, itemIndex, 'lastName', 'Last Name'),
		email: requiredEmailOf(this, itemIndex, this.getNodeParameter('email', itemIndex, ''), 'Email'),
	};
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	Object.assign(body, await userAttributes(this, itemIndex, state, fields));
	return await apiRequest.call(this, { method: 'POST', path: '/users', body }, itemIndex);
}
