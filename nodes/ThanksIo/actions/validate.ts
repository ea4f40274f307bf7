import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';
import { readText as text, wholeNumberId } from '../../shared/parameters';

/** Parameter readers that fail before any request, naming the field and the item. */

export { compact, readText as text, requiredText } from '../../shared/parameters';

/** A thanks.io ID: a whole number of 1 or more. */
export function idOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): number {
	return wholeNumberId(ctx, itemIndex, value, label, 'thanks.io');
}

export function requiredId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number {
	return idOf(ctx, itemIndex, ctx.getNodeParameter(name, itemIndex, ''), label);
}

/** An optional ID: undefined when the field is empty. */
export function optionalId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number | undefined {
	const raw = text(ctx, itemIndex, name);
	return raw === '' ? undefined : idOf(ctx, itemIndex, raw, label);
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

const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** An optional public URL (an image, a PDF, a QR code target). */
export function optionalUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): string | undefined {
	const raw = String(value ?? '').trim();
	if (raw === '') return undefined;
	if (!URL_PATTERN.test(raw)) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			label,
			`"${raw}" is not an http:// or https:// URL`,
		);
	}
	return raw;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function optionalEmail(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): string | undefined {
	const raw = String(value ?? '').trim();
	if (raw === '') return undefined;
	if (!EMAIL_PATTERN.test(raw)) {
		throw invalidParameter(ctx.getNode(), itemIndex, label, `"${raw}" is not an email address`);
	}
	return raw;
}

/** Copies the non-empty values of a collection into API field names. */
