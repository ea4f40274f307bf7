import type { INodeProperties } from 'n8n-workflow';

/** What a resource locator's "ID" mode accepts. */
export interface IdFormat {
	placeholder: string;
	/** A regular expression the ID must match, checked in the editor. */
	regex: string;
	errorMessage: string;
	/** The mode's name and label when the value typed is not an ID (a code, a name). */
	mode?: { name: string; displayName: string };
}

/** Whole numbers, as most providers' IDs are. */
export const NUMERIC_ID: IdFormat = {
	placeholder: '123',
	regex: '^\\s*[0-9]+\\s*$',
	errorMessage: 'Enter a numeric ID',
};

export interface LocatorOptions {
	displayName: string;
	name: string;
	description: string;
	/** The `methods.listSearch` method behind "From List". */
	searchListMethod: string;
	id?: IdFormat;
	/** Adds a "By Email" mode (the node looks the record up by its email address). */
	byEmail?: boolean;
	/** May be left empty (the description says what empty means). */
	optional?: boolean;
	hint?: string;
}

/**
 * A resource locator: a searchable list (the default), an ID, and where the
 * provider can find a record by email, an email address.
 */
export function listLocator(options: LocatorOptions): INodeProperties {
	const id = options.id ?? NUMERIC_ID;
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: !options.optional,
		description: options.description,
		...(options.hint ? { hint: options.hint } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: id.mode?.displayName ?? 'ID',
				name: id.mode?.name ?? 'id',
				type: 'string',
				placeholder: id.placeholder,
				validation: [
					{
						type: 'regex',
						properties: { regex: id.regex, errorMessage: id.errorMessage },
					},
				],
			},
			...(options.byEmail
				? [
						{
							displayName: 'By Email',
							name: 'email',
							type: 'string' as const,
							placeholder: 'name@email.com',
							validation: [
								{
									type: 'regex' as const,
									properties: {
										regex: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$',
										errorMessage: 'Enter an email address',
									},
								},
							],
						},
					]
				: []),
		],
	};
}

/** The mode a resource locator parameter was given in (`list`, `id`, …); empty for a plain value. */
export function locatorMode(raw: unknown): string {
	return raw && typeof raw === 'object' && 'mode' in raw
		? String((raw as { mode: unknown }).mode)
		: '';
}
