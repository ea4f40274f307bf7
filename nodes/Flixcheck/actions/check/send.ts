import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { readJson, requiredText } from '../../../shared/parameters';
import { apiRequest, checkRoutes } from '../../transport';
import { readRecipient, recipientFields } from './recipient';

export const option: OperationModule['option'] = {
	name: 'Send',
	value: 'send',
	action: 'Send a check',
	description: 'Send a check to a recipient by SMS or email',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	...recipientFields,
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		required: true,
		description: 'The subject of the check, as the recipient sees it',
	},
	{
		displayName: 'Elements (JSON)',
		name: 'elements',
		type: 'json',
		default: '[]',
		required: true,
		// The default stays empty: a filled one would change saved workflows.
		hint: 'e.g. [{"id": "1", "type": "question", "subtype": "number", "options": {"text": "How many rooms were damaged?"}}]',
		description:
			'The elements of the check (information and input elements) as a JSON array, each an object with its ID, type, subtype and options as in the example under the field, in the shape the Flixcheck portal sends them. Flixcheck publishes no list of element types: build a check in its portal and copy the elements it sends. A file uploaded with File → Upload goes in by its file ID.',
	},
	{
		displayName: 'Send Options (JSON)',
		name: 'sendOptions',
		type: 'json',
		default: '{}',
		description: 'Optional send options as a JSON object; left out when empty',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { sendBy, recipient } = readRecipient(this, itemIndex);
	const subject = requiredText(this, itemIndex, 'subject', 'Subject');
	const elements = readJson<IDataObject[]>(
		this,
		itemIndex,
		'elements',
		'Elements (JSON)',
		'array',
		[],
	);
	const sendOptions = readJson<IDataObject>(
		this,
		itemIndex,
		'sendOptions',
		'Send Options (JSON)',
		'object',
		{},
	);
	const check: IDataObject = { recipient, subject, sendBy, elements };
	const answer = await apiRequest.call(
		this,
		checkRoutes.send(check, Object.keys(sendOptions).length ? sendOptions : undefined),
		itemIndex,
	);
	return checkRoutes.unwrap(answer);
}
