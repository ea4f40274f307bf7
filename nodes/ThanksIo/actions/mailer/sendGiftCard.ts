import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import { mailerDescription } from './description';
import { executeMailer } from './execute';

export const option: OperationModule['option'] = {
	name: 'Send Gift Card',
	value: 'sendGiftCard',
	action: 'Send a gift card',
	description: 'Send a notecard with a gift card of a chosen brand and amount',
};

export const sendsOnce = true;

export const description: INodeProperties[] = mailerDescription('giftcard');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, 'giftcard');
}
