import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from './errors';
import { parameterValue } from './parameterValue';
import { describeUnsafeSegment } from './url';

/**
 * Parameter readers shared by every node: one of each kind. Each check runs
 * before any request and its error names the field and the item (see
 * `invalidParameter`). Readers named `read…`/`required…`/`optional…` take the
 * parameter's name; the `…Of` ones take a value already read (a collection's entry).
 */

type Ctx = IExecuteFunctions;

export { parameterValue };

/** A value as trimmed text; undefined and null are empty. */
export function textOf(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** A resource locator parameter as given: `{ mode, value }`, its value resolved (a plain value as it is). */
export function readLocator(ctx: Ctx, itemIndex: number, name: string): unknown {
	return parameterValue(ctx, itemIndex, name, '', { extractValue: false });
}

/** A collection (or any object) parameter, read as `parameterValue` reads; `{}` when not set. */
export function readCollection(ctx: Ctx, itemIndex: number, name: string): IDataObject {
	return (parameterValue(ctx, itemIndex, name, {}, {}) ?? {}) as IDataObject;
}

/** A parameter as trimmed text (the value of a resource locator, too). */
export function readText(ctx: Ctx, itemIndex: number, name: string): string {
	return textOf(parameterValue(ctx, itemIndex, name));
}

export function requiredText(ctx: Ctx, itemIndex: number, name: string, label: string): string {
	const value = readText(ctx, itemIndex, name);
	if (value === '') throw invalidParameter(ctx.getNode(), itemIndex, label, 'it is empty');
	return value;
}

/** A numeric record ID of `provider`: a whole number of 1 or more. */
export function idOf(
	ctx: Ctx,
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

/** A required numeric ID parameter (plain or resource locator). */
export function requiredId(
	ctx: Ctx,
	itemIndex: number,
	name: string,
	label: string,
	provider: string,
): number {
	return idOf(ctx, itemIndex, readText(ctx, itemIndex, name), label, provider);
}

/** An optional numeric ID parameter: undefined when it is empty. */
export function optionalId(
	ctx: Ctx,
	itemIndex: number,
	name: string,
	label: string,
	provider: string,
): number | undefined {
	const given = readText(ctx, itemIndex, name);
	return given === '' ? undefined : idOf(ctx, itemIndex, given, label, provider);
}

/**
 * A text ID to put in a URL path as one segment, URL-encoded. Empty text, "."
 * and ".." are refused: they would move the request to another route.
 */
export function pathSegmentOf(ctx: Ctx, itemIndex: number, value: unknown, label: string): string {
	const given = textOf(value);
	const problem = describeUnsafeSegment(given);
	if (problem) throw invalidParameter(ctx.getNode(), itemIndex, label, problem);
	return encodeURIComponent(given);
}

/** `pathSegmentOf` for a parameter (plain or resource locator). */
export function requiredPathSegment(
	ctx: Ctx,
	itemIndex: number,
	name: string,
	label: string,
): string {
	return pathSegmentOf(ctx, itemIndex, readText(ctx, itemIndex, name), label);
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Whether a text is one whole email address. */
export function isEmailAddress(value: unknown): boolean {
	return EMAIL.test(textOf(value));
}

/** An email address, or undefined when the value is empty. */
export function optionalEmailOf(
	ctx: Ctx,
	itemIndex: number,
	value: unknown,
	label: string,
): string | undefined {
	const email = textOf(value);
	if (email === '') return undefined;
	if (!EMAIL.test(email)) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			label,
			`"${email.slice(0, 100)}" is not an email address`,
		);
	}
	return email;
}

export function requiredEmailOf(
	ctx: Ctx,
	itemIndex: number,
	value: unknown,
	label: string,
): string {
	const email = optionalEmailOf(ctx, itemIndex, value, label);
	if (email === undefined) throw invalidParameter(ctx.getNode(), itemIndex, label, 'it is empty');
	return email;
}

/** A date and time (ISO 8601 or anything n8n's date picker gives), or undefined when empty. */
export function optionalDateOf(
	ctx: Ctx,
	itemIndex: number,
	value: unknown,
	label: string,
): Date | undefined {
	const given = textOf(value);
	if (given === '') return undefined;
	const date = new Date(given);
	if (Number.isNaN(date.getTime())) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			label,
			`"${given.slice(0, 60)}" is not a date and time`,
		);
	}
	return date;
}

const PUBLIC_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** A public http(s) URL that the provider fetches (an image, a PDF), or undefined when empty. */
export function optionalUrlOf(
	ctx: Ctx,
	itemIndex: number,
	value: unknown,
	label: string,
): string | undefined {
	const url = textOf(value);
	if (url === '') return undefined;
	if (!PUBLIC_URL.test(url)) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			label,
			`"${url.slice(0, 200)}" is not an http:// or https:// URL`,
		);
	}
	return url;
}

/**
 * A JSON value given as text or already parsed by an expression: undefined when
 * empty; an object or array when `shape` says so.
 */
export function jsonOf(
	ctx: Ctx,
	itemIndex: number,
	value: unknown,
	label: string,
	shape: 'array' | 'object' | 'array or object',
): IDataObject | IDataObject[] | undefined {
	let parsed = value;
	if (typeof parsed === 'string') {
		if (parsed.trim() === '') return undefined;
		try {
			parsed = JSON.parse(parsed);
		} catch (error) {
			throw invalidParameter(
				ctx.getNode(),
				itemIndex,
				label,
				`it is not valid JSON (${(error as Error).message})`,
			);
		}
	}
	if (parsed === undefined || parsed === null) return undefined;
	const isArray = Array.isArray(parsed);
	const isObject = !isArray && typeof parsed === 'object';
	const fits = shape === 'array' ? isArray : shape === 'object' ? isObject : isArray || isObject;
	if (!fits) {
		throw invalidParameter(ctx.getNode(), itemIndex, label, `it must be a JSON ${shape}`);
	}
	return parsed as IDataObject | IDataObject[];
}

/** `jsonOf` for a parameter, with the value to use when it is empty. */
export function readJson<T extends IDataObject | IDataObject[]>(
	ctx: Ctx,
	itemIndex: number,
	name: string,
	label: string,
	shape: 'array' | 'object',
	fallback: T,
): T {
	const value = ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	return (jsonOf(ctx, itemIndex, value, label, shape) as T | undefined) ?? fallback;
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
