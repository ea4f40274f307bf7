import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EARLIER_SEND_NAMES } from '../sandbox/thanksio';
import { person, postcard, thanksIoFixture } from './context';

const t = thanksIoFixture();

function templateId(rows: IDataObject[], type: string): number {
	return Number(rows.find((row) => row.type === type)!.id);
}

describe('the sandbox plays thanks.io send routes and field names', () => {
	const card = { message: 'Hi', front_image_url: 'https://example.com/front.png' };

	test('a field given under both its names is refused with 422 naming the field', async () => {
		const [list] = t.provider.addMailingLists(1);
		const answer = await t.post('/send/postcard', {
			...card,
			mailing_list_ids: [list.id],
			mailing_lists: [list.id],
		});
		expect(answer.status).toBe(422);
		expect(answer.body.message).toBe(
			'The mailing_list_ids field and its earlier name mailing_lists were both given; send only one of them.',
		);
		expect(Object.keys(answer.body.errors as IDataObject)).toEqual(['mailing_list_ids']);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(0);
	});

	test('either name alone is accepted', async () => {
		const [list] = t.provider.addMailingLists(1);
		t.provider.addRecipients(Number(list.id), 3);
		const earlier = await t.post('/send/postcard', {
			...card,
			mailing_lists: [list.id],
			handwriting_style: 4,
			email_additional: 'a@example.com',
		});
		expect(earlier.status).toBe(200);
		expect(earlier.body).toMatchObject({ total_recipients: 3, style: 4 });
		const current = await t.post('/send/postcard', {
			...card,
			mailing_list_ids: [list.id],
			handwriting_style_id: 4,
			notification_emails: 'a@example.com,b@example.com',
		});
		expect(current.status).toBe(200);
		expect(current.body).toMatchObject({ total_recipients: 3, style: 4 });
	});

	test('windowed letters are served at /send/letter; /send/windowedletter is not a route', async () => {
		const letter = { message: 'Dear %FIRST_NAME%', recipients: [person(1)] };
		expect((await t.post('/send/letter', letter)).status).toBe(200);
		expect((await t.post('/send/windowedletter', letter)).status).toBe(404);
	});
});

