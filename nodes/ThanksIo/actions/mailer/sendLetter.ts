import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import type { MailerKind } from './common';
import { executeMailer, mailerDescription } from './common';

const kind: MailerKind = {
	type: 'letter',
	path: '/send/letter',
	label: 'letter',
	needsFront: false,
	letter: true,
	customBackground: false,
	giftCard: false,
	postcard: false,
};

export const option: OperationModule['option'] = {
	name: 'Send Letter',
	value: 'sendLetter',
	action: 'Send a windowed letter',
	description: 'Send a handwritten letter in a windowed envelope',
};

export const description: INodeProperties[] = mailerDescription(kind);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, kind);
}
