import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { ThanksIo } from '../../nodes/ThanksIo/ThanksIo.node';

import { thanksIoApi } from '../../nodes/ThanksIo/transport';
import { person, postcard, thanksIoFixture } from './context';

const t = thanksIoFixture();

function sends(route = 'POST /api/v2/send/postcard'): number {
	return t.sandbox.count('thanksio', route);
}

async function failure(parameters: Record<string, unknown>, items: object[]) {
	return (await t
		.run(parameters as never, { items: items as never })
		.catch((e: Error) => e)) as NodeOperationError;
}

describe('thanks.io mailers', () => {
	test('a postcard per input item, to the recipient mapped from its fields', async () => {
		const [items] = await t.run(
			{
				...postcard,
				size: '6x9',
				handwritingStyle: 'Foxy Lady',
				handwritingColor: 'custom',
				handwritingColorHex: '#4287f5',
				subAccount: 7,
				returnAddress: {
					return_name: 'Acme',
					return_address: '1 Shop Street',
					return_city: 'Fake City',
					return_state: 'NY',
					return_postal_code: '55555',
				},
				recipientExtra: { custom1: '={{ $json.code }}', email: '={{ $json.mail }}' },
				options: {
					qrcode_url: 'https://example.com/qr',
					send_standard_mail: true,
					email_additional: 'alerts@example.com',
					metadata: '{"crmId": "c-1"}',
				},
			},
			{ items: [{ ...person(1), code: 'A1', mail: 'a@example.com' }, person(2), person(3)] },
		);
		expect(items).toHaveLength(3);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({
			status: 'reviewing',
			type: 'postcard',
			size: '6x9',
			// Orders answer with the state as `return_province`; requests send `return_state`.
			return_province: 'NY',
		});
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(3);
		const [first] = t.provider.sends;
		expect(first).toEqual({
			size: '6x9',
			message: 'Hi %FIRST_NAME%, thank you!',
			front_image_url: 'https://example.com/front.png',
			// Each field under the one name the vendor's own node sends.
			handwriting_style_id: 4,
			handwriting_color: '#4287f5',
			sub_account: 7,
			return_name: 'Acme',
			return_address: '1 Shop Street',
			return_city: 'Fake City',
			return_state: 'NY',
			return_postal_code: '55555',
			qrcode_url: 'https://example.com/qr',
			send_standard_mail: true,
			notification_emails: 'alerts@example.com',
			metadata: { crmId: 'c-1' },
			recipients: [{ ...person(1), custom1: 'A1', email: 'a@example.com' }],
		});
		expect(t.provider.sends[2].recipients).toEqual([person(3)]);
		expect(t.secretsIn(items)).toEqual([]);
	});

	test('letters, windowless letters, notecards and gift cards go to their own endpoints', async () => {
		const base = { frontImageUrl: '', message: 'Dear %FIRST_NAME%' };
		await t.run({ ...base, resource: 'mailer', operation: 'sendLetter' }, { items: [person(1)] });
		await t.run(
			{
				resource: 'mailer',
				operation: 'sendWindowlessLetter',
				message: '',
				options: { pdf_only_url: 'https://example.com/letter.pdf' },
			},
			{ items: [person(2)] },
		);
		await t.run(
			{ ...base, resource: 'mailer', operation: 'sendNotecard', imageTemplate: 15 },
			{ items: [person(3)] },
		);
		const [gift] = await t.run(
			{
				...base,
				resource: 'mailer',
				operation: 'sendGiftCard',
				frontImageUrl: 'https://example.com/card.png',
				giftCardBrand: 'starbucksus',
				giftCardAmount: 2500,
			},
			{ items: [person(4)] },
		);
		// The vendor's own n8n node and the docs send windowed letters to /send/letter.
		expect(sends('POST /api/v2/send/letter')).toBe(1);
		expect(sends('POST /api/v2/send/windowedletter')).toBe(0);
		expect(sends('POST /api/v2/send/windowlessletter')).toBe(1);
		expect(sends('POST /api/v2/send/notecard')).toBe(1);
		expect(sends('POST /api/v2/send/giftcard')).toBe(1);
		expect(t.provider.sends[1]).toMatchObject({ pdf_only_url: 'https://example.com/letter.pdf' });
		expect(t.provider.sends[1].message).toBeUndefined();
		expect(t.provider.sends[2]).toMatchObject({ image_template_id: 15 });
		expect(t.provider.sends[2].image_template).toBeUndefined();
		expect(t.provider.sends[3]).toMatchObject({
			giftcard_brand: 'starbucksus',
			giftcard_amount_in_cents: 2500,
		});
		// Gift cards have no QR code in the API reference, so the option is not offered.
		expect(t.provider.sends[3].qrcode_url).toBeUndefined();
		expect(gift[0].json).toMatchObject({ type: 'giftcard', giftcard_amount: 2500 });
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(4);
	});

	test('Preview Only returns the preview images and sends nothing', async () => {
		const [items] = await t.run({ ...postcard, preview: true }, { items: [person(1)] });
		expect(items).toHaveLength(1);
		expect(items[0].json.preview).toBe(true);
		expect(items[0].json.previews).toHaveLength(2);
		expect(String((items[0].json.previews as string[])[0])).toMatch(/^https:\/\//);
		expect(t.provider.sends).toHaveLength(0);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(0);
		expect(t.sandbox.count('thanksio', 'previews')).toBe(1);
		expect(t.provider.orders.size).toBe(0);
	});

	test('"one order for all input items" sends 500 recipients in one request, paired with every item', async () => {
		const people = Array.from({ length: 500 }, (_, i) => person(i + 1));
		const [items] = await t.run({ ...postcard, orderMode: 'allItems' }, { items: people });
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual(people.map((_, item) => ({ item })));
		expect(items[0].json).toMatchObject({ status: 'reviewing', total_recipients: 500 });
		expect(items[0].json.recipientCount).toBe(500);
		expect(sends()).toBe(1);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(1);
		expect(t.sandbox.count('thanksio', 'mail pieces')).toBe(500);
		expect(t.provider.sends[0].recipients).toEqual(people);
	});

	test('one order for all items: a bad recipient stops the order before anything is sent', async () => {
		const people = [person(1), person(2), { ...person(3), postal_code: '' }, person(4)];
		const error = await failure({ ...postcard, orderMode: 'allItems' }, people);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Invalid "Postal Code" in item 2: it is empty, and a complete address is needed to deliver mail',
		);
		expect(error.context.itemIndex).toBe(2);
		expect(sends()).toBe(0);
	});

	test('one order for all items with Continue On Fail: bad items are reported, the others sent together', async () => {
		const people = [person(1), { ...person(2), address: '' }, person(3), { name: 'No Address' }];
		const [items] = await t.run(
			{ ...postcard, orderMode: 'allItems' },
			{ items: people, continueOnFail: true },
		);
		expect(items).toHaveLength(3);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		expect(items[0].json.recipientCount).toBe(2);
		expect(items[1]).toMatchObject({ pairedItem: { item: 1 } });
		expect(items[1].json.error).toMatch(/Invalid "Address" in item 1/);
		expect(items[2].json.error).toMatch(/Invalid "Address" in item 3/);
		expect(sends()).toBe(1);
		expect(t.provider.sends[0].recipients).toEqual([person(1), person(3)]);
	});

	test('mailing lists and a radius search as the audience', async () => {
		const [list] = t.provider.addMailingLists(2);
		t.provider.addRecipients(Number(list.id), 4);
		const [byList] = await t.run({
			...postcard,
			audience: 'mailingLists',
			mailingListIds: [Number(list.id)],
		});
		expect(byList[0].json).toMatchObject({
			total_recipients: 4,
			mailing_list_ids_used: String(list.id),
		});
		expect(t.provider.sends[0].mailing_list_ids).toEqual([list.id]);
		expect(t.provider.sends[0].mailing_lists).toBeUndefined();
		expect(t.provider.sends[0].recipients).toBeUndefined();
		await t.run({
			...postcard,
			audience: 'radiusSearch',
			radiusAddress: '123 Main Street, Fake City, NY, 55555',
			radiusRecordCount: 25,
			radiusRecordTypes: 'newhomeowner',
			radiusOptions: { include_condos: true },
		});
		expect(t.provider.sends[1].radius_search).toEqual({
			address: '123 Main Street, Fake City, NY, 55555',
			record_count: 25,
			record_types: 'newhomeowner',
			include_condos: true,
		});
		expect(t.sandbox.count('thanksio', 'mail pieces')).toBe(29);
	});

	test('a message template and an image template are sent by ID', async () => {
		await t.run(
			{ ...postcard, message: '', messageTemplate: 10, frontImageUrl: '', imageTemplate: 11 },
			{ items: [person(1)] },
		);
		expect(t.provider.sends[0]).toMatchObject({ message_template_id: 10, image_template_id: 11 });
		expect(t.provider.sends[0].message_template).toBeUndefined();
		expect(t.provider.sends[0].image_template).toBeUndefined();
		expect(t.provider.sends[0].message).toBeUndefined();
	});
});

