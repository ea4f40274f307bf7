import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import type { MailerKind } from './common';
import { executeMailer, mailerDescription } from './common';

const kind: MailerKind = {
	type: 'giftcard',
	path: '/send/giftcard',
	label: 'gift card',
	needsFront: true,
	letter: false,
	customBackground: false,
	giftCard: true,
	postcard: false,
};

export const option: OperationModule['option'] = {
	name: 'Send Gift Card',
	value: 'sendGiftCard',
	action: 'Send a gift card',
	description: 'Send a notecard with a gift card of a chosen brand and amount',
};

export const description: INodeProperties[] = mailerDescription(kind);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, kind);
}
