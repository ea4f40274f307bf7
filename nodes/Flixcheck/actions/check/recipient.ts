import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import { readText, requiredEmailOf } from '../../../shared/parameters';

/**
 * The recipient of a check, as Flixcheck documents its recipient properties:
 * a mobile number for SMS or an e-mail address for e-mail, and either a personal
 * address (gender, first name, last name, optionally informal) or a neutral one
 * (a name only, for example an organisation).
 */
export const recipientFields: INodeProperties[] = [
	{
		displayName: 'Send By',
		name: 'sendBy',
		type: 'options',
		options: [
			{ name: 'SMS', value: 'sms' },
			{ name: 'Email', value: 'email' },
		],
		default: 'sms',
		description: 'How Flixcheck delivers the check to the recipient',
	},
	{
		displayName: 'Mobile Number',
		name: 'mobile',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+491701234567',
		displayOptions: { show: { sendBy: ['sms'] } },
		description: "The recipient's mobile phone number",
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		displayOptions: { show: { sendBy: ['email'] } },
		description: "The recipient's email address",
	},
	{
		displayName: 'Addressing',
		name: 'addressing',
		type: 'options',
		options: [
			{
				name: 'Personal',
				value: 'personal',
				description: 'Gender, first name and last name',
			},
			{
				name: 'Neutral',
				value: 'neutral',
				description: 'A name only, for example when the person is not known or is an organisation',
			},
		],
		default: 'personal',
	},
	{
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		options: [
			{ name: 'Not Given', value: '' },
			{ name: 'Female', value: 'female' },
			{ name: 'Male', value: 'male' },
		],
		default: '',
		displayOptions: { show: { addressing: ['personal'] } },
		description: 'Required when the recipient is addressed informally',
	},
	{
		displayName: 'First Name',
		name: 'firstname',
		type: 'string',
		default: '',
		displayOptions: { show: { addressing: ['personal'] } },
	},
	{
		displayName: 'Last Name',
		name: 'lastname',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { addressing: ['personal'] } },
	},
	{
		displayName: 'Informal',
		name: 'informally',
		type: 'boolean',
		default: false,
		displayOptions: { show: { addressing: ['personal'] } },
		description: 'Whether the recipient is addressed informally',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { addressing: ['neutral'] } },
		description: "The recipient's full name, or an organisation's name",
	},
];

const MOBILE = /^\+?[0-9][0-9 ()/-]{4,}$/;

/** Reads and checks the recipient of one item; throws naming the field before any request. */
export function readRecipient(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { sendBy: 'sms' | 'email'; recipient: IDataObject } {
	const node = ctx.getNode();
	const sendBy = readText(ctx, itemIndex, 'sendBy');
	if (sendBy !== 'sms' && sendBy !== 'email') {
		throw invalidParameter(node, itemIndex, 'Send By', `"${sendBy}" is not sms or email`);
	}
	const recipient: IDataObject = {};
	if (sendBy === 'sms') {
		const mobile = readText(ctx, itemIndex, 'mobile');
		if (mobile === '')
			throw invalidParameter(node, itemIndex, 'Mobile Number', 'it is empty; SMS needs one');
		if (!MOBILE.test(mobile))
			throw invalidParameter(node, itemIndex, 'Mobile Number', `"${mobile}" is not a phone number`);
		recipient.mobile = mobile;
	} else {
		const email = readText(ctx, itemIndex, 'email');
		if (email === '')
			throw invalidParameter(node, itemIndex, 'Email', 'it is empty; email needs an address');
		recipient.email = requiredEmailOf(ctx, itemIndex, email, 'Email');
	}
	const addressing = readText(ctx, itemIndex, 'addressing');
	if (addressing === 'neutral') {
		const name = readText(ctx, itemIndex, 'name');
		if (name === '')
			throw invalidParameter(node, itemIndex, 'Name', 'it is empty; a neutral check needs a name');
		recipient.name = name;
	} else if (addressing === 'personal') {
		const informally = ctx.getNodeParameter('informally', itemIndex, false) === true;
		const gender = readText(ctx, itemIndex, 'gender');
		const firstname = readText(ctx, itemIndex, 'firstname');
		const lastname = readText(ctx, itemIndex, 'lastname');
		if (lastname === '')
			throw invalidParameter(
				node,
				itemIndex,
				'Last Name',
				'it is empty; a personal check needs one',
			);
		if (gender !== '' && gender !== 'female' && gender !== 'male')
			throw invalidParameter(node, itemIndex, 'Gender', `"${gender}" is not female or male`);
		if (informally && gender === '')
			throw invalidParameter(
				node,
				itemIndex,
				'Gender',
				'it is not given; an informal personal check needs it',
			);
		if (gender !== '') recipient.gender = gender;
		if (firstname !== '') recipient.firstname = firstname;
		recipient.lastname = lastname;
		recipient.informally = informally;
	} else {
		throw invalidParameter(
			node,
			itemIndex,
			'Addressing',
			`"${addressing}" is not personal or neutral`,
		);
	}
	return { sendBy, recipient };
}
