import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import type { OperationResult, RunState } from '../../../shared/router';
import { batchOutputFor, sendOnceForAllItems } from '../../../shared/router';
import type { GiftCardBrand, HandwritingStyle, MailerType } from '../../transport';
import { listGiftCardBrands, listHandwritingStyles, thanksIoRequest } from '../../transport';
import { checkAddress, readMailRecipient, recipientFields } from '../fields';
import { compact, idList, optionalEmail, optionalId, optionalUrl, text } from '../validate';

/** What differs between the five kinds of mailer. */
export interface MailerKind {
	type: MailerType;
	/** The send endpoint, below the API base URL. */
	path: string;
	/** The mailer as users name it, in messages. */
	label: string;
	/** Postcards, notecards and gift cards need a front image and a message. */
	needsFront: boolean;
	/** Letters: the message makes the cover letter, which a PDF can replace. */
	letter: boolean;
	/** Postcards and notecards take a custom background behind the message. */
	customBackground: boolean;
	giftCard: boolean;
	postcard: boolean;
}

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

const NAMED_COLORS = ['black', 'blue', 'green', 'purple', 'red'];

function audienceFields(): INodeProperties[] {
	const recipients = { audience: ['recipients'] };
	return [
		{
			displayName: 'Send To',
			name: 'audience',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Recipients From Input Items',
					value: 'recipients',
					description: "Each input item's name and address, mapped below",
				},
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
			],
			default: 'recipients',
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
			displayOptions: { show: recipients },
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

function contentFields(kind: MailerKind): INodeProperties[] {
	const fields: INodeProperties[] = [];
	if (kind.postcard) {
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
	if (kind.giftCard) {
		fields.push(
			{
				displayName: 'Gift Card Brand Name or ID',
				name: 'giftCardBrand',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getGiftCardBrands' },
				required: true,
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Gift Card Amount Name or ID',
				name: 'giftCardAmount',
				type: 'options',
				typeOptions: {
					loadOptionsMethod: 'getGiftCardAmounts',
					loadOptionsDependsOn: ['giftCardBrand'],
				},
				required: true,
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				hint: 'An expression gives the amount in cents, such as 2500 for $25.00. Only the amounts the brand offers are accepted.',
			},
		);
	}
	fields.push(
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 5 },
			default: '',
			description: kind.letter
				? 'The handwritten cover letter. Use merge tags such as %FIRST_NAME%. Leave empty when using a message template or a PDF only.'
				: 'The handwritten message. Use merge tags such as %FIRST_NAME%. Leave empty when using a message template.',
		},
		{
			displayName: 'Message Template Name or ID',
			name: 'messageTemplate',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getMessageTemplates' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Give either a message or a message template, not both',
		},
		{
			displayName: kind.letter ? 'Background Image URL' : 'Front Image URL',
			name: 'frontImageUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/front.png',
			description: kind.letter
				? 'A public image for the background of the cover letter (optional)'
				: 'A public image for the front. Leave empty when using an image template.',
		},
		{
			displayName: 'Image Template Name or ID',
			name: 'imageTemplate',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getImageTemplates' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Give either an image URL or an image template, not both',
		},
		{
			displayName: 'Handwriting Style Name or ID',
			name: 'handwritingStyle',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getHandwritingStyles' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
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
				{ displayName: 'State / Province', name: 'return_province', type: 'string', default: '' },
			],
		},
		{
			displayName: 'Sub-Account Name or ID',
			name: 'subAccount',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSubAccounts' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'Preview Only',
			name: 'preview',
			type: 'boolean',
			default: false,
			description:
				'Whether to only return preview images of the mailer. Nothing is sent or charged.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: optionFields(kind),
		},
	);
	return fields;
}

