import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from './errors';
import { textOf } from './parameters';

/** Whole-number parameters (counts, lengths, quantities), checked before any request. */

export interface WholeNumberRange {
	min: number;
	max?: number;
}

/**
 * A whole number within `range`, given as a number or as text (from an
 * expression); undefined when the value is empty. The error names the field and
 * the item.
 */
export function optionalWholeNumberOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	range: WholeNumberRange,
): number | undefined {
	if (textOf(value) === '') return undefined;
	const n = typeof value === 'number' ? value : Number(textOf(value));
	const refuse = (problem: string) => invalidParameter(ctx.getNode(), itemIndex, label, problem);
	if (!Number.isFinite(n)) throw refuse('it is not a number');
	if (!Number.isSafeInteger(n)) throw refuse(`${n} is not a whole number`);
	if (range.max !== undefined && (n < range.min || n > range.max)) {
		throw refuse(`${n} is not between ${range.min} and ${range.max}`);
	}
	if (n < range.min) throw refuse(`${n} is below ${range.min}`);
	return n;
}

/** `optionalWholeNumberOf` for a value that must be given. */
export function wholeNumberOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	range: WholeNumberRange,
): number {
	const n = optionalWholeNumberOf(ctx, itemIndex, value, label, range);
	if (n === undefined) throw invalidParameter(ctx.getNode(), itemIndex, label, 'it is empty');
	return n;
}
