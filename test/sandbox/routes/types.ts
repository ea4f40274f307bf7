import type { RequestRow } from '../../conformance/types';

/**
 * The routes each provider's sandbox serves, with the body and query fields it
 * serves on them, in the conformance table's terms (test/conformance/types.ts).
 * The conformance tests check every request a node sends against this list (the
 * sandbox must serve it) and the list against the conformance table (they must
 * agree on each route the table names).
 */
export type SandboxRoute = Pick<
	RequestRow,
	'method' | 'route' | 'host' | 'body' | 'bodyType' | 'query' | 'before'
> & {
	/**
	 * A key of the conformance table's `PENDING_CHANGES`: the route is what the
	 * sandbox serves after that change, `before` what it serves until then; while
	 * the change is pending, both count.
	 */
	pending?: string;
};
