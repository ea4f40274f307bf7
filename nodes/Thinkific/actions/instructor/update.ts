import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { instructorLocator } from '../locators';
import { changeAndRead, recordPath } from '../requests';
import { compact, requireChanges } from '../validate';
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
	// Thinkific's spec requires the names and the slug in every update: the current
	// ones are sent with the change, so the update works whether or not it insists.
	const current = await apiRequest.call(this, { method: 'GET', path }, itemIndex);
	const body = compact({
		first_name: current.first_name,
		last_name: current.last_name,
		slug: current.slug,
		...changes,
	});
	return await changeAndRead(this, itemIndex, path, body);
}
