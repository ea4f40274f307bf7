import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listLocator } from '../../../shared/locators';
import { pathSegmentOf, readText } from '../../../shared/parameters';

export const checkIdField: INodeProperties = listLocator({
	displayName: 'Check',
	name: 'checkId',
	searchListMethod: 'searchChecks',
	description:
		'The check: search your checks by subject or recipient, or give its ID (as returned by Send)',
	id: {
		placeholder: '6583d5215b2b2e04e6eeafef',
		regex: '^\\s*[^\\s/?#]+\\s*$',
		errorMessage: 'Enter a check ID',
	},
});

/** The "Check" parameter (a locator or a plain ID), and the same ID checked and encoded for a URL path. */
export function readCheckId(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { checkId: string; segment: string } {
	const checkId = readText(ctx, itemIndex, 'checkId');
	return { checkId, segment: pathSegmentOf(ctx, itemIndex, checkId, 'Check') };
}
