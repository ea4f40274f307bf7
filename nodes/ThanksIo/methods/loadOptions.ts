import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { templateTypesOf } from '../actions/mailer/kinds';
import type { MailerType } from '../transport';
import {
	listGiftCardBrands,
	listHandwritingStyles,
	listImageTemplates,
	listMailingLists,
	listMessageTemplates,
	listSubAccounts,
} from '../transport';

const TEMPLATE_TYPES: Record<string, MailerType> = {
	sendPostcard: 'postcard',
	sendLetter: 'letter',
	sendWindowlessLetter: 'windowlessletter',
	sendNotecard: 'notecard',
	sendGiftCard: 'giftcard',
	sendMagnacard: 'magnacard',
};

/** The template types that fit the mailer being edited (a postcard: of the chosen size). */
function templateTypesFor(ctx: ILoadOptionsFunctions): string[] {
	const type = TEMPLATE_TYPES[String(ctx.getCurrentNodeParameter('operation') ?? '')];
	if (!type) return [];
	return templateTypesOf(type, String(ctx.getCurrentNodeParameter('size') ?? ''));
}

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

export async function getMailingLists(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const lists = await listMailingLists.call(this);
	return lists
		.map((l) => ({
			name: `${String(l.description ?? `List ${l.id}`)} (${Number(l.total_recipients ?? 0)} recipients)`,
			value: Number(l.id),
		}))
		.sort(byName);
}

export async function getSubAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accounts = await listSubAccounts.call(this);
	return [
		{ name: 'Main Account', value: '' },
		...accounts
			.map((a) => ({ name: String(a.title ?? `Sub-account ${a.id}`), value: Number(a.id) }))
			.sort(byName),
	];
}

export async function getHandwritingStyles(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const styles = await listHandwritingStyles.call(this);
	return [
		{ name: 'Account Default', value: '' },
		...styles
			.map((s) => ({
				name: s.type ? `${s.name} (${s.type})` : s.name,
				value: Number(s.handwriting_style_id),
			}))
			.sort(byName),
	];
}

export async function getMessageTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const templates = await listMessageTemplates.call(this, templateTypesFor(this));
	return [
		{ name: 'None', value: '' },
		...templates
			.map((t) => ({ name: String(t.name ?? `Template ${t.id}`), value: Number(t.id) }))
			.sort(byName),
	];
}

export async function getImageTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const templates = await listImageTemplates.call(this, templateTypesFor(this));
	return [
		{ name: 'None', value: '' },
		...templates
			.map((t) => ({ name: String(t.name ?? `Template ${t.id}`), value: Number(t.id) }))
			.sort(byName),
	];
}

export async function getGiftCardBrands(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const brands = await listGiftCardBrands.call(this);
	return brands
		.map((b) => ({
			name: b.title,
			value: b.brand_code,
			description: b.group ? `${b.group}: ${b.brand_code}` : b.brand_code,
		}))
		.sort(byName);
}

export async function getGiftCardAmounts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	// Version 1's brand is a plain value, a later one a resource locator's: its value.
	const code = String(
		this.getCurrentNodeParameter('giftCardBrand', { extractValue: true }) ?? '',
	).trim();
	if (code === '') return [];
	const brand = (await listGiftCardBrands.call(this)).find((b) => b.brand_code === code);
	return (brand?.available_amounts ?? [])
		.slice()
		.sort((a, b) => a - b)
		.map((cents) => ({ name: `$${(cents / 100).toFixed(2)}`, value: cents }));
}

/** Mailing lists for a trigger's filter: any list, or one. */
export async function getMailingListFilter(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return [{ name: 'Any Mailing List', value: '' }, ...(await getMailingLists.call(this))];
}

/** Sub-accounts for a trigger's filter: every account, or one sub-account. */
export async function getSubAccountFilter(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const accounts = await listSubAccounts.call(this);
	return [
		{ name: 'All Accounts', value: '' },
		...accounts
			.map((a) => ({ name: String(a.title ?? `Sub-account ${a.id}`), value: String(a.id) }))
			.sort(byName),
	];
}
