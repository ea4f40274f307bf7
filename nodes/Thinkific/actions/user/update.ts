import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, RunState } from '../../../shared/router';
import { updateRecord } from '../records';
import { requireChanges } from '../validate';
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
	const body = requireChanges(
		this,
		itemIndex,
		await userAttributes(this, itemIndex, state, fields),
	);
	// Found last: a user given by email is looked up with a request.
	const { path, qs } = await userLocation(this, itemIndex);
	return await updateRecord(this, itemIndex, path, body, { qs });
}
