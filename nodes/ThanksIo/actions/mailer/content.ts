import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import {
	compact,
	jsonOf,
	optionalEmailOf,
	optionalUrlOf,
	readText,
	textOf,
} from '../../../shared/parameters';
import type { RunState } from '../../../shared/router';
import type { GiftCardBrand, HandwritingStyle, MailerType } from '../../transport';
import { listGiftCardBrands, listHandwritingStyles } from '../../transport';
import { checkAddress, readMailRecipient } from '../fields';
import { idList, optionalId } from '../validate';
import { MAILER_KINDS, SEND_FIELDS, has } from './kinds';

/**
 * A send request's body, read from the parameters and checked before anything
 * is sent; each error names the field and the item.
 */

const NAMED_COLORS = ['black', 'blue', 'green', 'purple', 'red'];

/** thanks.io keeps up to 8 KB of metadata with an order. */
const METADATA_MAX_BYTES = 8 * 1024;

/** Notification email addresses, checked one by one and sent comma-separated. */
function notificationEmailsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): string | undefined {
	const emails = textOf(value)
		.split(',')
		.map((email) => email.trim())
		.filter((email) => email !== '');
	if (emails.length === 0) return undefined;
	return emails
		.map((email) => optionalEmailOf(ctx, itemIndex, email, 'Notification Emails'))
		.join(',');
}

/** The handwriting style's ID, from a dropdown value, an ID or a style's name. */
async function handwritingStyleOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<number | undefined> {
	const raw = readText(ctx, itemIndex, 'handwritingStyle');
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
	const choice = readText(ctx, itemIndex, 'handwritingColor');
	if (choice === '') return undefined;
	if (choice === 'custom') {
		const hex = readText(ctx, itemIndex, 'handwritingColorHex');
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
		province: values.return_state,
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
	const code = readText(ctx, itemIndex, 'giftCardBrand');
	if (code === '')
		throw invalidParameter(ctx.getNode(), itemIndex, 'Gift Card Brand', 'it is empty');
	const rawAmount = readText(ctx, itemIndex, 'giftCardAmount');
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
export async function contentOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
	type: MailerType,
): Promise<IDataObject> {
	const kind = MAILER_KINDS[type];
	const letter = kind.front === 'background';
	const node = ctx.getNode();
	const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	const message = readText(ctx, itemIndex, 'message');
	const messageTemplate = optionalId(ctx, itemIndex, 'messageTemplate', 'Message Template');
	const pdfOnly = has(type, 'letterPages')
		? optionalUrlOf(ctx, itemIndex, options.pdf_only_url, 'PDF Only URL')
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
			letter
				? 'it is empty; give a message, a message template or a PDF Only URL'
				: 'it is empty; give a message or a message template',
		);
	}
	const frontImageLabel = letter ? 'Background Image URL' : 'Front Image URL';
	const frontImage = optionalUrlOf(
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
	if (kind.front === 'required' && frontImage === undefined && imageTemplate === undefined) {
		throw invalidParameter(
			node,
			itemIndex,
			frontImageLabel,
			`it is empty; a ${kind.label} needs a front image URL or an image template`,
		);
	}
	const body: IDataObject = compact({
		size: has(type, 'size') ? readText(ctx, itemIndex, 'size') || '4x6' : undefined,
		message: message || undefined,
		[SEND_FIELDS.messageTemplate.name]: messageTemplate,
		front_image_url: frontImage,
		[SEND_FIELDS.imageTemplate.name]: imageTemplate,
		handwriting_color: handwritingColorOf(ctx, itemIndex),
		[SEND_FIELDS.subAccount.name]: optionalId(ctx, itemIndex, 'subAccount', 'Sub-Account'),
		...returnAddressOf(ctx, itemIndex),
		qrcode_url: has(type, 'qrCode')
			? optionalUrlOf(ctx, itemIndex, options.qrcode_url, 'QR Code URL')
			: undefined,
		[SEND_FIELDS.notificationEmails.name]: notificationEmailsOf(
			ctx,
			itemIndex,
			options.email_additional,
		),
		send_standard_mail: options.send_standard_mail === true ? true : undefined,
		pdf_only_url: pdfOnly,
		additional_pages_url: has(type, 'letterPages')
			? optionalUrlOf(ctx, itemIndex, options.additional_pages_url, 'Additional Pages URL')
			: undefined,
	});
	if (has(type, 'size') && !['4x6', '6x9', '6x11'].includes(String(body.size))) {
		throw invalidParameter(node, itemIndex, 'Size', `"${body.size}" is not 4x6, 6x9 or 6x11`);
	}
	if (has(type, 'customBackground')) {
		const background = optionalUrlOf(
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
	if (has(type, 'giftCard')) Object.assign(body, await giftCardOf(ctx, itemIndex, state));
	const metadata = jsonOf(ctx, itemIndex, options.metadata, 'Metadata (JSON)', 'object');
	if (metadata !== undefined) {
		if (JSON.stringify(metadata).length > METADATA_MAX_BYTES) {
			throw invalidParameter(node, itemIndex, 'Metadata (JSON)', 'it is larger than 8 KB');
		}
		body.metadata = metadata;
	}
	const style = await handwritingStyleOf(ctx, itemIndex, state);
	if (style !== undefined) body[SEND_FIELDS.handwritingStyle.name] = style;
	if (ctx.getNodeParameter('preview', itemIndex, false) === true) body.preview = true;
	return body;
}

/** The audience of one item's order: its recipient, mailing lists or a radius search. */
export function audienceOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const audience = readText(ctx, itemIndex, 'audience');
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
		return { [SEND_FIELDS.mailingLists.name]: ids };
	}
	if (audience === 'radiusSearch') {
		const address = readText(ctx, itemIndex, 'radiusAddress');
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
				record_types: readText(ctx, itemIndex, 'radiusRecordTypes') || 'all',
				...options,
			},
		};
	}
	return { recipients: [readMailRecipient(ctx, itemIndex)] };
}
