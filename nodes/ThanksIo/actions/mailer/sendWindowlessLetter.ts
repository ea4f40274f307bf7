import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import type { MailerKind } from './common';
import { executeMailer, mailerDescription } from './common';

const kind: MailerKind = {
	type: 'windowlessletter',
	path: '/send/windowlessletter',
	label: 'windowless letter',
	needsFront: false,
	letter: true,
	customBackground: false,
	giftCard: false,
	postcard: false,
};

export const option: OperationModule['option'] = {
	name: 'Send Windowless Letter',
	value: 'sendWindowlessLetter',
	action: 'Send a windowless letter',
	description: 'Send a letter in a windowless envelope addressed by hand',
};

export const description: INodeProperties[] = mailerDescription(kind);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, kind);
}
