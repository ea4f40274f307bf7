import type { INodeProperties } from 'n8n-workflow';

export const checkIdField: INodeProperties = {
	displayName: 'Check ID',
	name: 'checkId',
	type: 'string',
	default: '',
	required: true,
	description: 'The ID of the check, as returned by Send',
};
