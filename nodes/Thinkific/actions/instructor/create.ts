import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { compact, requiredText } from '../validate';
import { createOptions, instructorAttributes, linkedUser, linkedUserField, slugOf } from './fields';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	action: 'Create an instructor',
	description: 'Add an instructor profile, which courses can name as their instructor',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{ displayName: 'First Name', name: 'firstName', type: 'string', required: true, default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '' },
	linkedUserField,
	createOptions,
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const firstName = requiredText(this, itemIndex, 'firstName', 'First Name');
	const lastName = requiredText(this, itemIndex, 'lastName', 'Last Name');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const attributes = instructorAttributes(this, itemIndex, fields);
	const body = compact({
		first_name: firstName,
		last_name: lastName,
		// Thinkific's spec requires a slug (and says it will be dropped one day).
		slug: slugOf(firstName, lastName),
		...attributes,
		...(await linkedUser(this, itemIndex)),
	});
	return await apiRequest.call(this, { method: 'POST', path: '/instructors', body }, itemIndex);
}
