import type { Sandbox } from '../sandbox/server';
import type { Method, RequestRow, Variant } from './types';
import { fieldsOf } from './types';

/**
 * Reading the requests the sandbox logged, and matching them to rows of the
 * conformance table (or of a sandbox's route list, which has the same shape).
 */

/** Where a host of the table is served in the test's sandbox. */
export interface HostMount {
	/** The sandbox prefix (the provider's name, or another mount of it). */
	mount: string;
	/** The path below the mount at which the host's routes start. */
	prefix: string;
}

/** A request the node sent, as the conformance check reads it. */
export interface SentRequest {
	method: string;
	host: string;
	/** The path below the host's base URL, without the query. */
	path: string;
	query: string[];
	/** Field paths of the body (see types.ts), or the parts of a multipart body. */
	body: string[];
	bodyType: 'json' | 'multipart' | 'none' | 'other';
	/** "METHOD host/path", for messages. */
	label: string;
}

/** Leaf field paths of a JSON value: `a.b`, `list[].c`; an array of values is one field. */
export function fieldPaths(value: unknown, path = ''): string[] {
	if (Array.isArray(value)) {
		const objects = value.filter((v) => v && typeof v === 'object');
		if (objects.length === 0) return path ? [path] : [];
		return [...new Set(objects.flatMap((v) => fieldPaths(v, `${path}[]`)))];
	}
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		if (entries.length === 0) return path ? [path] : [];
		return entries.flatMap(([key, v]) => fieldPaths(v, path ? `${path}.${key}` : key));
	}
	return path ? [path] : [];
}

function partsOf(body: string): string[] {
	return [...body.matchAll(/content-disposition:\s*form-data;\s*name="([^"]*)"/gi)].map(
		(m) => m[1],
	);
}

function bodyOf(entry: Sandbox['log'][number]): Pick<SentRequest, 'body' | 'bodyType'> {
	if (entry.body === '') return { body: [], bodyType: 'none' };
	const type = String(entry.headers['content-type'] ?? '');
	if (type.startsWith('multipart/form-data'))
		return { body: partsOf(entry.body), bodyType: 'multipart' };
	if (type.includes('json')) {
		try {
			return { body: fieldPaths(JSON.parse(entry.body)), bodyType: 'json' };
		} catch {
			return { body: [], bodyType: 'other' };
		}
	}
	return { body: [], bodyType: 'other' };
}

/** The requests in `entries` that went to one of `hosts` (sandbox controls left out). */
export function sentRequests(
	entries: Sandbox['log'],
	hosts: Record<string, HostMount>,
): SentRequest[] {
	const sent: SentRequest[] = [];
	for (const entry of entries) {
		const [path, search = ''] = entry.path.split('?');
		if (path.startsWith('/_sandbox/')) continue;
		const host = Object.entries(hosts).find(
			([, h]) => h.mount === entry.mount && (path === h.prefix || path.startsWith(`${h.prefix}/`)),
		);
		if (!host) continue;
		const below = path.slice(host[1].prefix.length) || '/';
		sent.push({
			method: entry.method,
			host: host[0],
			path: below,
			query: [...new Set(new URLSearchParams(search).keys())],
			...bodyOf(entry),
			label: `${entry.method} ${host[0] === 'api' ? '' : `${host[0]}:`}${below}`,
		});
	}
	return sent;
}

function routePattern(route: string): RegExp {
	const source = route
		.split('/')
		.map((segment) => {
			const param = /^\{(\w+)(\*?)\}$/.exec(segment);
			if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			return param[2] ? '.+' : '[^/]+';
		})
		.join('/');
	return new RegExp(`^${source}$`);
}

/** Whether a field path is allowed by a field list (see types.ts for `*`). */
export function allows(list: string[], field: string): boolean {
	return list.some((allowed) => {
		if (allowed === '*') return true;
		if (allowed.endsWith('*')) {
			const stem = allowed.slice(0, -1);
			return field === stem || field.startsWith(`${stem}.`) || field.startsWith(`${stem}[`);
		}
		return allowed === field;
	});
}

/** A row (or its pending variant) as one request shape. */
export interface Shape {
	method: Method | 'ANY';
	route: string;
	host: string;
	body: string[];
	query: string[];
	bodyType: 'json' | 'multipart';
}

export function shapesOf(row: RequestRow, pending: boolean): Shape[] {
	const base = (variant: Variant): Shape => ({
		method: row.method,
		route: variant.route ?? row.route,
		host: row.host ?? 'api',
		body: fieldsOf(variant.body ?? row.body),
		query: fieldsOf(variant.query ?? row.query),
		bodyType: row.bodyType ?? 'json',
	});
	const target = base({});
	return pending && row.before ? [target, base(row.before)] : [target];
}

export function routeMatches(shape: Shape, request: SentRequest): boolean {
	return (
		(shape.method === 'ANY' || shape.method === request.method) &&
		shape.host === request.host &&
		routePattern(shape.route).test(request.path)
	);
}

/** What in the request a shape does not allow: fields outside it, another body type. */
export function fieldProblems(shape: Shape, request: SentRequest): string[] {
	const problems: string[] = [];
	const body = request.body.filter((field) => !allows(shape.body, field));
	if (body.length) problems.push(`body fields outside it: ${body.join(', ')}`);
	const query = request.query.filter((field) => !allows(shape.query, field));
	if (query.length) problems.push(`query fields outside it: ${query.join(', ')}`);
	if (request.bodyType === 'multipart' && shape.bodyType !== 'multipart')
		problems.push('a multipart body where it has JSON');
	if (request.bodyType === 'other') problems.push('a body that is neither JSON nor multipart');
	if (request.bodyType === 'json' && shape.bodyType === 'multipart')
		problems.push('a JSON body where it has multipart');
	return problems;
}

/**
 * The first shape whose route matches the request, with what it does not allow (an
 * empty list when it fits); among several matching shapes, one that fits wins.
 */
export function bestMatch(
	shapes: Shape[],
	request: SentRequest,
): { shape: Shape; problems: string[] } | undefined {
	const matching = shapes
		.filter((shape) => routeMatches(shape, request))
		.map((shape) => ({ shape, problems: fieldProblems(shape, request) }));
	return matching.find((m) => m.problems.length === 0) ?? matching[0];
}
