/**
 * The shape of the conformance table (see table.ts): what each request of each
 * operation is — method, route, body and query field names — and which public
 * source says so. Field lists are written as text, one field path after another:
 *
 * - `first_name`: a field of the JSON body (or a query parameter, or a part of a
 *   multipart body);
 * - `check.recipient.mobile`: a field inside an object;
 * - `recipients[].name`: a field of the objects in an array;
 * - `metadata*`: the field and anything below it (a JSON object the user writes);
 * - `*`: anything (a request whose route and body the user gives).
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type SourceKind =
	| "provider's own client"
	| "provider's docs"
	| "provider's OpenAPI file"
	| 'production third-party client';

/** One public source, cited by its key in a provider's `sources`. */
export interface Source {
	title: string;
	kind: SourceKind;
	/** A URL, or `owner/repo path` (at a commit) of a public repository. */
	where: string;
}

/** A request as the provider is expected to receive it (before a change is merged). */
export interface Variant {
	route?: string;
	body?: string;
	query?: string;
}

export interface RequestRow {
	method: Method | 'ANY';
	/** Below the host's base URL; `{name}` is one path segment, `{name*}` one or more. */
	route: string;
	/** A key of the provider's `hosts` (default `api`). */
	host?: string;
	body?: string;
	/** `json` (default) or `multipart` (the field list names the parts). */
	bodyType?: 'json' | 'multipart';
	query?: string;
	/** When the request is sent only in some cases: what they are (not every run sends it). */
	when?: string;
	/** Sources that confirm the row, strongest first: keys of the provider's `sources`. */
	sources: string[];
	/** When no source confirms the row: why the node sends it anyway. */
	unconfirmed?: string;
	/** Where the sources disagree: which one the node follows, and why. */
	decision?: string;
	/** What the node sends until the change named by the operation's `pending` is merged. */
	before?: Variant;
}

export interface OperationRow {
	resource: string;
	operation: string;
	/** Every request the operation sends, in the order it sends them. */
	requests: RequestRow[];
	/** A key of `PENDING_CHANGES`: the row describes the node after that change. */
	pending?: string;
}

export interface ProviderTable {
	/** The sandbox provider's name. */
	provider: string;
	title: string;
	/** The node's type name. */
	node: string;
	/** Base URLs the routes are below, by key (`api` is the default). */
	hosts: Record<string, string>;
	sources: Record<string, Source>;
	operations: OperationRow[];
	/** Short notes printed below the provider's table. */
	notes?: string[];
}

/** The field paths of a field list. */
export function fieldsOf(list: string | undefined): string[] {
	return (list ?? '').split(/\s+/).filter((field) => field !== '');
}