function optionFields(kind: MailerKind): INodeProperties[] {
	const options: INodeProperties[] = [];
	if (kind.letter) {
		options.push({
			displayName: 'Additional Pages URL',
			name: 'additional_pages_url',
			type: 'string',
			default: '',
			description: 'A public PDF whose pages are added after the cover letter',
		});
	}
	if (kind.customBackground) {
		options.push({
			displayName: 'Custom Background Image URL',
			name: 'custom_background_image',
			type: 'string',
			default: '',
			description: 'A public image placed behind the handwritten message',
		});
	}
	options.push({
		displayName: 'Notification Email',
		name: 'email_additional',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'An email address for alerts about the order, such as QR code scans',
	});
	if (kind.letter) {
		options.push({
			displayName: 'PDF Only URL',
			name: 'pdf_only_url',
			type: 'string',
			default: '',
			description: 'A public PDF used as the whole mailer; no cover letter is written',
		});
	}
	options.push(
		{
			displayName: 'QR Code URL',
			name: 'qrcode_url',
			type: 'string',
			default: '',
			description: "Where the mailer's QR code leads. When empty, the account default is used.",
		},
		{
			displayName: 'Standard Mail',
			name: 'send_standard_mail',
			type: 'boolean',
			default: false,
			description: 'Whether to send by Standard Mail instead of First Class (cheaper, slower)',
		},
	);
	return options;
}

export function mailerDescription(kind: MailerKind): INodeProperties[] {
	return [...audienceFields(), ...contentFields(kind)];
}

/** The handwriting style's ID, from a dropdown value, an ID or a style's name. */
async function handwritingStyleOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<number | undefined> {
	const raw = text(ctx, itemIndex, 'handwritingStyle');
	if (raw === '') return undefined;
	const styles = await state.memo<HandwritingStyle[]>(
		'handwritingStyles',
		async () => await listHandwritingStyles.call(ctx),
	);
	const wanted = raw.toLowerCase();
	const style = styles.find(
		(s) => String(s.handwriting_style_id) === raw || String(s.name).toLowerCase() === wanted,
	);
	if (!style) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Handwriting Style',
			`"${raw}" is not a thanks.io handwriting style`,
		);
	}
	return Number(style.handwriting_style_id);
}

function handwritingColorOf(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const choice = text(ctx, itemIndex, 'handwritingColor');
	if (choice === '') return undefined;
	if (choice === 'custom') {
		const hex = text(ctx, itemIndex, 'handwritingColorHex');
		if (!/^#[0-9a-f]{6}$/i.test(hex)) {
			throw invalidParameter(
				ctx.getNode(),
				itemIndex,
				'Custom Color',
				`"${hex}" is not a color such as #4287f5`,
			);
		}
		return hex;
	}
	if (!NAMED_COLORS.includes(choice.toLowerCase()) && !/^#[0-9a-f]{6}$/i.test(choice)) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Handwriting Color',
			`"${choice}" is not one of ${NAMED_COLORS.join(', ')} or a color such as #4287f5`,
		);
	}
	return choice.toLowerCase();
}

const RETURN_LABELS: Record<string, string> = {
	name: 'Return Address: Name',
	address: 'Return Address: Address',
	city: 'Return Address: City',
	province: 'Return Address: State / Province',
	postal_code: 'Return Address: Postal Code',
};

function returnAddressOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const values = compact(
		(ctx.getNodeParameter('returnAddress', itemIndex, {}) ?? {}) as IDataObject,
	);
	if (Object.keys(values).length === 0) return {};
	const address = {
		name: values.return_name,
		address: values.return_address,
		city: values.return_city,
		province: values.return_province,
		postal_code: values.return_postal_code,
	};
	if (!address.name) {
		throw invalidParameter(ctx.getNode(), itemIndex, RETURN_LABELS.name, 'it is empty');
	}
	checkAddress(ctx, itemIndex, address, (api) => RETURN_LABELS[api]);
	return values;
}

