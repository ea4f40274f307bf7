import type { INode } from 'n8n-workflow';

import { lifecycleError } from '../../shared/registrations';

/**
 * The trigger's filters, _Mailing List_ (webhook mode) and _Sub-Account_ (polling
 * mode): version 1 saves a dropdown's plain value, later versions a resource locator,
 * which the node reads with `extractValue`. Both give the same plain ID here, or ''
 * for no filter (any list, all accounts).
 */

export const FILTERS = {
	mailingList: { label: 'Mailing List', what: 'mailing list' },
	subAccount: { label: 'Sub-Account', what: 'sub-account' },
} as const;

/**
 * A filter's ID, trimmed; '' when none is set. Anything but digits is refused before
 * any request: thanks.io would read a mailing list ID that is not a number as no
 * list, and so send the events of every list.
 */
export function filterId(node: INode, name: keyof typeof FILTERS, raw: unknown): string {
	const id = raw === undefined || raw === null ? '' : String(raw).trim();
	if (id === '' || /^[0-9]+$/.test(id)) return id;
	const { label, what } = FILTERS[name];
	throw lifecycleError(
		node,
		`"${label}" is "${id}", not the numeric ID of a thanks.io ${what}`,
		`Pick the ${what} from the list in "${label}", give its numeric ID, or leave it empty`,
	);
}
