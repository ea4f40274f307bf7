import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';

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

export function requiredText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') throw invalidParameter(ctx.getNode(), itemIndex, label, 'it is empty');
	return value;
}
