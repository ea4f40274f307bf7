import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import type { RunState } from '../../../shared/router';
import { listCustomProfileFields } from '../../transport';
import { avatarUrlField, bioField, collectionOf } from '../fields';
import { jsonOf, pathSegmentOf, readText } from '../../../shared/parameters';
import { changedAt } from '../../../shared/versions';
import { readUserId, userLocator } from '../locators';
import { compact, requiredEmailOf, textOf, toId } from '../validate';

/** Fields and body building shared by the user operations. */

export const ROLE_OPTIONS = [
	{ name: 'Affiliate', value: 'affiliate' },
	{ name: 'Course Admin', value: 'course_admin' },
	{ name: 'Group Analyst', value: 'group_analyst' },
	{ name: 'Site Admin', value: 'site_admin' },
];

const externalIdField: INodeProperties = {
	displayName: 'External ID',
	name: 'externalId',
	type: 'string',
	required: true,
	default: '',
	displayOptions: { show: { idType: ['SSO', 'OPENID_CONNECT'] } },
	description: 'The external ID the user was created with',
};

/** The name of the External ID field at a version of the node (see `userIdFields`). */
function externalIdName(ctx: IExecuteFunctions): string {
	return ctx.getNode().typeVersion < 1.1 ? 'userId' : 'externalId';
}

/**
 * Which user: "ID Type" first, then the user. A Thinkific user is picked with the
 * user locator (list, ID or email); an external ID is typed.
 *
 * Version 1 named the External ID field `userId`, as the User locator is named: n8n's
 * editor kept the picked user's ID in it when the ID Type was switched, and that ID was
 * then looked up as an external ID. From version 1.1 it is `externalId` and starts
 * empty; workflows saved with version 1 keep their `userId`.
 */
export const userIdFields: INodeProperties[] = [
	{
		displayName: 'ID Type',
		name: 'idType',
		type: 'options',
		default: 'thinkific',
		options: [
			{ name: 'Thinkific User', value: 'thinkific' },
			{ name: 'External ID (SSO)', value: 'SSO' },
			{ name: 'External ID (OpenID Connect)', value: 'OPENID_CONNECT' },
		],
		description:
			'Whether the user is picked on Thinkific (from the list, by ID or by email) or named by the external ID of a single sign-on',
	},
	{ ...userLocator, displayOptions: { show: { idType: ['thinkific'] } } },
	...changedAt(1.1, { ...externalIdField, name: 'userId' }, externalIdField),
];

/** Path and query of one user, from the "ID Type" and "User" parameters. */
export async function userLocation(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<{ path: string; qs: IDataObject; id: number | string }> {
	const idType = readText(ctx, itemIndex, 'idType');
	if (idType === 'thinkific') {
		const id = await readUserId(ctx, itemIndex, 'userId', 'User');
		return { path: `/users/${id}`, qs: {}, id };
	}
	const given = readText(ctx, itemIndex, externalIdName(ctx));
	return {
		path: `/users/${pathSegmentOf(ctx, itemIndex, given, 'External ID')}`,
		qs: { provider: idType },
		id: given,
	};
}

const customProfileFieldsUi: INodeProperties = {
	displayName: 'Custom Profile Fields',
	name: 'customProfileFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Custom Profile Field',
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'definitionId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCustomProfileFields' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
				},
			],
		},
	],
};

const customProfileFieldsJson: INodeProperties = {
	displayName: 'Custom Profile Fields (JSON)',
	name: 'customProfileFieldsJson',
	type: 'json',
	default: '',
	description:
		'Custom profile fields as JSON: an object of field labels (or definition IDs) to values, such as {"Phone": "555 0100"}, or an array of {"custom_profile_field_definition_id": 1, "value": "555 0100"}',
};

