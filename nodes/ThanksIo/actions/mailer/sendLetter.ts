import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import { mailerDescription } from './description';
import { executeMailer } from './execute';

export const option: OperationModule['option'] = {
	name: 'Send Windowed Letter',
	value: 'sendLetter',
	action: 'Send a windowed letter',
	description: 'Send a handwritten letter in a windowed envelope',
};

export const sendsOnce = true;

export const description: INodeProperties[] = mailerDescription('letter');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, 'letter');
}
