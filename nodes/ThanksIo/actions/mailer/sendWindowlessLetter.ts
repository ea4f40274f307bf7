import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import { mailerDescription } from './description';
import { executeMailer } from './execute';

export const option: OperationModule['option'] = {
	name: 'Send Windowless Letter',
	value: 'sendWindowlessLetter',
	action: 'Send a windowless letter',
	description: 'Send a letter in a windowless envelope addressed by hand',
};

export const sendsOnce = true;

export const description: INodeProperties[] = mailerDescription('windowlessletter');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, 'windowlessletter');
}