describe('thanks.io sends carry each field under one name', () => {
	test('no send of any kind, nor a preview, carries a field under two names', async () => {
		const [list] = t.provider.addMailingLists(1);
		t.provider.addRecipients(Number(list.id), 2);
		const messages = t.provider.messageTemplates as IDataObject[];
		const images = t.provider.imageTemplates as IDataObject[];
		const common = {
			resource: 'mailer',
			audience: 'mailingLists',
			mailingListIds: [Number(list.id)],
			message: '',
			frontImageUrl: '',
			handwritingStyle: 'Foxy Lady',
			subAccount: 7,
			options: { email_additional: 'ops@example.com, sales@example.com' },
		};
		const kinds: [string, string, IDataObject?][] = [
			['sendPostcard', 'postcard'],
			['sendLetter', 'letter'],
			['sendWindowlessLetter', 'windowlessletter'],
			['sendNotecard', 'notecard'],
			['sendGiftCard', 'giftcard', { giftCardBrand: 'amazonus', giftCardAmount: 500 }],
			['sendMagnacard', 'magnacard'],
		];
		for (const [operation, type, extra] of kinds) {
			await t.run({
				...common,
				operation,
				messageTemplate: templateId(messages, type),
				imageTemplate: templateId(images, type),
				...extra,
			});
		}
		await t.run({ ...common, ...postcard, message: '', messageTemplate: 10, preview: true });
		const requests = t.provider.sendRequests;
		expect(requests.map((r) => r.route)).toEqual([
			'postcard',
			'letter',
			'windowlessletter',
			'notecard',
			'giftcard',
			'magnacard',
			'postcard',
		]);
		for (const { route, body } of requests) {
			const earlier = EARLIER_SEND_NAMES.filter((name) => body[name] !== undefined);
			expect({ route, earlier }).toEqual({ route, earlier: [] });
			expect(body).toMatchObject({
				mailing_list_ids: [list.id],
				message_template_id: expect.any(Number),
				handwriting_style_id: 4,
				sub_account: 7,
				notification_emails: 'ops@example.com,sales@example.com',
			});
		}
		expect(requests.filter((r) => r.body.image_template_id !== undefined)).toHaveLength(6);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(6);
		expect(t.sandbox.count('thanksio', 'previews')).toBe(1);
	});

	test('notification emails are checked one by one before anything is sent', async () => {
		const error = (await t
			.run(
				{ ...postcard, options: { email_additional: 'ops@example.com, sales at example' } },
				{ items: [person(1)] },
			)
			.catch((e: Error) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Invalid "Notification Emails" in item 0: "sales at example" is not an email address',
		);
		expect(t.provider.sendRequests).toHaveLength(0);
	});

	test('a recipient audience is sent as recipients only', async () => {
		await t.run(postcard, { items: [person(1)] });
		const [{ body }] = t.provider.sendRequests;
		expect(body.recipients).toEqual([person(1)]);
		expect(body.mailing_list_ids).toBeUndefined();
		expect(body.mailing_lists).toBeUndefined();
	});
});

describe('thanks.io magnacards', () => {
	const magnacard = {
		resource: 'mailer',
		operation: 'sendMagnacard',
		message: 'Hi %FIRST_NAME%, keep us on your fridge!',
		frontImageUrl: 'https://example.com/magnet.png',
	};

	test('a magnacard goes to /send/magnacard with the fields the vendor node sends for one', async () => {
		const [items] = await t.run(
			{
				...magnacard,
				handwritingStyle: 'Foxy Lady',
				subAccount: 9,
				options: {
					custom_background_image: 'https://example.com/back.png',
					email_additional: 'ops@example.com',
					send_standard_mail: true,
				},
			},
			{ items: [person(1)] },
		);
		expect(t.sandbox.count('thanksio', 'POST /api/v2/send/magnacard')).toBe(1);
		expect(items[0].json).toMatchObject({ type: 'magnacard', status: 'reviewing' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		// No size and no QR code: the vendor's node sends neither for a magnacard.
		expect(t.provider.sends[0]).toEqual({
			message: 'Hi %FIRST_NAME%, keep us on your fridge!',
			front_image_url: 'https://example.com/magnet.png',
			use_custom_background: true,
			custom_background_image: 'https://example.com/back.png',
			handwriting_style_id: 4,
			sub_account: 9,
			notification_emails: 'ops@example.com',
			send_standard_mail: true,
			recipients: [person(1)],
		});
		expect(t.provider.orders.get(Number(items[0].json.id))).toMatchObject({
			authorization_total: 189,
		});
	});

	test('a magnacard by templates, to mailing lists, and as a preview', async () => {
		const [list] = t.provider.addMailingLists(1);
		t.provider.addRecipients(Number(list.id), 3);
		const messages = t.provider.messageTemplates as IDataObject[];
		const images = t.provider.imageTemplates as IDataObject[];
		const byTemplates = {
			...magnacard,
			message: '',
			frontImageUrl: '',
			messageTemplate: templateId(messages, 'magnacard'),
			imageTemplate: templateId(images, 'magnacard'),
			audience: 'mailingLists',
			mailingListIds: [Number(list.id)],
		};
		const [preview] = await t.run({ ...byTemplates, preview: true });
		expect(preview[0].json).toMatchObject({ preview: true });
		expect(preview[0].json.previews).toHaveLength(2);
		const [sent] = await t.run(byTemplates);
		expect(sent[0].json).toMatchObject({ type: 'magnacard', total_recipients: 3 });
		expect(t.provider.sendRequests.map((r) => r.route)).toEqual(['magnacard', 'magnacard']);
		expect(t.provider.sends[0]).toEqual({
			message_template_id: templateId(messages, 'magnacard'),
			image_template_id: templateId(images, 'magnacard'),
			mailing_list_ids: [list.id],
		});
	});

	test('a magnacard needs a front image: refused before anything is sent', async () => {
		const error = (await t
			.run({ ...magnacard, frontImageUrl: '' }, { items: [person(1)] })
			.catch((e: Error) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Invalid "Front Image URL" in item 0: it is empty; a magnacard needs a front image URL or an image template',
		);
		expect(t.provider.sendRequests).toHaveLength(0);
	});

	test('the magnacard offers a custom background, but no size and no QR code', () => {
		const shown = (name: string) =>
			t.node.description.properties.filter(
				(p) => p.name === name && p.displayOptions?.show?.operation?.includes('sendMagnacard'),
			);
		expect(shown('size')).toHaveLength(0);
		const [options] = shown('options');
		const names = (options.options as { name: string }[]).map((o) => o.name);
		expect(names).toContain('custom_background_image');
		expect(names).not.toContain('qrcode_url');
		expect(names).not.toContain('pdf_only_url');
	});
});
