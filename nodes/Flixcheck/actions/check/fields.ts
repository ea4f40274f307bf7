import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegmentOf, readText } from '../../../shared/parameters';

export const checkIdField: INodeProperties = {
	displayName: 'Check ID',
	name: 'checkId',
	type: 'string',
	default: '',
	required: true,
	description: 'The ID of the check, as returned by Send',
};

/** The "Check ID" parameter, and the same ID checked and encoded for a URL path. */
export function readCheckId(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { checkId: string; segment: string } {
	const checkId = readText(ctx, itemIndex, 'checkId');
	return { checkId, segment: pathSegmentOf(ctx, itemIndex, checkId, 'Check ID') };
}
