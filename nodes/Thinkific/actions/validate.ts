import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';
import {
	idOf,
	optionalDateOf,
	requiredText,
	requiredId as sharedRequiredId,
	textOf as text,
} from '../../shared/parameters';

/** Parameter checks, made before any request; each error names the field and the item. */

/** ISO 4217 codes of the currencies in use. */
const CURRENCIES = new Set(
	(
		'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN ' +
		'BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD ' +
		'FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY ' +
		'KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP ' +
		'MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR ' +
		'RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT ' +
		'TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'
	).split(' '),
);

export {
	compact,
	optionalEmailOf,
	requiredEmailOf,
	requiredText,
	textOf,
} from '../../shared/parameters';

/** A Thinkific record ID: a whole number of 1 or more. */
export function toId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): number {
	return idOf(ctx, itemIndex, value, label, 'Thinkific');
}

/** A required ID parameter (plain or resource locator). */
export function requiredId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number {
	return sharedRequiredId(ctx, itemIndex, name, label, 'Thinkific');
}

/** A date and time as Thinkific takes it (ISO 8601), or undefined when the value is empty. */
export function optionalIsoDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): string | undefined {
	return optionalDateOf(ctx, itemIndex, value, label)?.toISOString();
}

/** An amount in the currency's smallest unit (cents): a whole number, 0 or more. */
export function amountInMinorUnits(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number {
	const given = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	const amount = typeof given === 'number' ? given : Number(text(given));
	if (text(given) === '' || !Number.isFinite(amount)) {
		throw invalidParameter(ctx.getNode(), itemIndex, label, 'it is not a number');
	}
	if (amount < 0) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			label,
			`${amount} is negative; report refunds with "Record Refund" and a positive amount`,
		);
	}
	if (!Number.isSafeInteger(amount)) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			label,
			`${amount} is not a whole number; give the amount in the currency's smallest unit, such as 1999 for 19.99 USD`,
		);
	}
	return amount;
}

export function currencyCode(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	const given = requiredText(ctx, itemIndex, name, label);
	const code = given.toUpperCase();
	if (!CURRENCIES.has(code)) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			label,
			`"${given.slice(0, 20)}" is not an ISO 4217 currency code such as USD, EUR or GBP`,
		);
	}
	return code;
}

/** The body of an update: refused, before any request, when no field was chosen. */
export function requireChanges(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): IDataObject {
	if (Object.keys(body).length === 0) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Update Fields',
			'add at least one field to change',
		);
	}
	return body;
}
