import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import { mailerDescription } from './description';
import { executeMailer } from './execute';

export const option: OperationModule['option'] = {
	name: 'Send Postcard',
	value: 'sendPostcard',
	action: 'Send a postcard',
	description: 'Send a 4x6, 6x9 or 6x11 postcard with a handwritten message',
};

export const sendsOnce = true;

export const description: INodeProperties[] = mailerDescription('postcard');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, 'postcard');
}
