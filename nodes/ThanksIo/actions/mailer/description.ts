import type { INodeProperties } from 'n8n-workflow';

import type { MailerType } from '../../transport';
import { changedAt } from '../../../shared/versions';
import { LOCATORS_SINCE, pickerFields, recipientFields, subAccountFields } from '../fields';
import { MAILER_KINDS, has } from './kinds';

/** A gift card brand typed in: thanks.io's brand code, such as amazonus. */
const BRAND_CODE = {
	placeholder: 'amazonus',
	regex: '^\\s*[A-Za-z0-9_-]+\\s*$',
	errorMessage: 'Enter a brand code such as amazonus',
	mode: { name: 'code', displayName: 'Brand Code' },
};

/** The fields of the send operations: who receives the mailer, and what it says. */

const RECORD_TYPES = [
	['Absentee Owners', 'absenteeowner'],
	['All', 'all'],
	['First-Time Home Buyers', 'firsttimehomebuyer'],
	['High Net Worth', 'highnetworth'],
	['Home Free and Clear', 'homefreeclear'],
	['Kids in Household', 'kidsinhousehold'],
	['Likely to Move', 'likelytomove'],
	['Likely to Refinance', 'likelytorefi'],
	['Majority Home Equity', 'majorityhomeequity'],
	['New Businesses', 'newbusiness'],
	['New Homeowners', 'newhomeowner'],
	['Only Businesses', 'onlybusinesses'],
	['Pool Owners', 'pool'],
	['Renters', 'renters'],
	['Retired', 'retired'],
	['Retiring', 'retiring'],
	['Underwater', 'underwater'],
].map(([name, value]) => ({ name, value }));

/** The audiences other than the recipient fields below. */
const LIST_AUDIENCES = [
	{
		name: 'Mailing Lists',
		value: 'mailingLists',
		description: 'Everyone on one or more of your thanks.io mailing lists',
	},
	{
		name: 'Radius Search',
		value: 'radiusSearch',
		description:
			'The nearest addresses around a street address (thanks.io charges a lookup fee per record)',
	},
];

function audienceFields(): INodeProperties[] {
	const recipients = { audience: ['recipients'] };
	const sendTo: INodeProperties = {
		displayName: 'Send To',
		name: 'audience',
		type: 'options',
		noDataExpression: true,
		options: [],
		default: 'recipients',
	};
	return [
		{
			...sendTo,
			displayOptions: { show: { '@tool': [false] } },
			options: [
				{
					name: 'Recipients From Input Items',
					value: 'recipients',
					description: "Each input item's name and address, mapped below",
				},
				...LIST_AUDIENCES,
			],
		},
		{
			// As an AI agent's tool the node has no input items: the agent gives the address.
			...sendTo,
			displayOptions: { show: { '@tool': [true] } },
			options: [
				{
					name: 'The Recipient Below',
					value: 'recipients',
					description: 'The name and address in the fields below, filled in by the agent',
				},
				...LIST_AUDIENCES,
			],
		},
		{
			displayName: 'Orders',
			name: 'orderMode',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: recipients },
			options: [
				{
					name: 'One Order per Input Item',
					value: 'perItem',
					description: 'Each input item becomes its own order for its recipient',
				},
				{
					name: 'One Order for All Input Items',
					value: 'allItems',
					description:
						"All input items' recipients go in one order, sent in one request. Message, images and options come from the first item.",
				},
			],
			default: 'perItem',
		},
		{
			displayName:
				'Message, images and options are taken from the first item. Personalise the message with thanks.io merge tags such as %FIRST_NAME% and %CUSTOM1%.',
			name: 'batchNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { ...recipients, orderMode: ['allItems'] } },
		},
		...recipientFields().map((field) => ({
			...field,
			displayOptions: { show: { ...field.displayOptions?.show, ...recipients } },
		})),
		{
			displayName: 'Mailing List Names or IDs',
			name: 'mailingListIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getMailingLists' },
			default: [],
			displayOptions: { show: { audience: ['mailingLists'] } },
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName:
				'One order is sent for each input item. To mail a list once, let the node receive a single item (for example with "Execute Once" in the node settings).',
			name: 'perItemNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { audience: ['mailingLists', 'radiusSearch'] } },
		},
		{
			displayName: 'Center Address',
			name: 'radiusAddress',
			type: 'string',
			default: '',
			placeholder: 'e.g. 123 Main Street, Fake City, NY, 55555',
			displayOptions: { show: { audience: ['radiusSearch'] } },
			description: 'The full street address at the center of the search',
		},
		{
			displayName: 'Number of Records',
			name: 'radiusRecordCount',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10000 },
			default: 10,
			displayOptions: { show: { audience: ['radiusSearch'] } },
			description: 'How many of the nearest addresses to mail (1 to 10,000)',
		},
		{
			displayName: 'Record Type',
			name: 'radiusRecordTypes',
			type: 'options',
			options: RECORD_TYPES,
			default: 'all',
			displayOptions: { show: { audience: ['radiusSearch'] } },
			description: 'Which kind of addresses to look for',
		},
		{
			displayName: 'Radius Search Options',
			name: 'radiusOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show: { audience: ['radiusSearch'] } },
			options: [
				{
					displayName: 'Append Phone and Email',
					name: 'append_data',
					type: 'boolean',
					default: false,
					description: 'Whether to add phone and email to each record (an extra fee per record)',
				},
				{
					displayName: 'Include Condos',
					name: 'include_condos',
					type: 'boolean',
					default: false,
					description: 'Whether to include condominiums',
				},
				{
					displayName: 'Use Property Owner',
					name: 'use_property_owner',
					type: 'boolean',
					default: false,
					description: "Whether to mail the property owner's address for business record types",
				},
			],
		},
	];
}

