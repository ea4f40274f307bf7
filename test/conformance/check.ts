import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { ResourceMap } from '../../nodes/shared/router';
import type { SandboxRoute } from '../sandbox/routes';
import type { Sandbox } from '../sandbox/server';
import type { HostMount, SentRequest, Shape } from './requests';
import { bestMatch, sentRequests, shapesOf } from './requests';
import { isPending, PENDING_CHANGES } from './table';
import type { OperationRow, ProviderTable, RequestRow } from './types';

/**
 * The conformance check of one node, as jest tests: every operation runs through
 * n8n-core against the sandbox, and each request it sends must have a row of the
 * table (method, route, and no field outside the row's lists) and a route of the
 * sandbox's route list that serves those fields; the table and the sandbox's route
 * list must agree; an operation without a row fails.
 */

/** How to run one operation against the sandbox: parameters, input items, and set-up. */
export interface Example {
	parameters: INodeParameters;
	items?: IDataObject[];
	binaryItems?: INodeExecutionData[];
	/** Prepares the sandbox (records to read); may return more parameters. */
	prepare?(): INodeParameters | void | Promise<INodeParameters | void>;
}

export interface ConformanceOptions {
	table: ProviderTable;
	sandboxRoutes: SandboxRoute[];
	/** Where each host of the table is served in the sandbox the fixture starts. */
	hosts: Record<string, HostMount>;
	resources: ResourceMap;
	sandbox(): Sandbox;
	/** Runs the node with these parameters (resource and operation included) through n8n-core. */
	run(example: Example, parameters: INodeParameters): Promise<unknown>;
	/** The example (or examples, run one after the other) for an operation, or undefined. */
	example(resource: string, operation: string): Example | Example[] | undefined;
}

const key = (resource: string, operation: string) => `${resource}.${operation}`;

function rowOf(table: ProviderTable, resource: string, operation: string) {
	return table.operations.find((o) => o.resource === resource && o.operation === operation);
}

function rowLabel(row: RequestRow): string {
	return `${row.method} ${row.host && row.host !== 'api' ? `${row.host}:` : ''}${row.route}`;
}

/** The sandbox routes in force: a pending route's earlier variant only while it is pending. */
function sandboxShapes(routes: SandboxRoute[]): Shape[] {
	return routes.flatMap((route) =>
		shapesOf({ ...route, sources: [] }, route.pending !== undefined && isPending(route.pending)),
	);
}

/** Problems of one operation's requests against its rows and the sandbox's routes. */
export function checkRequests(
	operation: OperationRow,
	sent: SentRequest[],
	sandboxRoutes: SandboxRoute[],
): string[] {
	const pending = operation.pending !== undefined && isPending(operation.pending);
	const problems: string[] = [];
	const served = sandboxShapes(sandboxRoutes);
	const seen = new Set<RequestRow>();
	for (const request of sent) {
		const rows = operation.requests.flatMap((row) =>
			shapesOf(row, pending).map((shape) => ({ row, shape })),
		);
		const match = bestMatch(
			rows.map((r) => r.shape),
			request,
		);
		if (!match) {
			problems.push(`${request.label}: no row of the table has this method and route`);
		} else {
			seen.add(rows.find((r) => r.shape === match.shape)!.row);
			for (const problem of match.problems)
				problems.push(`${request.label}, against the table's row: ${problem}`);
		}
		const route = bestMatch(served, request);
		if (!route) problems.push(`${request.label}: the sandbox's route list has no such route`);
		else
			for (const problem of route.problems)
				problems.push(`${request.label}, against the sandbox's route: ${problem}`);
	}
	for (const row of operation.requests) {
		if (!row.when && !seen.has(row)) problems.push(`${rowLabel(row)}: listed, but not sent`);
	}
	return problems;
}

/**
 * Problems between the table and the sandbox's route list: each row needs a route
 * that serves its fields, and a route the table names serves no field that none of
 * the table's rows for it lists.
 */
