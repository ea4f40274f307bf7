import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OperationResult, RunState } from '../../../shared/router';
import { mailerDescription } from './description';
import { executeMailer } from './execute';

export const option: OperationModule['option'] = {
	name: 'Send Notecard',
	value: 'sendNotecard',
	action: 'Send a notecard',
	description: 'Send a folded notecard with a handwritten message in an envelope',
};

export const sendsOnce = true;

export const description: INodeProperties[] = mailerDescription('notecard');

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<OperationResult> {
	return await executeMailer(this, itemIndex, state, 'notecard');
}