/** A template dropdown: a postcard's is reloaded when its size changes (each size has its own templates). */
function templatePicker(method: string, type: MailerType): INodeProperties['typeOptions'] {
	return has(type, 'size')
		? { loadOptionsMethod: method, loadOptionsDependsOn: ['size'] }
		: { loadOptionsMethod: method };
}

/** A message or image template, for the mailer type the operation sends. */
function templateFields(
	kind: 'Message' | 'Image',
	instead: string,
	type: MailerType,
): INodeProperties[] {
	return pickerFields(
		{
			displayName: `${kind} Template Name or ID`,
			name: `${kind.toLowerCase()}Template`,
			typeOptions: templatePicker(`get${kind}Templates`, type),
			hint: `Give either ${instead} or ${kind === 'Message' ? 'a message' : 'an image'} template, not both`,
		},
		{
			displayName: `${kind} Template`,
			searchListMethod: `search${kind}Templates`,
			description: `Your ${kind.toLowerCase()} templates for this mailer: search them by name, or give an ID. Leave empty for none.`,
		},
	);
}

/** The gift card amount, loaded for the brand that `brand` (a parameter path) holds. */
function giftCardAmount(brand: string): INodeProperties {
	return {
		displayName: 'Gift Card Amount Name or ID',
		name: 'giftCardAmount',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGiftCardAmounts', loadOptionsDependsOn: [brand] },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'An expression gives the amount in cents, such as 2500 for $25.00. Only the amounts the brand offers are accepted.',
	};
}

