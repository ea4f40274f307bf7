import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { apiRequest, checkRoutes } from '../../transport';
import { checkIdField, readCheckId } from './fields';

export const option: OperationModule['option'] = {
	name: 'Update Notes',
	value: 'updateNotes',
	action: 'Update the notes of a check',
	description: 'Replace the internal notes of a check',
};

export const description: INodeProperties[] = [
	checkIdField,
	{
		displayName: 'Notes',
		name: 'notes',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The new notes; they replace the old ones. Empty clears them.',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { checkId, segment } = readCheckId(this, itemIndex);
	const notes = String(this.getNodeParameter('notes', itemIndex, '') ?? '');
	const answer = await apiRequest.call(this, checkRoutes.update(segment, { notes }), itemIndex);
	return { id: checkId, notes, ...checkRoutes.unwrap(answer) };
}
