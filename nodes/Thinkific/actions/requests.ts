import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit } from '../../shared/pagination';
import { apiRequest, apiRequestAllItems } from '../transport';
import { requiredId } from './validate';

/**
 * The request shapes many operations share: one record, a whole list, a removal,
 * and a change read back. A path names the record a locator picks as `{id}`.
 */

type Execute<T> = (this: IExecuteFunctions, itemIndex: number) => Promise<T>;

/** A path with `{id}` replaced by the ID of the record the locator picks (checked first). */
export function recordPath(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	locator?: INodeProperties,
): string {
	if (!locator) return path;
	const id = requiredId(ctx, itemIndex, locator.name, locator.displayName);
	return path.replace('{id}', String(id));
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
		const id = requiredId(this, itemIndex, locator.name, locator.displayName);
		await apiRequest.call(
			this,
			{ method: 'DELETE', path: path.replace('{id}', String(id)) },
			itemIndex,
		);
		return { deleted: true, id };
	};
}

/** `PUT path`, which Thinkific answers 204 without a body, then the record as it is now. */
export async function changeAndRead(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	body: IDataObject,
	qs?: IDataObject,
): Promise<IDataObject> {
	await apiRequest.call(ctx, { method: 'PUT', path, qs, body }, itemIndex);
	return await apiRequest.call(ctx, { method: 'GET', path, qs }, itemIndex);
}
