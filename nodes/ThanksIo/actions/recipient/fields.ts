import type { INodeProperties } from 'n8n-workflow';

export const recipientIdField: INodeProperties = {
	displayName: 'Recipient ID',
	name: 'recipientId',
	type: 'string',
	required: true,
	default: '',
	description: 'The ID of the recipient, as returned when it was added or listed',
};
