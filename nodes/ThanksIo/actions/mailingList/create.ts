import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { compact, optionalUrlOf, requiredText } from '../../../shared/parameters';
import { subAccountField } from '../fields';
import { idOf } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	action: 'Create a mailing list',
	description: 'Create an empty mailing list',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'listName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Birthday List',
		description: 'The name (description) of the mailing list',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'QR Code URL',
				name: 'qrcode_url',
				type: 'string',
				default: '',
				description: 'The default QR code target for mailers sent to this list',
			},
			subAccountField('sub_account_id'),
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredText(this, itemIndex, 'listName', 'Name');
	const fields = (this.getNodeParameter('additionalFields', itemIndex, {}) ?? {}) as IDataObject;
	const subAccount = String(fields.sub_account_id ?? '').trim();
	const body = compact({
		description: name,
		qrcode_url: optionalUrlOf(this, itemIndex, fields.qrcode_url, 'QR Code URL'),
		sub_account_id:
			subAccount === '' ? undefined : idOf(this, itemIndex, subAccount, 'Sub-Account'),
	});
	return await apiRequest.call(this, { method: 'POST', path: '/mailing-lists/', body }, itemIndex);
}
