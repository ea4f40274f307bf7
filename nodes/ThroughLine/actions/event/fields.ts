import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalDateOf, requiredText } from '../../../shared/parameters';

/** Fields common to the display and click events. */
export const eventFields: INodeProperties[] = [
	{
		displayName: 'Helpline ID',
		name: 'helplineId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID of the helpline that was shown or used',
	},
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		required: true,
		default: '',
		description:
			"An ID of the end user's session in your application, so ThroughLine can relate display and click events. Do not use personal data.",
	},
	{
		displayName: 'Timestamp',
		name: 'timestamp',
		type: 'dateTime',
		default: '',
		description: 'When it happened. Leave empty for now.',
	},
];

export function eventBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const helplineId = requiredText(ctx, itemIndex, 'helplineId', 'Helpline ID');
	const sessionId = requiredText(ctx, itemIndex, 'sessionId', 'Session ID');
	const at = optionalDateOf(
		ctx,
		itemIndex,
		ctx.getNodeParameter('timestamp', itemIndex, ''),
		'Timestamp',
	);
	return {
		helpline_id: helplineId,
		session_id: sessionId,
		timestamp: (at ?? new Date()).toISOString(),
	};
}