const affiliateFields: INodeProperties[] = [
	{
		displayName: 'Affiliate Code',
		name: 'affiliateCode',
		type: 'string',
		default: '',
		description: 'The affiliate code of the user (for users with the Affiliate role)',
	},
	{
		displayName: 'Affiliate Commission',
		name: 'affiliateCommission',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description:
			'The commission: a percentage above 0 and up to 100, or a fixed amount below 9999.99',
	},
	{
		displayName: 'Affiliate Commission Type',
		name: 'affiliateCommissionType',
		type: 'options',
		default: '%',
		options: [
			{ name: 'Percentage', value: '%' },
			{ name: 'Fixed Amount', value: '$' },
		],
	},
	{
		displayName: 'Affiliate Payout Email',
		name: 'affiliatePayoutEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'The email the affiliate is paid out to',
	},
];

export const createOptions: INodeProperties = collectionOf('additional', [
	...affiliateFields,
	bioField,
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	customProfileFieldsUi,
	customProfileFieldsJson,
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'The ID of the user in your own system, used with single sign-on',
	},
	{
		displayName: 'External ID Provider',
		name: 'provider',
		type: 'options',
		default: 'SSO',
		options: [
			{ name: 'Single Sign-On (SSO)', value: 'SSO' },
			{ name: 'OpenID Connect', value: 'OPENID_CONNECT' },
		],
		description:
			'Which sign-in the External ID belongs to. Give it together with the External ID; users are then found by it with "ID Type".',
	},
	{ displayName: 'Headline', name: 'headline', type: 'string', default: '' },
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'At least 6 characters. Without a password the user signs in with an express sign-in link.',
	},
	{
		displayName: 'Roles',
		name: 'roles',
		type: 'multiOptions',
		options: ROLE_OPTIONS,
		default: [],
	},
	{
		displayName: 'Send Welcome Email',
		name: 'sendWelcomeEmail',
		type: 'boolean',
		default: false,
		description: "Whether to send the site's welcome email to the user",
	},
	{
		displayName: 'Skip Custom Fields Validation',
		name: 'skipCustomFieldsValidation',
		type: 'boolean',
		default: false,
		description: 'Whether to create the user even if required custom profile fields are missing',
	},
]);

export const updateOptions: INodeProperties = collectionOf('update', [
	...affiliateFields,
	avatarUrlField,
	bioField,
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	customProfileFieldsUi,
	customProfileFieldsJson,
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'External Source',
		name: 'externalSource',
		type: 'string',
		default: '',
		description: 'Where the user came from, such as the name of your app',
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Headline', name: 'headline', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'At least 6 characters',
	},
	{
		displayName: 'Roles',
		name: 'roles',
		type: 'multiOptions',
		options: ROLE_OPTIONS,
		default: [],
		description: 'The roles the user has after the update (the list replaces the current one)',
	},
]);

/** Field name → API attribute and the label used in error messages. */
const ATTRIBUTES: Record<string, [string, string]> = {
	affiliateCode: ['affiliate_code', 'Affiliate Code'],
	affiliateCommission: ['affiliate_commission', 'Affiliate Commission'],
	affiliateCommissionType: ['affiliate_commission_type', 'Affiliate Commission Type'],
	affiliatePayoutEmail: ['affiliate_payout_email', 'Affiliate Payout Email'],
	avatarUrl: ['avatar_url', 'Avatar URL'],
	bio: ['bio', 'Bio'],
	company: ['company', 'Company'],
	email: ['email', 'Email'],
	externalId: ['external_id', 'External ID'],
	externalSource: ['external_source', 'External Source'],
	firstName: ['first_name', 'First Name'],
	headline: ['headline', 'Headline'],
	lastName: ['last_name', 'Last Name'],
	password: ['password', 'Password'],
	provider: ['provider', 'External ID Provider'],
	roles: ['roles', 'Roles'],
	sendWelcomeEmail: ['send_welcome_email', 'Send Welcome Email'],
	skipCustomFieldsValidation: ['skip_custom_fields_validation', 'Skip Custom Fields Validation'],
};

interface ProfileFieldValue {
	custom_profile_field_definition_id: number;
	value: string;
}

