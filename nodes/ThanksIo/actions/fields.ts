import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { IdFormat } from '../../shared/locators';

import { invalidParameter } from '../../shared/errors';
import { listLocator } from '../../shared/locators';
import { changedAt } from '../../shared/versions';
import { compact, optionalEmailOf, readCollection, readText } from '../../shared/parameters';

/** Field definitions and readers shared by the mailer and recipient operations. */

export const mailingListField: INodeProperties = listLocator({
	displayName: 'Mailing List',
	name: 'mailingListId',
	searchListMethod: 'searchMailingLists',
	description: 'The mailing list: search your lists by name, or give its ID',
});

/**
 * The node's first version that picks templates, handwriting styles, sub-accounts
 * and gift card brands with resource locators instead of dropdowns (see
 * `changedAt`).
 */
export const LOCATORS_SINCE = 1.1;

/** The text of a dropdown filled from thanks.io that can also take an expression. */
const FROM_LIST =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/**
 * A sub-account dropdown (the main account's value is empty); `name` is the
 * parameter's. Used as it is inside collections, whose fields appear only when the
 * user adds them (the credential is set by then).
 */
export function subAccountField(name: string, hint?: string): INodeProperties {
	return {
		displayName: 'Sub-Account Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSubAccounts' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		...(hint ? { hint } : {}),
	};
}

/** A field that a version 1 node shows as a dropdown, a later one as a resource locator. */
export function pickerFields(
	dropdown: Pick<INodeProperties, 'displayName' | 'name' | 'required' | 'hint' | 'typeOptions'>,
	locator: { displayName: string; searchListMethod: string; description: string },
	id?: IdFormat,
): INodeProperties[] {
	return changedAt(
		LOCATORS_SINCE,
		{ ...dropdown, type: 'options', default: '', description: FROM_LIST },
		listLocator({
			...locator,
			name: dropdown.name,
			optional: !dropdown.required,
			hint: dropdown.hint,
			id,
		}),
	);
}

/** The sub-account of a top-level field: the main account when empty. */
export function subAccountFields(name: string, hint?: string): INodeProperties[] {
	return pickerFields(
		{
			displayName: 'Sub-Account Name or ID',
			name,
			hint,
			typeOptions: { loadOptionsMethod: 'getSubAccounts' },
		},
		{
			displayName: 'Sub-Account',
			searchListMethod: 'searchSubAccounts',
			description:
				'The sub-account: search yours by name, or give its ID. Leave empty for the main account.',
		},
	);
}

interface AddressField {
	name: string;
	api: string;
	label: string;
	placeholder: string;
}

const ADDRESS_FIELDS: AddressField[] = [
	{ name: 'recipientName', api: 'name', label: 'Name', placeholder: 'e.g. Jane Doe' },
	{ name: 'recipientCompany', api: 'company', label: 'Company', placeholder: 'e.g. Acme Inc.' },
	{
		name: 'recipientAddress',
		api: 'address',
		label: 'Address',
		placeholder: 'e.g. 123 Main Street',
	},
	{
		name: 'recipientAddress2',
		api: 'address2',
		label: 'Address Line 2',
		placeholder: 'e.g. Apt 1',
	},
	{ name: 'recipientCity', api: 'city', label: 'City', placeholder: 'e.g. Any Town' },
	{
		name: 'recipientProvince',
		api: 'province',
		label: 'State / Province',
		placeholder: 'e.g. NY',
	},
	{
		name: 'recipientPostalCode',
		api: 'postal_code',
		label: 'Postal Code',
		placeholder: 'e.g. 12345',
	},
	{ name: 'recipientCountry', api: 'country', label: 'Country', placeholder: 'e.g. US' },
];

/** What an AI agent is told about each field when the node runs as its tool. */
const TOOL_DESCRIPTIONS: Record<string, [string, boolean]> = {
	name: ["The recipient's full name", true],
	company: ["The recipient's company, if any", false],
	address: ['The street address, such as 123 Main Street', true],
	address2: ['The second address line (apartment, suite), if any', false],
	city: ['The city', true],
	province: ['The state or province, such as NY (needed for US and Canadian addresses)', false],
	postal_code: ['The postal or ZIP code', true],
	country: ['The two-letter country code, such as US', false],
};

/**
 * A recipient's name and postal address, one field each. In a workflow they are
 * mapped by default from the input item's fields of the same name (`name`,
 * `address`, `city`, …); the company and second address line, which most items
 * lack, start empty. As an AI agent's tool the node has no input item, so
 * there the model fills them (`$fromAI`), optional ones with an empty default.
 */
