import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from './errors';

/**
 * Parameter readers shared by every node. Each check runs before any request and
 * its error names the field and the item (see `invalidParameter`).
 */

/** A value as trimmed text; undefined and null are empty. */
export function textOf(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** A parameter as trimmed text (the value of a resource locator, too). */
export function readText(ctx: IExecuteFunctions, itemIndex: number, name: string): string {
	return textOf(ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }));
}

export function requiredText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	const value = readText(ctx, itemIndex, name);
	if (value === '') throw invalidParameter(ctx.getNode(), itemIndex, label, 'it is empty');
	return value;
}

/** A numeric record ID, as `provider` numbers them: a whole number of 1 or more. */
export function wholeNumberId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	provider: string,
): number {
	const given = textOf(value);
	if (given === '') throw invalidParameter(ctx.getNode(), itemIndex, label, 'it is empty');
	const id = Number(given);
	if (!/^\d+$/.test(given) || !Number.isSafeInteger(id) || id < 1) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			label,
			`"${given.slice(0, 60)}" is not a ${provider} ID (a whole number of 1 or more)`,
		);
	}
	return id;
}

/** Reads a JSON parameter (text or already parsed) and checks that it is an array or an object. */
export function readJson(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	shape: 'array' | 'object',
	fallback: IDataObject | IDataObject[],
): IDataObject | IDataObject[] {
	let value = ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	if (typeof value === 'string') {
		if (value.trim() === '') return fallback;
		try {
			value = JSON.parse(value);
		} catch {
			throw invalidParameter(ctx.getNode(), itemIndex, label, 'it is not valid JSON');
		}
	}
	const isArray = Array.isArray(value);
	if (shape === 'array' ? !isArray : isArray || !value || typeof value !== 'object') {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			label,
			shape === 'array' ? 'it must be a JSON array' : 'it must be a JSON object',
		);
	}
	return value as IDataObject | IDataObject[];
}

/** The entries that have a value: undefined, null and blank text are left out. */
export function compact(values: Record<string, unknown>): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined || value === null) continue;
		if (typeof value === 'string' && value.trim() === '') continue;
		result[key] = value as IDataObject[string];
	}
	return result;
}
