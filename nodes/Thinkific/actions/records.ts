import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit } from '../../shared/pagination';
import { apiRequest, apiRequestAllItems } from '../transport';
import { compact, requiredId } from './validate';

/**
 * The requests every kind of Thinkific record answers in the same form, made once
 * for all operations: one record, a whole list, a removal, and a change read back.
 * A path names the record a resource locator picks as `{id}`.
 */

type Execute<T> = (this: IExecuteFunctions, itemIndex: number) => Promise<T>;

/** The ID of the record a resource locator picks, checked (its label names it in errors). */
export function pickedId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	locator: INodeProperties,
): number {
	return requiredId(ctx, itemIndex, locator.name, locator.displayName);
}

/** A path with `{id}` replaced by the ID of the record the locator picks (checked first). */
export function recordPath(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	locator?: INodeProperties,
): string {
	return locator ? path.replace('{id}', String(pickedId(ctx, itemIndex, locator))) : path;
}

/** One record: `GET path`. */
export function getRecord(path: string, locator: INodeProperties): Execute<IDataObject> {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const url = recordPath(this, itemIndex, path, locator);
		return await apiRequest.call(this, { method: 'GET', path: url }, itemIndex);
	};
}

/**
 * Every page of `GET path` (or up to the Limit), at the largest page size. The
 * query is read, and checked, before the first request.
 */
export function getList(
	path: string,
	locator?: INodeProperties,
	query?: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject,
): Execute<IDataObject[]> {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const limit = readLimit(this, itemIndex);
		const url = recordPath(this, itemIndex, path, locator);
		const qs = query?.(this, itemIndex);
		return await apiRequestAllItems.call(this, { path: url, qs }, limit, itemIndex);
	};
}

/** `DELETE path` (Thinkific answers 204): the record's ID as the output. */
export function deleteRecord(path: string, locator: INodeProperties): Execute<IDataObject> {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const id = pickedId(this, itemIndex, locator);
		await apiRequest.call(
			this,
			{ method: 'DELETE', path: path.replace('{id}', String(id)) },
			itemIndex,
		);
		return { deleted: true, id };
	};
}

export interface UpdateOptions {
	qs?: IDataObject;
	/**
	 * Attributes Thinkific requires in every change of this record: those the change
	 * does not give are read from the record first and sent as the record has them.
	 */
	required?: string[];
	/** Sees the whole body before it is sent (such as a value checked against another). */
	check?(body: IDataObject): void;
}

/**
 * Changes a record with `PUT path`, which Thinkific answers with 204 and no body,
 * and returns the record as it is afterwards.
 */
export async function updateRecord(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	changes: IDataObject,
	{ qs, required = [], check }: UpdateOptions = {},
): Promise<IDataObject> {
	const missing = required.filter((key) => changes[key] === undefined);
	let body = changes;
	if (missing.length > 0) {
		const current = await apiRequest.call(ctx, { method: 'GET', path, qs }, itemIndex);
		// Those the record lacks (or holds empty) are left out, as a change would leave them.
		body = {
			...compact(Object.fromEntries(missing.map((key) => [key, current[key]]))),
			...changes,
		};
	}
	check?.(body);
	await apiRequest.call(ctx, { method: 'PUT', path, qs, body }, itemIndex);
	return await apiRequest.call(ctx, { method: 'GET', path, qs }, itemIndex);
}
