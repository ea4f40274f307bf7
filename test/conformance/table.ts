import { FLIXCHECK_TABLE } from './flixcheck';
import { THANKSIO_TABLE } from './thanksio';
import { THINKIFIC_TABLE } from './thinkific';
import { THROUGHLINE_TABLE } from './throughline';
import type { ProviderTable } from './types';

/**
 * The conformance table: for each provider, each operation of its node, the
 * requests it sends (method, route, body and query field names) and the strongest
 * public sources that confirm them. docs/conformance.md is generated from it
 * (`npm run docs:conformance`), and test/conformance/*.test.ts checks every
 * operation's requests, through n8n-core against the sandbox, against it.
 */

/**
 * Changes the table already describes but that are not merged yet. While a change is
 * `true` here, its rows (`pending`) also accept what the node sends before it (their
 * `before`), an operation it adds may still be missing from the node, and the
 * sandbox may serve either side. Once the change is merged, set it to `false`: the
 * check then holds the node and the sandbox to the rows alone.
 */
export const PENDING_CHANGES: Record<string, boolean> = {};

export function isPending(change: string): boolean {
	return PENDING_CHANGES[change] === true;
}

export const TABLES: ProviderTable[] = [
	THINKIFIC_TABLE,
	THANKSIO_TABLE,
	THROUGHLINE_TABLE,
	FLIXCHECK_TABLE,
];
