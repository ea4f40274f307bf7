import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import type { MailerKind } from './common';
import { executeMailer, mailerDescription } from './common';

const kind: MailerKind = {
	type: 'notecard',
	path: '/send/notecard',
	label: 'notecard',
	needsFront: true,
	letter: false,
	customBackground: true,
	giftCard: false,
	postcard: false,
};

export const option: OperationModule['option'] = {
	name: 'Send Notecard',
	value: 'sendNotecard',
	action: 'Send a notecard',
	description: 'Send a folded notecard with a handwritten message in an envelope',
};

export const description: INodeProperties[] = mailerDescription(kind);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, kind);
}