async function giftCardOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<IDataObject> {
	const code = text(ctx, itemIndex, 'giftCardBrand');
	if (code === '')
		throw invalidParameter(ctx.getNode(), itemIndex, 'Gift Card Brand', 'it is empty');
	const rawAmount = text(ctx, itemIndex, 'giftCardAmount');
	if (rawAmount === '') {
		throw invalidParameter(ctx.getNode(), itemIndex, 'Gift Card Amount', 'it is empty');
	}
	const amount = Number(rawAmount);
	if (!/^\d+$/.test(rawAmount) || !Number.isSafeInteger(amount)) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Gift Card Amount',
			`"${rawAmount}" is not a whole number of cents`,
		);
	}
	const brands = await state.memo<GiftCardBrand[]>(
		'giftCardBrands',
		async () => await listGiftCardBrands.call(ctx),
	);
	const brand = brands.find((b) => b.brand_code.toLowerCase() === code.toLowerCase());
	if (!brand) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Gift Card Brand',
			`"${code}" is not a gift card brand thanks.io offers`,
		);
	}
	if (!brand.available_amounts.includes(amount)) {
		const offered = brand.available_amounts.map((a) => `$${(a / 100).toFixed(2)}`).join(', ');
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Gift Card Amount',
			`${amount} cents ($${(amount / 100).toFixed(2)}) is not an amount ${brand.title} offers (it offers ${offered})`,
		);
	}
	return { giftcard_brand: brand.brand_code, giftcard_amount_in_cents: amount };
}

/** Everything of a send request except its audience, checked before anything is sent. */
async function contentOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
	kind: MailerKind,
): Promise<IDataObject> {
	const node = ctx.getNode();
	const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	const message = text(ctx, itemIndex, 'message');
	const messageTemplate = optionalId(ctx, itemIndex, 'messageTemplate', 'Message Template');
	const pdfOnly = kind.letter
		? optionalUrl(ctx, itemIndex, options.pdf_only_url, 'PDF Only URL')
		: undefined;
	if (message !== '' && messageTemplate !== undefined) {
		throw invalidParameter(
			node,
			itemIndex,
			'Message',
			'both a message and a message template are given; keep one of them',
		);
	}
	if (message === '' && messageTemplate === undefined && !pdfOnly) {
		throw invalidParameter(
			node,
			itemIndex,
			'Message',
			kind.letter
				? 'it is empty; give a message, a message template or a PDF Only URL'
				: 'it is empty; give a message or a message template',
		);
	}
	const frontImageLabel = kind.letter ? 'Background Image URL' : 'Front Image URL';
	const frontImage = optionalUrl(
		ctx,
		itemIndex,
		ctx.getNodeParameter('frontImageUrl', itemIndex, ''),
		frontImageLabel,
	);
	const imageTemplate = optionalId(ctx, itemIndex, 'imageTemplate', 'Image Template');
	if (frontImage !== undefined && imageTemplate !== undefined) {
		throw invalidParameter(
			node,
			itemIndex,
			frontImageLabel,
			'both an image URL and an image template are given; keep one of them',
		);
	}
	if (kind.needsFront && frontImage === undefined && imageTemplate === undefined) {
		throw invalidParameter(
			node,
			itemIndex,
			frontImageLabel,
			`it is empty; a ${kind.label} needs a front image URL or an image template`,
		);
	}
	const body: IDataObject = compact({
		size: kind.postcard ? text(ctx, itemIndex, 'size') || '4x6' : undefined,
		message: message || undefined,
		message_template: messageTemplate,
		front_image_url: frontImage,
		image_template: imageTemplate,
		handwriting_color: handwritingColorOf(ctx, itemIndex),
		sub_account: optionalId(ctx, itemIndex, 'subAccount', 'Sub-Account'),
		...returnAddressOf(ctx, itemIndex),
		qrcode_url: optionalUrl(ctx, itemIndex, options.qrcode_url, 'QR Code URL'),
		email_additional: optionalEmail(ctx, itemIndex, options.email_additional, 'Notification Email'),
		send_standard_mail: options.send_standard_mail === true ? true : undefined,
		pdf_only_url: pdfOnly,
		additional_pages_url: kind.letter
			? optionalUrl(ctx, itemIndex, options.additional_pages_url, 'Additional Pages URL')
			: undefined,
	});
	if (kind.postcard && !['4x6', '6x9', '6x11'].includes(String(body.size))) {
		throw invalidParameter(node, itemIndex, 'Size', `"${body.size}" is not 4x6, 6x9 or 6x11`);
	}
	if (kind.customBackground) {
		const background = optionalUrl(
			ctx,
			itemIndex,
			options.custom_background_image,
			'Custom Background Image URL',
		);
		if (background) {
			body.use_custom_background = true;
			body.custom_background_image = background;
		}
	}
	if (kind.giftCard) Object.assign(body, await giftCardOf(ctx, itemIndex, state));
	const style = await handwritingStyleOf(ctx, itemIndex, state);
	if (style !== undefined) body.handwriting_style = style;
	if (ctx.getNodeParameter('preview', itemIndex, false) === true) body.preview = true;
	return body;
}

