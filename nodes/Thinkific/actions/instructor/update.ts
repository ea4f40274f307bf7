import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { instructorLocator } from '../locators';
import { recordPath, updateRecord } from '../records';
import { requireChanges } from '../validate';
import { instructorAttributes, linkedUser, linkedUserField, updateOptions } from './fields';

export const option: OperationModule['option'] = {
	name: 'Update',
	value: 'update',
	action: 'Update an instructor',
	description: 'Change an instructor and return the instructor as it is after the change',
};

export const description: INodeProperties[] = [
	instructorLocator,
	{ ...linkedUserField, description: 'Optional: a user to link the profile to instead' },
	updateOptions,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = recordPath(this, itemIndex, '/instructors/{id}', instructorLocator);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const attributes = instructorAttributes(this, itemIndex, fields);
	const changes = requireChanges(this, itemIndex, {
		...attributes,
		...(await linkedUser(this, itemIndex)),
	});
	// Thinkific's spec requires the names and the slug in every update: those the
	// change leaves out are sent as the instructor has them.
	return await updateRecord(this, itemIndex, path, changes, {
		required: ['first_name', 'last_name', 'slug'],
	});
}
