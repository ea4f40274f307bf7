import type { INodeParameters } from 'n8n-workflow';

import { resources } from '../../nodes/ThanksIo/actions';
import { THANKSIO_ROUTES } from '../sandbox/routes';
import { person, thanksIoFixture } from '../thanksio/context';
import type { Example } from './check';
import { describeConformance } from './check';
import { THANKSIO_TABLE } from './thanksio';

const t = thanksIoFixture();

/** A mailing list (with two recipients) to read, fill, mail or delete. */
function aList(): INodeParameters {
	const [list] = t.provider.addMailingLists(1);
	t.provider.addRecipients(Number(list.id), 2);
	return { mailingListId: Number(list.id) };
}

/** Every optional part a mailer can carry (each kind reads the options it has). */
const MAILER: INodeParameters = {
	message: 'Hi %FIRST_NAME%, thank you!',
	frontImageUrl: 'https://example.com/front.png',
	size: '6x9',
	handwritingStyle: 'Hi Clarice',
	handwritingColor: 'blue',
	subAccount: 7,
	returnAddress: {
		return_name: 'Downtown Office',
		return_address: '1 Main Street',
		return_address2: 'Suite 2',
		return_city: 'Woodbridge',
		return_state: 'NJ',
		return_postal_code: '07095',
	},
	options: {
		qrcode_url: 'https://example.com/qr',
		email_additional: 'ops@example.com',
		send_standard_mail: true,
		metadata: '{"crm_id": "42"}',
		custom_background_image: 'https://example.com/background.png',
		pdf_only_url: 'https://example.com/letter.pdf',
		additional_pages_url: 'https://example.com/pages.pdf',
	},
	recipientExtra: {
		email: 'customer@example.com',
		phone: '555 0100',
		dob: '1990-01-31',
		custom1: 'a',
		custom2: 'b',
		custom3: 'c',
		custom4: 'd',
	},
	giftCardBrand: 'chipotle',
	giftCardAmount: '1000',
};

/** A mailer to the input item's recipient, then to a mailing list, then to a radius search. */
const MAILERS: Example[] = [
	{ parameters: { ...MAILER, audience: 'recipients' }, items: [person(1)] },
	{
		parameters: { ...MAILER, audience: 'mailingLists' },
		prepare: () => ({ mailingListIds: [aList().mailingListId as number] }),
	},
	{
		parameters: {
			...MAILER,
			audience: 'radiusSearch',
			radiusAddress: '1 Main Street, Any Town, NY 12345',
			radiusRecordCount: 5,
			radiusRecordTypes: 'newhomeowner',
			radiusOptions: { append_data: true, include_condos: true, use_property_owner: true },
		},
	},
];

/** An order in review, to track or cancel. */
async function anOrder(): Promise<INodeParameters> {
	const [sent] = await t.run(
		{ ...MAILER, resource: 'mailer', operation: 'sendPostcard', audience: 'recipients' },
		{ items: [person(1)] },
	);
	return { orderId: Number(sent[0].json.id) };
}

const EXAMPLES: Record<string, Example | Example[]> = {
	'mailingList.create': {
		parameters: {
			listName: 'Customers',
			additionalFields: { qrcode_url: 'https://example.com/qr', sub_account_id: '7' },
		},
	},
	'mailingList.get': { parameters: {}, prepare: aList },
	'mailingList.getAll': { parameters: { returnAll: true }, prepare: aList },
	'mailingList.getRecipients': {
		parameters: { returnAll: true, updatedSince: '2020-01-01T00:00:00Z' },
		prepare: aList,
	},
	'mailingList.delete': { parameters: {}, prepare: aList },
	'recipient.create': {
		parameters: { recipientExtra: MAILER.recipientExtra },
		items: [person(5)],
		prepare: aList,
	},
	'recipient.createMany': {
		parameters: { recipientExtra: MAILER.recipientExtra },
		items: [person(6), person(7)],
		prepare: aList,
	},
	'recipient.get': {
		parameters: {},
		prepare: () => ({
			recipientId: Number(
				t.provider.addRecipients(Number(t.provider.addMailingLists(1)[0].id), 1)[0].id,
			),
		}),
	},
	'recipient.update': {
		parameters: { updateFields: { ...person(4), email: 'new@example.com', custom1: 'x' } },
		prepare: () => ({
			recipientId: Number(
				t.provider.addRecipients(Number(t.provider.addMailingLists(1)[0].id), 1)[0].id,
			),
		}),
	},
	'recipient.delete': {
		parameters: {},
		prepare: () => ({
			recipientId: Number(
				t.provider.addRecipients(Number(t.provider.addMailingLists(1)[0].id), 1)[0].id,
			),
		}),
	},
	'recipient.deleteByAddress': [
		{
			parameters: { matchBy: 'address', address: '1 Main Street', postalCode: '12345' },
			prepare: aList,
		},
		{
			parameters: { matchBy: 'email', email: 'listed@example.com' },
			prepare: async () => {
				const list = aList();
				await t.run(
					{
						resource: 'recipient',
						operation: 'create',
						...list,
						recipientExtra: { email: 'listed@example.com' },
					},
					{ items: [{ name: 'Listed by email' }] },
				);
				return list;
			},
		},
	],
	'order.getAll': { parameters: { returnAll: true, subAccount: 7 } },
	'order.track': { parameters: {}, prepare: anOrder },
	'order.cancel': { parameters: {}, prepare: anOrder },
};

describeConformance({
	table: THANKSIO_TABLE,
	sandboxRoutes: THANKSIO_ROUTES,
	hosts: { api: { mount: 'thanksio', prefix: '/api/v2' } },
	resources,
	sandbox: () => t.sandbox,
	// Every mailer, the ones still to come included, is run the same three ways.
	example: (resource, operation) =>
		resource === 'mailer' ? MAILERS : EXAMPLES[`${resource}.${operation}`],
	run: async (example, parameters) =>
		await t.run(parameters, { items: example.items, authentication: 'thanksIoApi' }),
});
