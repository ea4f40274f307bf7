import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { compact, optionalIsoDate, requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Update',
	value: 'update',
	action: 'Update an enrollment',
	description: 'Change the activation or expiry date and return the enrollment after the change',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Enrollment ID',
		name: 'enrollmentId',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Activated At',
				name: 'activatedAt',
				type: 'dateTime',
				default: '',
				description:
					'When full access starts; setting it turns a free trial into a full enrollment',
			},
			{
				displayName: 'Expiry Date',
				name: 'expiryDate',
				type: 'dateTime',
				default: '',
				description: 'When access ends',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId(this, itemIndex, 'enrollmentId', 'Enrollment ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = compact({
		activated_at: optionalIsoDate(this, itemIndex, fields.activatedAt, 'Activated At'),
		expiry_date: optionalIsoDate(this, itemIndex, fields.expiryDate, 'Expiry Date'),
	});
	if (Object.keys(body).length === 0) {
		throw invalidParameter(
			this.getNode(),
			itemIndex,
			'Update Fields',
			'add at least one field to change',
		);
	}
	const path = `/enrollments/${id}`;
	// Thinkific answers 204 without a body: the enrollment is read back to return it.
	await apiRequest.call(this, { method: 'PUT', path, body }, itemIndex);
	return await apiRequest.call(this, { method: 'GET', path }, itemIndex);
}
