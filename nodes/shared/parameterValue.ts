import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { isSafeObjectProperty } from 'n8n-workflow';

/**
 * A node parameter's value for an item, read as n8n's \`getNodeParameter\` reads it,
 * but without n8n's parameter and expression machinery where that gives the same
 * value (test/shared/parameters.test.ts compares the two for every parameter).
 */

type Ctx = IExecuteFunctions;

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
