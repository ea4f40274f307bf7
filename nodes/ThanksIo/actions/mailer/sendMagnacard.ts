import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import { mailerDescription } from './description';
import { executeMailer } from './execute';

export const option: OperationModule['option'] = {
	name: 'Send Magnacard',
	value: 'sendMagnacard',
	action: 'Send a magnacard',
	description: 'Send a magnet mailer with a front image and a handwritten message',
};

export const sendsOnce = true;

export const description: INodeProperties[] = mailerDescription('magnacard');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, 'magnacard');
}