describe('thanks.io send panels', () => {
	const { description } = new ThanksIo();
	const sendOperations = (
		description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('mailer'),
		)!.options as Array<{ value: string }>
	).map((o) => o.value);

	/**
	 * The fields a node of `typeVersion` shows for a send `operation`, in panel order,
	 * notices left out (every send starts with the notice on Retry On Fail).
	 */
	function shownFields(operation: string, typeVersion: number): string[] {
		const values = { resource: 'mailer', operation, audience: 'recipients' };
		const node = { typeVersion, parameters: values } as unknown as INode;
		return description.properties
			.filter((p) => p.type !== 'notice')
			.filter((p) => NodeHelpers.displayParameter(values, p, node, description))
			.map((p) => p.name);
	}

	test('each send is named in the Operation list as its action says it ("Send Windowed Letter")', () => {
		const options = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('mailer'),
		)!.options as Array<{ name: string; value: string; action: string }>;
		for (const { name, action } of options) {
			const titled = action.replace(/^Send an? /, '').replace(/\b\w/g, (c) => c.toUpperCase());
			expect(name).toBe(`Send ${titled}`);
		}
		expect(options.find((o) => o.value === 'sendLetter')!.name).toBe('Send Windowed Letter');
	});

	// Off, the first "Execute step" mails a real, paid mailer: the user sees the choice first.
	test('Preview Only is the first field after the operation, saying that on, nothing is sent or charged', () => {
		expect(sendOperations).toHaveLength(6);
		for (const operation of sendOperations) {
			for (const typeVersion of [1, 1.1]) {
				const fields = shownFields(operation, typeVersion);
				expect([operation, fields[fields.indexOf('operation') + 1]]).toEqual([
					operation,
					'preview',
				]);
			}
		}
		const preview = description.properties.find((p) => p.name === 'preview')!;
		expect(preview.default).toBe(false);
		expect(preview.description).toMatch(/nothing is sent and nothing is charged/);
	});
});

