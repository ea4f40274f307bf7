import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import type { OperationModule, RunState } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { updateOptions, userAttributes, userIdFields, userLocation } from './fields';

export const option: OperationModule['option'] = {
	name: 'Update',
	value: 'update',
	action: 'Update a user',
	description: 'Change a user and return the user as it is after the change',
};

export const description: INodeProperties[] = [...userIdFields, updateOptions];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<IDataObject> {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = await userAttributes(this, itemIndex, state, fields);
	if (Object.keys(body).length === 0) {
		throw invalidParameter(
			this.getNode(),
			itemIndex,
			'Update Fields',
			'add at least one field to change',
		);
	}
	// Found last: a user given by email is looked up with a request.
	const { path, qs } = await userLocation(this, itemIndex);
	// Thinkific answers 204 without a body: the user is read back to return it.
	await apiRequest.call(this, { method: 'PUT', path, qs, body }, itemIndex);
	return await apiRequest.call(this, { method: 'GET', path, qs }, itemIndex);
}
