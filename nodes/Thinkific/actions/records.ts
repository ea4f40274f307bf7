import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';
import { readLimit, returnAllOrLimit } from '../../shared/pagination';
import type { OperationModule } from '../../shared/router';
import type { ListRequest } from '../../shared/transport';
import { apiRequest, apiRequestAllItems } from '../transport';
import { requiredId } from './validate';

/**
 * The operations that every kind of Thinkific record has in the same form (get
 * one, list, delete, change), made once: each operation file names its record
 * and its words, and exports what these return.
 */

/** A kind of record: the locator that picks one, and where one lives. */
export interface RecordKind {
	/** The resource locator; its `name` is read and its `displayName` names it in errors. */
	locator: INodeProperties;
	/** The path of one record, such as `/promotions/12`. */
	path(id: number): string;
}

type Option = OperationModule['option'];

/** The ID of the record the kind's locator names for an item. */
export function recordId(ctx: IExecuteFunctions, itemIndex: number, kind: RecordKind): number {
	return requiredId(ctx, itemIndex, kind.locator.name, kind.locator.displayName);
}

/** Get: one record per item, read side by side. `fields` replaces the locator alone. */
export function getOperation(
	kind: RecordKind,
	option: Option,
	fields: INodeProperties[] = [kind.locator],
) {
	return {
		option,
		readsOnly: true as const,
		description: fields,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const path = kind.path(recordId(this, itemIndex, kind));
			return await apiRequest.call(this, { method: 'GET', path }, itemIndex);
		},
	};
}

/**
 * Get Many: every page of a list at the largest page size, or up to the limit.
 * `request` reads and checks the item's own fields (a parent record, filters).
 */
export function listOperation(
	option: Option,
	request: (ctx: IExecuteFunctions, itemIndex: number) => ListRequest,
	fields: INodeProperties[] = [],
) {
	return {
		option,
		description: [...fields, ...returnAllOrLimit()],
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const limit = readLimit(this, itemIndex);
			return await apiRequestAllItems.call(this, request(this, itemIndex), limit, itemIndex);
		},
	};
}

/** Delete: one record per item; the output says which. */
export function deleteOperation(
	kind: RecordKind,
	option: Option,
	fields: INodeProperties[] = [kind.locator],
) {
	return {
		option,
		description: fields,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const id = recordId(this, itemIndex, kind);
			await apiRequest.call(this, { method: 'DELETE', path: kind.path(id) }, itemIndex);
			return { deleted: true, id };
		},
	};
}

/** Refuses an update that changes nothing, before any request. */
export function requireChanges(ctx: IExecuteFunctions, itemIndex: number, changes: IDataObject) {
	if (Object.keys(changes).length === 0) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Update Fields',
			'add at least one field to change',
		);
	}
}

/**
 * Changes a record with PUT, which Thinkific answers with 204 and no body, and
 * returns the record as it is afterwards. The attributes `required` are required
 * on every PUT by Thinkific's reference: those the change does not give are read
 * from the record first and sent as they are. `check` sees the whole body before
 * it is sent.
 */
export async function updateRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	changes: IDataObject,
	required: string[],
	check?: (body: IDataObject) => void,
): Promise<IDataObject> {
	const missing = required.filter((key) => changes[key] === undefined);
	let body = changes;
	if (missing.length > 0) {
		const current = await apiRequest.call(ctx, { method: 'GET', path }, itemIndex);
		body = { ...Object.fromEntries(missing.map((key) => [key, current[key]])), ...changes };
	}
	check?.(body);
	await apiRequest.call(ctx, { method: 'PUT', path, body }, itemIndex);
	return await apiRequest.call(ctx, { method: 'GET', path }, itemIndex);
}
