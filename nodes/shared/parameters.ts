import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { isSafeObjectProperty } from 'n8n-workflow';

import { invalidParameter } from './errors';
import { describeUnsafeSegment } from './url';

/**
 * Parameter readers shared by every node: one of each kind. Each check runs
 * before any request and its error names the field and the item (see
 * `invalidParameter`). Readers named `read…`/`required…`/`optional…` take the
 * parameter's name; the `…Of` ones take a value already read (a collection's entry).
 */

type Ctx = IExecuteFunctions;

/** A value as trimmed text; undefined and null are empty. */
export function textOf(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * `={{ $json.field }}` or `={{ $json["field"] }}`: nothing but a field of the item itself.
 * A quoted name holds no braces (n8n would end the expression there) and no line break
 * (n8n cannot read that text).
 */
const OWN_FIELD =
	/^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'])([^"'\\{}\r\n\u2028\u2029]+)\2\s*\])\s*\}\}$/;

/**
 * Whether n8n's expressions read a field of this name as the item's own field: by
 * n8n-workflow's own check (an n8n without it reads every field itself), not a name of
 * Object's members (n8n 2.x's isolated expression engine reads `toString` as Object's
 * function, even where the item has its own), and no `.constructor` (refused anywhere).
 */
function expressionsMayRead(name: string): boolean {
	return (
		typeof isSafeObjectProperty === 'function' &&
		isSafeObjectProperty(name) &&
		!(name in Object.prototype) &&
		!name.includes('constructor')
	);
}

/**
 * The value of an own-field expression for an item, when reading it directly gives what
 * n8n gives: the field is the item's own (not one of Object's members), n8n's expressions
 * may read its name (they refuse `constructor`, `__proto__`, `prototype` and the like),
 * and its value is text, a number, a boolean or null. n8n changes objects as it reads them
 * (DateTimes inside become text, a resource locator's value is taken out of a locator
 * object), so those go through n8n. Undefined when n8n must read it.
 */
function ownFieldValue(ctx: Ctx, itemIndex: number, given: string): { value: unknown } | undefined {
	const match = OWN_FIELD.exec(given);
	if (!match) return undefined;
	const name = match[1] ?? match[3];
	if (!expressionsMayRead(name)) return undefined;
	const json = ctx.getInputData()[itemIndex]?.json;
	if (!json || !Object.prototype.hasOwnProperty.call(json, name)) return undefined;
	const value = json[name];
	const isObject = value !== null && (typeof value === 'object' || typeof value === 'function');
	return isObject ? undefined : { value };
}

/** The node's parameters as saved, read once per execution (`getNode()` copies them). */
const savedParameters = new WeakMap<Ctx, IDataObject>();

/** Whether a saved value holds an expression anywhere, or is a resource locator. */
function needsResolving(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (!value || typeof value !== 'object') return false;
	if ('__rl' in value) return true;
	return Object.values(value).some(needsResolving);
}

/**
 * A parameter's value for an item. Some kinds are read without n8n's parameter
 * and expression machinery, which would give the same value at a cost that counts
 * when hundreds of items each map several fields: a value with no expression in
 * it (text, number, boolean, or a collection of them), and an expression that is
 * nothing but a field of the input item (`={{ $json.name }}`, as mapped fields
 * usually are), also as a resource locator's value. Anything else goes through
 * `getNodeParameter`. The value is shared: callers must not change it. Exported for
 * the test that compares it with `getNodeParameter`; nodes use the readers below.
 */
export function parameterValue(
	ctx: Ctx,
	itemIndex: number,
	name: string,
	fallback: unknown = '',
	options: { extractValue?: boolean } = { extractValue: true },
): unknown {
	let saved = savedParameters.get(ctx);
	if (!saved) {
		saved = ctx.getNode().parameters as IDataObject;
		savedParameters.set(ctx, saved);
	}
	const given = saved[name];
	const locator = isLocator(given) ? given : undefined;
	const known = knownValue(ctx, itemIndex, locator ? locator.value : given);
	if (known && locator && !options.extractValue) return { ...locator, value: known.value };
	if (known) return known.value;
	return ctx.getNodeParameter(name, itemIndex, fallback, options);
}

/**
 * A resource locator as saved, `{ __rl: true, mode, value }`. The package's
 * locators (`listLocator`) have no mode that extracts an ID from a URL: their
 * value is the ID, as n8n's `extractValue` gives it.
 */
function isLocator(value: unknown): value is IDataObject & { value?: unknown } {
	return !!value && typeof value === 'object' && '__rl' in value;
}

/**
 * A saved value that needs no expression evaluated: plain, or nothing but a field of the
 * item that n8n would read as it is (see `ownFieldValue`).
 */
function knownValue(ctx: Ctx, itemIndex: number, given: unknown): { value: unknown } | undefined {
	if (given !== undefined && given !== null && !needsResolving(given)) return { value: given };
	return typeof given === 'string' ? ownFieldValue(ctx, itemIndex, given) : undefined;
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