describe('thanks.io pickers of version 1.1 (resource locators)', () => {
	const picked = (value: string, mode = 'list') => ({ __rl: true, mode, value });

	test('the template, handwriting style and sub-account picked are what is sent', async () => {
		await t.run(
			{
				...postcard,
				message: '',
				messageTemplate: picked('10'),
				frontImageUrl: '',
				imageTemplate: picked('11', 'id'),
				handwritingStyle: picked('Foxy Lady', 'id'),
				subAccount: picked('7'),
			},
			{ items: [person(1)] },
		);
		expect(t.provider.sends[0]).toMatchObject({
			message_template_id: 10,
			image_template_id: 11,
			handwriting_style_id: 4,
			sub_account: 7,
		});
	});

	test('a gift card brand picked from the list, with an amount the brand offers', async () => {
		await t.run(
			{
				...postcard,
				operation: 'sendGiftCard',
				giftCardBrand: picked('starbucksus'),
				giftCardAmount: 2500,
			},
			{ items: [person(1)] },
		);
		expect(t.provider.sends[0]).toMatchObject({
			giftcard_brand: 'starbucksus',
			giftcard_amount_in_cents: 2500,
		});
	});

	test('empty pickers send nothing of theirs', async () => {
		await t.run(
			{
				...postcard,
				messageTemplate: picked(''),
				imageTemplate: picked(''),
				handwritingStyle: picked(''),
				subAccount: picked(''),
			},
			{ items: [person(1)] },
		);
		const sent = t.provider.sends[0];
		for (const field of [
			'message_template_id',
			'image_template_id',
			'handwriting_style_id',
			'sub_account',
		])
			expect(sent[field]).toBeUndefined();
	});
});