export function recipientFields(): INodeProperties[] {
	const fields: INodeProperties[] = ADDRESS_FIELDS.flatMap((field) => {
		const base: INodeProperties = {
			displayName: field.label,
			name: field.name,
			type: 'string',
			default: '',
			placeholder: field.placeholder,
			description: `The recipient's ${field.label.toLowerCase()}${
				field.api === 'country' ? ' as a two-letter code (US when empty)' : ''
			}`,
		};
		const [about, required] = TOOL_DESCRIPTIONS[field.api];
		const fromAi = `$fromAI('${field.api}', '${about.replace(/'/g, "\\'")}', 'string'${required ? '' : ", ''"})`;
		return [
			{
				...base,
				// Optional lines that most items lack start empty rather than mapped to nothing.
				default:
					required || field.api === 'country' || field.api === 'province'
						? `={{ $json.${field.api} }}`
						: '',
				displayOptions: { show: { '@tool': [false] } },
			},
			{
				...base,
				default: `={{ ${fromAi} }}`,
				displayOptions: { show: { '@tool': [true] } },
			},
		];
	});
	fields.push({
		displayName: 'Additional Recipient Fields',
		name: 'recipientExtra',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom 1',
				name: 'custom1',
				type: 'string',
				default: '',
				description: 'Free text for this recipient, usable in messages as %CUSTOM1%',
			},
			{
				displayName: 'Custom 2',
				name: 'custom2',
				type: 'string',
				default: '',
				description: 'Free text for this recipient, usable in messages as %CUSTOM2%',
			},
			{
				displayName: 'Custom 3',
				name: 'custom3',
				type: 'string',
				default: '',
				description: 'Free text for this recipient, usable in messages as %CUSTOM3%',
			},
			{
				displayName: 'Custom 4',
				name: 'custom4',
				type: 'string',
				default: '',
				description: 'Free text for this recipient, usable in messages as %CUSTOM4%',
			},
			{
				displayName: 'Date of Birth',
				name: 'dob',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1981-04-23',
				description: 'As YYYY-MM-DD or MM/DD/YYYY',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
			},
		],
	});
	return fields;
}

/** Countries whose addresses need a state or province. */
const NEEDS_PROVINCE = new Set(['US', 'USA', 'CA', 'CAN']);

function addressFieldsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const values: Record<string, string> = {};
	for (const field of ADDRESS_FIELDS) values[field.api] = readText(ctx, itemIndex, field.name);
	return values;
}

function labelOf(api: string): string {
	return ADDRESS_FIELDS.find((f) => f.api === api)!.label;
}

/** Checks that a postal address is complete enough to be delivered. */
export function checkAddress(
	ctx: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
	labels: (api: string) => string = labelOf,
): void {
	const country = String(values.country ?? '').toUpperCase() || 'US';
	const required = ['address', 'city', 'postal_code'];
	if (NEEDS_PROVINCE.has(country)) required.splice(2, 0, 'province');
	for (const api of required) {
		if (String(values[api] ?? '') === '') {
			throw invalidParameter(
				ctx.getNode(),
				itemIndex,
				labels(api),
				'it is empty, and a complete address is needed to deliver mail',
			);
		}
	}
}

function extraFieldsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const extra = readCollection(ctx, itemIndex, 'recipientExtra');
	return compact({
		...extra,
		email: optionalEmailOf(ctx, itemIndex, extra.email, 'Email'),
	});
}

/** A recipient to mail: name and a complete postal address are required. */
export function readMailRecipient(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const values = addressFieldsOf(ctx, itemIndex);
	if (values.name === '') {
		throw invalidParameter(ctx.getNode(), itemIndex, 'Name', 'it is empty');
	}
	checkAddress(ctx, itemIndex, values);
	return compact({ ...values, ...extraFieldsOf(ctx, itemIndex) });
}

/**
 * A recipient to add to a mailing list: a postal address or an email address
 * (thanks.io then looks the postal address up, for a fee). A postal address,
 * when given, must be complete.
 */
export function readListRecipient(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const values = addressFieldsOf(ctx, itemIndex);
	const extra = extraFieldsOf(ctx, itemIndex);
	if (values.address === '' && !extra.email) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Address',
			'it is empty, and so is the email; give a postal address or an email address',
		);
	}
	if (values.address !== '') checkAddress(ctx, itemIndex, values);
	return compact({ ...values, ...extra });
}