/** The audience of one item's order: its recipient, mailing lists or a radius search. */
function audienceOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const audience = ctx.getNodeParameter('audience', itemIndex) as string;
	if (audience === 'mailingLists') {
		const ids = idList(ctx, itemIndex, 'mailingListIds', 'Mailing Lists');
		if (ids.length === 0) {
			throw invalidParameter(
				ctx.getNode(),
				itemIndex,
				'Mailing Lists',
				'no mailing list is chosen, so the mailer would have no audience',
			);
		}
		return { mailing_lists: ids };
	}
	if (audience === 'radiusSearch') {
		const address = text(ctx, itemIndex, 'radiusAddress');
		if (address === '') {
			throw invalidParameter(
				ctx.getNode(),
				itemIndex,
				'Center Address',
				'it is empty, so the radius search would have no audience',
			);
		}
		const count = ctx.getNodeParameter('radiusRecordCount', itemIndex, 10) as number;
		if (!Number.isInteger(count) || count < 1 || count > 10000) {
			throw invalidParameter(
				ctx.getNode(),
				itemIndex,
				'Number of Records',
				`${count} is not a whole number from 1 to 10,000`,
			);
		}
		const options = (ctx.getNodeParameter('radiusOptions', itemIndex, {}) ?? {}) as IDataObject;
		return {
			radius_search: {
				address,
				record_count: count,
				record_types: text(ctx, itemIndex, 'radiusRecordTypes') || 'all',
				...options,
			},
		};
	}
	return { recipients: [readMailRecipient(ctx, itemIndex)] };
}

/** An order answer, or the preview images when nothing was sent. */
function resultOf(answer: IDataObject | undefined, preview: boolean): IDataObject {
	if (preview) {
		const data = (answer?.data ?? {}) as IDataObject;
		return { preview: true, previews: (data.previews as string[] | undefined) ?? [] };
	}
	return (answer?.order as IDataObject | undefined) ?? answer ?? {};
}

async function send(
	ctx: IExecuteFunctions,
	kind: MailerKind,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const answer = await thanksIoRequest.call(ctx, 'POST', kind.path, { body }, itemIndex);
	return resultOf(answer, body.preview === true);
}

/**
 * "One order for all input items": every item's recipient is read and checked
 * first, then one request sends them all; the order is paired with every item.
 */
async function executeBatch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
	kind: MailerKind,
): Promise<OperationResult> {
	const batch = await sendOnceForAllItems(
		ctx,
		state,
		'mailerBatch',
		(item) => readMailRecipient(ctx, item),
		async (recipients, firstItem) => {
			const body = await contentOf(ctx, firstItem, state, kind);
			return await send(ctx, kind, { ...body, recipients }, firstItem);
		},
	);
	return batchOutputFor(ctx, batch, itemIndex, (result, items) => [
		{
			json: { ...result, recipientCount: items.length },
			pairedItem: items.map((item) => ({ item })),
		},
	]);
}

/** Sends one mailer per input item, or one for all of them. */
export async function executeMailer(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
	kind: MailerKind,
): Promise<OperationResult> {
	const audience = ctx.getNodeParameter('audience', 0) as string;
	const orderMode =
		audience === 'recipients' ? ctx.getNodeParameter('orderMode', 0, 'perItem') : '';
	if (orderMode === 'allItems') return await executeBatch(ctx, itemIndex, state, kind);
	const target = audienceOf(ctx, itemIndex);
	const body = await contentOf(ctx, itemIndex, state, kind);
	return await send(ctx, kind, { ...body, ...target }, itemIndex);
}
