import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { compact, optionalEmailOf } from '../../../shared/parameters';
import { requiredId } from '../validate';
import { recipientIdField } from './fields';

export const option: OperationModule['option'] = {
	name: 'Update',
	value: 'update',
	action: 'Update a recipient',
	description: "Change a recipient's name, address or other fields",
};

const text = (displayName: string, name: string, extra: Partial<INodeProperties> = {}) =>
	({ displayName, name, type: 'string', default: '', ...extra }) as INodeProperties;

export const description: INodeProperties[] = [
	recipientIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			text('Address', 'address'),
			text('Address Line 2', 'address2'),
			text('City', 'city'),
			text('Company', 'company'),
			text('Country', 'country', { description: 'A two-letter code such as US' }),
			text('Custom 1', 'custom1'),
			text('Custom 2', 'custom2'),
			text('Custom 3', 'custom3'),
			text('Custom 4', 'custom4'),
			text('Date of Birth', 'dob', { description: 'As YYYY-MM-DD or MM/DD/YYYY' }),
			text('Email', 'email', { placeholder: 'name@email.com' }),
			text('Name', 'name'),
			text('Phone', 'phone'),
			text('Postal Code', 'postal_code'),
			text('State / Province', 'province'),
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'recipientId', 'Recipient ID');
	const fields = (this.getNodeParameter('updateFields', itemIndex, {}) ?? {}) as IDataObject;
	const body = compact({
		...fields,
		email: optionalEmailOf(this, itemIndex, fields.email, 'Email'),
	});
	if (Object.keys(body).length === 0) {
		throw invalidParameter(
			this.getNode(),
			itemIndex,
			'Update Fields',
			'no field to change is given',
		);
	}
	return await apiRequest.call(this, { method: 'PUT', path: `/recipients/${id}`, body }, itemIndex);
}
