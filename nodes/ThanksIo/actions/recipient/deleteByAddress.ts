import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { mailingListField } from '../fields';
import { RECIPIENT_FIELDS } from '../mailer/kinds';
import { compact, readText, requiredEmailOf, requiredText } from '../../../shared/parameters';
import { requiredId } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Delete by Address',
	value: 'deleteByAddress',
	action: 'Delete a recipient by address',
	description: 'Remove a recipient from a mailing list by postal or email address',
};

export const description: INodeProperties[] = [
	mailingListField,
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Postal Address', value: 'address' },
			{ name: 'Email Address', value: 'email' },
		],
		default: 'address',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123 Main Street',
		displayOptions: { show: { matchBy: ['address'] } },
	},
	{
		displayName: 'Postal Code',
		name: 'postalCode',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { matchBy: ['address'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		displayOptions: { show: { matchBy: ['email'] } },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const listId = requiredId(this, itemIndex, 'mailingListId', 'Mailing List');
	const body: IDataObject = { [RECIPIENT_FIELDS.mailingList.name]: listId };
	if (readText(this, itemIndex, 'matchBy') === 'email') {
		body.email = requiredEmailOf(this, itemIndex, readText(this, itemIndex, 'email'), 'Email');
	} else {
		Object.assign(
			body,
			compact({
				address: requiredText(this, itemIndex, 'address', 'Address'),
				postal_code: requiredText(this, itemIndex, 'postalCode', 'Postal Code'),
			}),
		);
	}
	const answer = await apiRequest.call(
		this,
		{ method: 'POST', path: '/recipients-utils/delete-by-address', body },
		itemIndex,
	);
	return { deleted: true, ...body, ...answer };
}