export function checkAgreement(table: ProviderTable, sandboxRoutes: SandboxRoute[]): string[] {
	const problems: string[] = [];
	/** Fields the table lists for each sandbox route it names. */
	const listed = new Map<SandboxRoute, { body: Set<string>; query: Set<string> }>();
	for (const operation of table.operations) {
		const pending = operation.pending !== undefined && isPending(operation.pending);
		for (const row of operation.requests) {
			if (row.method === 'ANY') continue;
			const label = `${key(operation.resource, operation.operation)} ${rowLabel(row)}`;
			const candidates = sandboxRoutes.filter(
				(r) => r.method === row.method && (r.host ?? 'api') === (row.host ?? 'api'),
			);
			const target = candidates.find((r) => r.route === row.route);
			const earlier =
				pending && row.before?.route
					? candidates.find(
							(r) => r.route === row.before!.route || r.before?.route === row.before!.route,
						)
					: undefined;
			if (!target && !earlier) {
				problems.push(`${label}: the sandbox's route list has no such route`);
				continue;
			}
			// While a change is pending the sandbox may serve either side of it.
			if (pending || !target) continue;
			const wanted = shapesOf(row, false)[0];
			const has = shapesOf({ ...target, sources: [] }, false)[0];
			const seen = listed.get(target) ?? { body: new Set<string>(), query: new Set<string>() };
			listed.set(target, seen);
			for (const part of ['body', 'query'] as const) {
				wanted[part].forEach((f) => seen[part].add(f));
				const missing = wanted[part].filter((f) => !has[part].includes(f));
				if (missing.length)
					problems.push(
						`${label}: the sandbox does not serve ${part} fields ${missing.join(', ')}`,
					);
			}
		}
	}
	for (const [route, seen] of listed) {
		const has = shapesOf({ ...route, sources: [] }, false)[0];
		for (const part of ['body', 'query'] as const) {
			const extra = has[part].filter((f) => !seen[part].has(f));
			if (extra.length)
				problems.push(
					`${route.method} ${route.route}: the sandbox serves ${part} fields no row of the table lists: ${extra.join(', ')}`,
				);
		}
	}
	return problems;
}

/** Defines the conformance tests of one node. */
export function describeConformance(options: ConformanceOptions): void {
	const { table } = options;
	const operations = Object.entries(options.resources).flatMap(([resource, ops]) =>
		Object.values(ops).map((op) => ({ resource, operation: String(op.option.value) })),
	);

	describe(`${table.title}: the conformance table`, () => {
		it('has a row for every operation of the node, and an operation for every row', () => {
			const missing = operations
				.filter((o) => !rowOf(table, o.resource, o.operation))
				.map((o) => key(o.resource, o.operation));
			const stale = table.operations
				.filter((row) => !(row.pending !== undefined && isPending(row.pending)))
				.filter(
					(row) =>
						!operations.some((o) => o.resource === row.resource && o.operation === row.operation),
				)
				.map((row) => key(row.resource, row.operation));
			expect({ missing, stale }).toEqual({ missing: [], stale: [] });
		});

		it('names a source for every request, or says why none confirms it', () => {
			const unsourced = table.operations.flatMap((o) =>
				o.requests
					.filter(
						(r) =>
							(r.sources.length === 0 && !r.unconfirmed) ||
							r.sources.some((s) => !table.sources[s]),
					)
					.map((r) => `${key(o.resource, o.operation)} ${rowLabel(r)}`),
			);
			expect(unsourced).toEqual([]);
		});

		it('names only changes that PENDING_CHANGES knows', () => {
			const keys = [
				...table.operations.map((o) => o.pending),
				...options.sandboxRoutes.map((r) => r.pending),
			].filter((k): k is string => k !== undefined);
			expect(keys.filter((k) => !(k in PENDING_CHANGES))).toEqual([]);
		});

		it("agrees with the sandbox's route list", () => {
			expect(checkAgreement(table, options.sandboxRoutes)).toEqual([]);
		});

		it.each(operations)(
			'$resource $operation: each request has a row (method, route, fields) and a sandbox route that serves it',
			async ({ resource, operation }) => {
				const row = rowOf(table, resource, operation);
				const found = options.example(resource, operation);
				expect({ row: !!row, example: !!found }).toEqual({ row: true, example: true });
				const sandbox = options.sandbox();
				const sent: SentRequest[] = [];
				for (const example of Array.isArray(found) ? found : [found!]) {
					const extra = (await example.prepare?.()) ?? {};
					const start = sandbox.log.length;
					await options.run(example, { resource, operation, ...example.parameters, ...extra });
					const requests = sentRequests(sandbox.log.slice(start), options.hosts);
					expect(requests.length).toBeGreaterThan(0);
					sent.push(...requests);
				}
				expect(checkRequests(row!, sent, options.sandboxRoutes)).toEqual([]);
			},
		);
	});
}
