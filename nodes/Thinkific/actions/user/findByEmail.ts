import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { findUsersByEmail } from '../../transport';
import { requiredEmailOf } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Find by Email',
	value: 'findByEmail',
	action: 'Find a user by email',
	description: 'Find the user with an email address; no output item when there is none',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The email address to look for (case does not matter)',
		hint: 'No user with this email gives no output item. To go on with an empty item, for example to create the user next, turn on "Always Output Data" in the node\'s settings.',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const email = requiredEmailOf(
		this,
		itemIndex,
		this.getNodeParameter('email', itemIndex),
		'Email',
	);
	return await findUsersByEmail.call(this, email, itemIndex);
}