function contentFields(type: MailerType): INodeProperties[] {
	const letter = MAILER_KINDS[type].front === 'background';
	const fields: INodeProperties[] = [];
	if (has(type, 'size')) {
		fields.push({
			displayName: 'Size',
			name: 'size',
			type: 'options',
			options: [
				{ name: '4x6', value: '4x6' },
				{ name: '6x9', value: '6x9' },
				{ name: '6x11', value: '6x11' },
			],
			default: '4x6',
			description: 'The postcard size in inches',
		});
	}
	if (has(type, 'giftCard')) {
		fields.push(
			...pickerFields(
				{
					displayName: 'Gift Card Brand Name or ID',
					name: 'giftCardBrand',
					required: true,
					typeOptions: { loadOptionsMethod: 'getGiftCardBrands' },
				},
				{
					displayName: 'Gift Card Brand',
					searchListMethod: 'searchGiftCardBrands',
					description: 'The gift card brand: search the brands by name, or give its brand code',
				},
				BRAND_CODE,
			),
			// The amounts wait on the brand: a version 1 brand is a plain value, a later one
			// a resource locator's.
			...changedAt(
				LOCATORS_SINCE,
				giftCardAmount('giftCardBrand'),
				giftCardAmount('giftCardBrand.value'),
			),
		);
	}
	fields.push(
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 5 },
			default: '',
			description: letter
				? 'The handwritten cover letter. Use merge tags such as %FIRST_NAME%. Leave empty when using a message template or a PDF only.'
				: 'The handwritten message. Use merge tags such as %FIRST_NAME%. Leave empty when using a message template.',
		},
		...templateFields('Message', 'a message', type),
		{
			displayName: letter ? 'Background Image URL' : 'Front Image URL',
			name: 'frontImageUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/front.png',
			description: letter
				? 'A public image for the background of the cover letter (optional)'
				: 'A public image for the front. Leave empty when using an image template.',
		},
		...templateFields('Image', 'an image URL', type),
		...pickerFields(
			{
				displayName: 'Handwriting Style Name or ID',
				name: 'handwritingStyle',
				typeOptions: { loadOptionsMethod: 'getHandwritingStyles' },
			},
			{
				displayName: 'Handwriting Style',
				searchListMethod: 'searchHandwritingStyles',
				description:
					"The handwriting style: search the styles by name, or give its ID or name. Leave empty for the account's default.",
			},
			{
				placeholder: 'Foxy Lady',
				regex: '\\S',
				errorMessage: 'Enter a handwriting style ID or name',
				mode: { name: 'id', displayName: 'ID or Name' },
			},
		),
		{
			displayName: 'Handwriting Color',
			name: 'handwritingColor',
			type: 'options',
			options: [
				{ name: 'Account Default', value: '' },
				{ name: 'Black', value: 'black' },
				{ name: 'Blue', value: 'blue' },
				{ name: 'Custom', value: 'custom' },
				{ name: 'Green', value: 'green' },
				{ name: 'Purple', value: 'purple' },
				{ name: 'Red', value: 'red' },
			],
			default: '',
		},
		{
			displayName: 'Custom Color',
			name: 'handwritingColorHex',
			type: 'color',
			default: '#1f0071',
			displayOptions: { show: { handwritingColor: ['custom'] } },
		},
		{
			displayName: 'Return Address',
			name: 'returnAddress',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				"The sender's address printed on the mailer. When empty, the sub-account's or account's return address is used.",
			options: [
				{ displayName: 'Address', name: 'return_address', type: 'string', default: '' },
				{ displayName: 'Address Line 2', name: 'return_address2', type: 'string', default: '' },
				{ displayName: 'City', name: 'return_city', type: 'string', default: '' },
				{ displayName: 'Name', name: 'return_name', type: 'string', default: '' },
				{ displayName: 'Postal Code', name: 'return_postal_code', type: 'string', default: '' },
				{ displayName: 'State / Province', name: 'return_state', type: 'string', default: '' },
			],
		},
		...subAccountFields('subAccount'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: optionFields(type),
		},
	);
	return fields;
}

function optionFields(type: MailerType): INodeProperties[] {
	const options: INodeProperties[] = [];
	if (has(type, 'letterPages')) {
		options.push({
			displayName: 'Additional Pages URL',
			name: 'additional_pages_url',
			type: 'string',
			default: '',
			description: 'A public PDF whose pages are added after the cover letter',
		});
	}
	if (has(type, 'customBackground')) {
		options.push({
			displayName: 'Custom Background Image URL',
			name: 'custom_background_image',
			type: 'string',
			default: '',
			description: 'A public image placed behind the handwritten message',
		});
	}
	options.push(
		{
			displayName: 'Metadata (JSON)',
			name: 'metadata',
			type: 'json',
			default: '',
			description:
				'Your own data for this order as a JSON object (up to 8 KB), such as {"crmId": "123"}. thanks.io keeps it with the order and returns it in webhooks.',
		},
		{
			displayName: 'Notification Emails',
			name: 'email_additional',
			type: 'string',
			placeholder: 'e.g. ops@example.com, sales@example.com',
			default: '',
			description:
				'Email addresses for alerts about the order, such as QR code scans, separated by commas',
		},
	);
	if (has(type, 'letterPages')) {
		options.push({
			displayName: 'PDF Only URL',
			name: 'pdf_only_url',
			type: 'string',
			default: '',
			description: 'A public PDF used as the whole mailer; no cover letter is written',
		});
	}
	if (has(type, 'qrCode')) {
		options.push({
			displayName: 'QR Code URL',
			name: 'qrcode_url',
			type: 'string',
			default: '',
			description: "Where the mailer's QR code leads. When empty, the account default is used.",
		});
	}
	options.push({
		displayName: 'Standard Mail',
		name: 'send_standard_mail',
		type: 'boolean',
		default: false,
		description: 'Whether to send by Standard Mail instead of First Class (cheaper, slower)',
	});
	return options;
}

/**
 * The first field of each send's panel, right after the operation (and the notice on
 * Retry On Fail every send has): off (the default, which saved workflows keep), the
 * first "Execute step" mails a real, paid mailer, so the user sees the choice first.
 */
const PREVIEW: INodeProperties = {
	displayName: 'Preview Only',
	name: 'preview',
	type: 'boolean',
	default: false,
	description:
		'Whether to only return preview images of the mailer. On, nothing is sent and nothing is charged; off, every execution mails and pays for a real one.',
};

export function mailerDescription(type: MailerType): INodeProperties[] {
	return [PREVIEW, ...audienceFields(), ...contentFields(type)];
}