async function customProfileFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
	fields: IDataObject,
): Promise<ProfileFieldValue[] | undefined> {
	const label = 'Custom Profile Fields';
	const jsonLabel = 'Custom Profile Fields (JSON)';
	const list: ProfileFieldValue[] = [];
	const ui = (fields.customProfileFields as { field?: IDataObject[] } | undefined)?.field ?? [];
	for (const entry of ui) {
		list.push({
			custom_profile_field_definition_id: toId(ctx, itemIndex, entry.definitionId, label),
			value: textOf(entry.value),
		});
	}
	const parsed = jsonOf(
		ctx,
		itemIndex,
		fields.customProfileFieldsJson,
		jsonLabel,
		'array or object',
	);
	if (Array.isArray(parsed)) {
		for (const entry of parsed as unknown[]) {
			const object = (entry ?? {}) as IDataObject;
			if (typeof entry !== 'object' || entry === null || !('value' in object)) {
				throw invalidParameter(
					ctx.getNode(),
					itemIndex,
					jsonLabel,
					'each entry of the array must be {"custom_profile_field_definition_id": <ID>, "value": "…"}',
				);
			}
			list.push({
				custom_profile_field_definition_id: toId(
					ctx,
					itemIndex,
					object.custom_profile_field_definition_id,
					jsonLabel,
				),
				value: textOf(object.value),
			});
		}
	} else if (parsed !== undefined && parsed !== null && typeof parsed === 'object') {
		const entries = Object.entries(parsed as IDataObject);
		const needsLabels = entries.some(([key]) => !/^\d+$/.test(key));
		const definitions = needsLabels
			? await state.memo('customProfileFields', async () => await listCustomProfileFields.call(ctx))
			: [];
		for (const [key, value] of entries) {
			let id: number;
			if (/^\d+$/.test(key)) id = toId(ctx, itemIndex, key, jsonLabel);
			else {
				const definition = definitions.find(
					(d) => String(d.label).toLowerCase() === key.trim().toLowerCase(),
				);
				if (!definition) {
					throw invalidParameter(
						ctx.getNode(),
						itemIndex,
						jsonLabel,
						`no custom profile field is labelled "${key.slice(0, 60)}"`,
					);
				}
				id = Number(definition.id);
			}
			if (value !== null && typeof value === 'object') {
				throw invalidParameter(
					ctx.getNode(),
					itemIndex,
					jsonLabel,
					`the value of "${key.slice(0, 60)}" must be text or a number`,
				);
			}
			list.push({ custom_profile_field_definition_id: id, value: textOf(value) });
		}
	} else if (parsed !== undefined) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			jsonLabel,
			'it must be a JSON object or array',
		);
	}
	return list.length ? list : undefined;
}

/** The API body for the user fields chosen in a collection, checked first. */
export async function userAttributes(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
	fields: IDataObject,
): Promise<IDataObject> {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		const attribute = ATTRIBUTES[name];
		if (!attribute) continue;
		const [key, label] = attribute;
		if (typeof value === 'string') {
			const trimmed = name === 'password' ? value : value.trim();
			if (trimmed === '') {
				if (['email', 'firstName', 'lastName', 'password'].includes(name)) {
					throw invalidParameter(ctx.getNode(), itemIndex, label, 'it is empty');
				}
				continue;
			}
			body[key] = trimmed;
		} else {
			body[key] = value;
		}
	}
	for (const [name, key] of [
		['email', 'email'],
		['affiliatePayoutEmail', 'affiliate_payout_email'],
	]) {
		if (body[key] !== undefined)
			body[key] = requiredEmailOf(ctx, itemIndex, body[key], ATTRIBUTES[name][1]);
	}
	if (body.provider !== undefined && body.external_id === undefined) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'External ID Provider',
			'it is given without an External ID; add the External ID it belongs to',
		);
	}
	if (body.provider !== undefined && !['SSO', 'OPENID_CONNECT'].includes(String(body.provider))) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'External ID Provider',
			`"${String(body.provider).slice(0, 40)}" is not SSO or OPENID_CONNECT`,
		);
	}
	if (typeof body.password === 'string' && body.password.length < 6) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Password',
			'it must have at least 6 characters',
		);
	}
	const profile = await customProfileFields(ctx, itemIndex, state, fields);
	if (profile) body.custom_profile_fields = profile as unknown as IDataObject[];
	return compact(body);
}
