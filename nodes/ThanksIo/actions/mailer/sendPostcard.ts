import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import type { MailerKind } from './common';
import { executeMailer, mailerDescription } from './common';

const kind: MailerKind = {
	type: 'postcard',
	path: '/send/postcard',
	label: 'postcard',
	needsFront: true,
	letter: false,
	customBackground: true,
	giftCard: false,
	postcard: true,
};

export const option: OperationModule['option'] = {
	name: 'Send Postcard',
	value: 'sendPostcard',
	action: 'Send a postcard',
	description: 'Send a 4x6, 6x9 or 6x11 postcard with a handwritten message',
};

export const description: INodeProperties[] = mailerDescription(kind);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, kind);
}
