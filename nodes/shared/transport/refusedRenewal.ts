import type { INode, NodeApiError } from 'n8n-workflow';

import { apiError } from '../errors';

/**
 * A credential whose token renewal the provider refused (its refresh token was
 * revoked, expired or spent) stays refused for the rest of the execution: the
 * execution's other items fail at once with the same error, instead of each
 * sending a request that is refused, a refresh that is refused, and waiting for a
 * token another worker might save. Only a final refusal is remembered: one after
 * the check for a token saved elsewhere (queue mode) found none.
 */

interface Refusal {
	message: string;
	description?: string;
}

/** Per execution (node context): the refusal's message and description, already masked. */
const refusals = new WeakMap<object, Refusal>();

export function rememberRefusal(execution: object, error: NodeApiError): void {
	refusals.set(execution, { message: error.message, description: error.description ?? undefined });
}

/** The refusal this execution met earlier, as the error of `itemIndex`; undefined if none. */
export function earlierRefusal(
	execution: object,
	node: INode,
	itemIndex: number | undefined,
): NodeApiError | undefined {
	const refusal = refusals.get(execution);
	if (!refusal) return undefined;
	return apiError(node, itemIndex, refusal.message, refusal.description, undefined, []);
}
