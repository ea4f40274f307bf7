import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { enrollmentLocator } from '../locators';
import { recordPath, updateRecord } from '../records';
import { changeFields, readChanges } from './fields';

export const option: OperationModule['option'] = {
	name: 'Update',
	value: 'update',
	action: 'Update an enrollment',
	description: 'Change the activation or expiry date and return the enrollment after the change',
};

export const description: INodeProperties[] = [enrollmentLocator, changeFields];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = recordPath(this, itemIndex, '/enrollments/{id}', enrollmentLocator);
	return await updateRecord(this, itemIndex, path, readChanges(this, itemIndex));
}
