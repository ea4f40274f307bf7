import type { IExecuteFunctions } from 'n8n-workflow';

import {
	idOf as sharedIdOf,
	optionalId as sharedOptionalId,
	requiredId as sharedRequiredId,
} from '../../shared/parameters';

/** thanks.io IDs: whole numbers of 1 or more. Errors name the field and the item. */

const PROVIDER = 'thanks.io';

export function idOf(ctx: IExecuteFunctions, itemIndex: number, value: unknown, label: string) {
	return sharedIdOf(ctx, itemIndex, value, label, PROVIDER);
}

export function requiredId(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string) {
	return sharedRequiredId(ctx, itemIndex, name, label, PROVIDER);
}

/** An optional ID: undefined when the field is empty. */
export function optionalId(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string) {
	return sharedOptionalId(ctx, itemIndex, name, label, PROVIDER);
}

/** A list of IDs from a multi-select, an array expression or comma-separated text. */
export function idList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number[] {
	const value = ctx.getNodeParameter(name, itemIndex, []) as unknown;
	const parts = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((v) => String(v ?? '').trim())
		.filter((v) => v !== '');
	return [...new Set(parts.map((part) => idOf(ctx, itemIndex, part, label)))];
}