describe('thanks.io mailer validation, before anything is sent', () => {
	test.each([
		[
			'no audience: no mailing list chosen',
			{ audience: 'mailingLists', mailingListIds: [] },
			{},
			'Invalid "Mailing Lists" in item 0: no mailing list is chosen, so the mailer would have no audience',
		],
		[
			'no audience: no radius search address',
			{ audience: 'radiusSearch', radiusAddress: '' },
			{},
			'Invalid "Center Address" in item 0: it is empty, so the radius search would have no audience',
		],
		['no recipient name', {}, { ...person(1), name: '' }, 'Invalid "Name" in item 0: it is empty'],
		[
			'a missing city',
			{},
			{ ...person(1), city: undefined },
			'Invalid "City" in item 0: it is empty, and a complete address is needed to deliver mail',
		],
		[
			'a missing state for a US address',
			{},
			{ ...person(1), province: '' },
			'Invalid "State / Province" in item 0: it is empty, and a complete address is needed to deliver mail',
		],
		[
			'both message and message template',
			{ messageTemplate: 10 },
			person(1),
			'Invalid "Message" in item 0: both a message and a message template are given; keep one of them',
		],
		[
			'neither message nor template',
			{ message: '' },
			person(1),
			'Invalid "Message" in item 0: it is empty; give a message or a message template',
		],
		[
			'both an image URL and an image template',
			{ imageTemplate: 11 },
			person(1),
			'Invalid "Front Image URL" in item 0: both an image URL and an image template are given; keep one of them',
		],
		[
			'no front image',
			{ frontImageUrl: '' },
			person(1),
			'Invalid "Front Image URL" in item 0: it is empty; a postcard needs a front image URL or an image template',
		],
		[
			'an image URL that is not a URL',
			{ frontImageUrl: 'front.png' },
			person(1),
			'Invalid "Front Image URL" in item 0: "front.png" is not an http:// or https:// URL',
		],
		[
			'an unknown handwriting style',
			{ handwritingStyle: 'Comic Sans' },
			person(1),
			'Invalid "Handwriting Style" in item 0: "Comic Sans" is not a thanks.io handwriting style',
		],
		[
			'a bad custom color',
			{ handwritingColor: 'custom', handwritingColorHex: 'teal' },
			person(1),
			'Invalid "Custom Color" in item 0: "teal" is not a color such as #4287f5',
		],
		[
			'an incomplete return address',
			{ returnAddress: { return_name: 'Acme', return_address: '1 Shop St', return_city: 'X' } },
			person(1),
			'Invalid "Return Address: State / Province" in item 0: it is empty, and a complete address is needed to deliver mail',
		],
	])('%s', async (_case, parameters, item, message) => {
		const error = await failure({ ...postcard, ...parameters }, [item]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(error.context.itemIndex).toBe(0);
		expect(sends()).toBe(0);
	});

	test('a gift card amount the brand does not offer is refused, naming the field and item', async () => {
		const gift = {
			resource: 'mailer',
			operation: 'sendGiftCard',
			message: 'Enjoy!',
			frontImageUrl: 'https://example.com/card.png',
			giftCardBrand: 'starbucksus',
			giftCardAmount: '={{ $json.amount }}',
		};
		const error = await failure(gift, [
			{ ...person(1), amount: 1000 },
			{ ...person(2), amount: 2000 },
		]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Invalid "Gift Card Amount" in item 1: 2000 cents ($20.00) is not an amount Starbucks offers (it offers $5.00, $10.00, $25.00)',
		);
		expect(error.context.itemIndex).toBe(1);
		// Item 0 was valid and sent; item 1 never reached thanks.io.
		expect(sends('POST /api/v2/send/giftcard')).toBe(1);
		const unknown = await failure({ ...gift, giftCardBrand: 'nosuchbrand' }, [
			{ ...person(1), amount: 1000 },
		]);
		expect(unknown.message).toBe(
			'Invalid "Gift Card Brand" in item 0: "nosuchbrand" is not a gift card brand thanks.io offers',
		);
		expect(t.sandbox.count('thanksio', 'GET /api/v2/giftcard-brands-list')).toBe(2);
	});

	test('with Continue On Fail the other items are still sent', async () => {
		const [items] = await t.run(postcard, {
			items: [person(1), { ...person(2), address: '' }, person(3)],
			continueOnFail: true,
		});
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toMatch(/Invalid "Address" in item 1/);
		expect(items[2].json.status).toBe('reviewing');
		expect(sends()).toBe(2);
	});
});

describe('thanks.io money safety: a send is never repeated once it may have arrived', () => {
	test('a 502 after thanks.io accepted the send: one mailer placed, the failure reported, nothing repeated', async () => {
		t.sandbox.inject({
			provider: 'thanksio',
			route: 'POST /api/v2/send/postcard',
			kind: 'status',
			status: 502,
			phase: 'after',
		});
		const error = await t.run(postcard, { items: [person(1)] }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe('thanks.io answered 502: Internal Server Error');
		expect(sends()).toBe(1);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(1);
		expect(t.secretsIn({ error, m: (error as Error).message })).toEqual([]);
	});

	test('a dropped connection after the send was accepted: reported as possibly arrived, not repeated', async () => {
		t.sandbox.inject({
			provider: 'thanksio',
			route: 'POST /api/v2/send/notecard',
			kind: 'drop',
			phase: 'after',
		});
		const error = await t
			.run(
				{ ...postcard, operation: 'sendNotecard' },
				{ items: [person(1), person(2)], continueOnFail: true },
			)
			.then(([items]) => items);
		expect(error[0].json.error).toBe(
			'Could not complete the request to thanks.io: the connection was closed before an answer came',
		);
		expect(error[1].json.status).toBe('reviewing');
		expect(sends('POST /api/v2/send/notecard')).toBe(2);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(2);
		const thrown = await (async () => {
			t.sandbox.inject({
				provider: 'thanksio',
				route: 'POST /api/v2/send/notecard',
				kind: 'drop',
				phase: 'after',
			});
			return await t
				.run({ ...postcard, operation: 'sendNotecard' }, { items: [person(3)] })
				.catch((e: NodeApiError) => e);
		})();
		expect(thrown).toBeInstanceOf(NodeApiError);
		expect((thrown as NodeApiError).description).toMatch(
			/may have reached the provider; it was not repeated/,
		);
		expect(sends('POST /api/v2/send/notecard')).toBe(3);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(3);
	});

	test('a send that times out after thanks.io accepted it is reported, not repeated', async () => {
		const saved = thanksIoApi.timeoutMs;
		thanksIoApi.timeoutMs = 300;
		try {
			t.sandbox.inject({
				provider: 'thanksio',
				route: 'POST /api/v2/send/postcard',
				kind: 'slow',
				delayMs: 1500,
				phase: 'after',
			});
			const error = await t.run(postcard, { items: [person(1)] }).catch((e: NodeApiError) => e);
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).message).toMatch(
				/^Could not complete the request to thanks\.io: (no answer came in time|the connection was closed before an answer came)$/,
			);
			expect((error as NodeApiError).description).toMatch(/may have reached the provider/);
			expect(sends()).toBe(1);
			expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(1);
		} finally {
			thanksIoApi.timeoutMs = saved;
		}
	});

	test('one order for all items failing after acceptance is reported once for all items, not repeated', async () => {
		t.sandbox.inject({
			provider: 'thanksio',
			route: 'POST /api/v2/send/postcard',
			kind: 'status',
			status: 500,
			phase: 'after',
		});
		const people = [person(1), person(2), person(3)];
		const [items] = await t.run(
			{ ...postcard, orderMode: 'allItems' },
			{ items: people, continueOnFail: true },
		);
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toBe('thanks.io answered 500: Internal Server Error');
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sends()).toBe(1);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(1);
	});

	test('a 5xx before processing is reported too, and not retried', async () => {
		t.sandbox.inject({
			provider: 'thanksio',
			route: 'POST /api/v2/send/postcard',
			kind: 'status',
			status: 503,
		});
		const error = await t.run(postcard, { items: [person(1)] }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(sends()).toBe(1);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(0);
	});

	test('a 429 (refused before processing) is waited out and the send made once', async () => {
		t.sandbox.inject({
			provider: 'thanksio',
			route: 'POST /api/v2/send/postcard',
			kind: 'rateLimit',
			delayMs: 1000,
		});
		const started = Date.now();
		const [items] = await t.run(postcard, { items: [person(1)] });
		expect(items[0].json.status).toBe('reviewing');
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(sends()).toBe(2);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(1);
	});

	test("thanks.io's own refusals are reported in its words", async () => {
		const error = await t
			.run({ ...postcard, audience: 'mailingLists', mailingListIds: [999999] })
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe('thanks.io answered 400: Mailing List Does Not Exist');
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(0);
	});
});
