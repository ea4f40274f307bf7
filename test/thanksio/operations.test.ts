import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { person, thanksIoFixture } from './context';

const t = thanksIoFixture();

function requests(prefix: string) {
	return t.sandbox.log.filter((r) => r.path.startsWith(prefix));
}

function query(path: string): URLSearchParams {
	return new URLSearchParams(path.split('?')[1] ?? '');
}

describe('thanks.io mailing lists', () => {
	test('create, get and delete a mailing list', async () => {
		const [created] = await t.run(
			{
				resource: 'mailingList',
				operation: 'create',
				listName: '={{ $json.list }}',
				additionalFields: { sub_account_id: 9, qrcode_url: 'https://example.com/qr' },
			},
			{ items: [{ list: 'Birthday List' }] },
		);
		expect(created[0].json).toMatchObject({
			description: 'Birthday List',
			sub_account_id: 9,
			qrcode_url: 'https://example.com/qr',
			type: 'manual',
		});
		expect(t.sandbox.count('thanksio', 'records created')).toBe(1);
		const id = Number(created[0].json.id);
		const [got] = await t.run({ resource: 'mailingList', operation: 'get', mailingListId: id });
		expect(got[0].json).toMatchObject({ id, description: 'Birthday List', total_recipients: 0 });
		const [deleted] = await t.run({
			resource: 'mailingList',
			operation: 'delete',
			mailingListId: id,
		});
		expect(deleted[0].json).toMatchObject({ deleted: true, id, message: 'success' });
		expect(t.provider.mailingLists.has(id)).toBe(false);
		const missing = await t
			.run({ resource: 'mailingList', operation: 'get', mailingListId: id })
			.catch((e: Error) => e);
		expect(missing).toBeInstanceOf(NodeApiError);
		expect((missing as Error).message).toBe('thanks.io answered 404: Not Found');
	});

	test('Get Many follows every page at the largest page size (100)', async () => {
		t.provider.addMailingLists(250);
		const [all] = await t.run({ resource: 'mailingList', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(250);
		expect(new Set(all.map((i) => i.json.id)).size).toBe(250);
		const pages = requests('/api/v2/mailing-lists/');
		expect(pages.map((r) => query(r.path).get('page'))).toEqual(['1', '2', '3']);
		expect(pages.every((r) => query(r.path).get('items_per_page') === '100')).toBe(true);

		t.sandbox.log.length = 0;
		const [some] = await t.run({ resource: 'mailingList', operation: 'getAll', limit: 120 });
		expect(some).toHaveLength(120);
		// The first 120 lists, each once.
		expect(some.map((i) => i.json.id)).toEqual(all.slice(0, 120).map((i) => i.json.id));
		expect(
			requests('/api/v2/mailing-lists/').map((r) => query(r.path).get('items_per_page')),
		).toEqual(['100', '100']);
	});

	test("a list's recipients, every page at the largest page size (10,000)", async () => {
		const [list] = t.provider.addMailingLists(1);
		t.provider.addRecipients(Number(list.id), 10_050);
		const [all] = await t.run({
			resource: 'mailingList',
			operation: 'getRecipients',
			mailingListId: list.id as number,
			returnAll: true,
		});
		expect(all).toHaveLength(10_050);
		const pages = requests(`/api/v2/mailing-lists-utils/recipients/${list.id}`);
		expect(pages.map((r) => [query(r.path).get('limit'), query(r.path).get('page')])).toEqual([
			['10000', '1'],
			['10000', '2'],
		]);
		t.sandbox.log.length = 0;
		const [some] = await t.run({
			resource: 'mailingList',
			operation: 'getRecipients',
			mailingListId: list.id as number,
			limit: 5,
			updatedSince: '2020-01-01T00:00:00Z',
		});
		expect(some).toHaveLength(5);
		expect(some[0].json).toMatchObject({ name: 'Recipient 1', mailing_list_id: list.id });
		const [request] = requests('/api/v2/mailing-lists-utils/');
		expect(query(request.path).get('limit')).toBe('5');
		expect(query(request.path).get('updated_since')).toBe('2020-01-01 00:00:00');
	});
});

describe('thanks.io mailing list locator', () => {
	test('a list is found by name on any page, reading 100 lists a page until a match', async () => {
		// Listed newest first: the oldest list is on the last of three pages.
		const [summer] = t.provider.addMailingLists(1, 'Summer Customers');
		t.provider.addMailingLists(249, 'Prospects');
		const found = await t.search('searchMailingLists', 'summer');
		expect(found.results).toEqual([
			{ name: 'Summer Customers 1 (0 recipients)', value: String(summer.id) },
		]);
		const pages = t.sandbox.log
			.filter((e) => e.path.startsWith('/api/v2/mailing-lists/?'))
			.map((e) => new URLSearchParams(e.path.split('?')[1]));
		expect(pages.map((q) => q.get('page'))).toEqual(['1', '2', '3']);
		expect(pages.every((q) => q.get('items_per_page') === '100')).toBe(true);

		const first = await t.search('searchMailingLists');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
	});

	test('the list picked from the locator is the one the operation reads', async () => {
		const [list] = t.provider.addMailingLists(2, 'Customers');
		const [items] = await t.run({
			resource: 'mailingList',
			operation: 'get',
			mailingListId: { __rl: true, mode: 'list', value: String(list.id) },
		});
		expect(items[0].json).toMatchObject({ id: list.id, description: 'Customers 1' });
	});
});

describe('thanks.io recipients', () => {
	test('add one recipient per input item, then get, update and delete it', async () => {
		const [list] = t.provider.addMailingLists(1);
		const [added] = await t.run(
			{
				resource: 'recipient',
				operation: 'create',
				mailingListId: list.id as number,
				recipientExtra: { email: '={{ $json.email }}' },
			},
			{
				items: [
					person(1),
					{ ...person(2), dob: 'x' },
					{ name: 'By Email', email: 'e@example.com' },
				],
			},
		);
		expect(added).toHaveLength(3);
		expect(added.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(added[0].json).toMatchObject({ ...person(1), mailing_list_id: list.id });
		expect(t.sandbox.count('thanksio', 'POST /api/v2/recipients')).toBe(3);
		expect(t.sandbox.count('thanksio', 'records created')).toBe(3);
		const id = added[0].json.id as number;
		const [got] = await t.run({ resource: 'recipient', operation: 'get', recipientId: id });
		expect(got[0].json).toMatchObject({ id, name: 'Customer 1' });
		expect((got[0].json.mailing_list as { id: number }).id).toBe(list.id);
		const [updated] = await t.run({
			resource: 'recipient',
			operation: 'update',
			recipientId: id,
			updateFields: { name: 'Customer One', custom1: 'VIP' },
		});
		expect(updated[0].json).toMatchObject({
			id,
			name: 'Customer One',
			custom1: 'VIP',
			city: 'Any Town',
		});
		expect(JSON.parse(requests('/api/v2/recipients/').slice(-1)[0].body)).toEqual({
			name: 'Customer One',
			custom1: 'VIP',
		});
		const [deleted] = await t.run({ resource: 'recipient', operation: 'delete', recipientId: id });
		expect(deleted[0].json).toMatchObject({ deleted: true, id, message: 'success' });
		expect(t.provider.recipients.has(id)).toBe(false);
	});

	test('a recipient without postal or email address is refused before any request', async () => {
		const [list] = t.provider.addMailingLists(1);
		const error = (await t
			.run(
				{ resource: 'recipient', operation: 'create', mailingListId: list.id as number },
				{ items: [person(1), { name: 'Nobody' }] },
			)
			.catch((e: Error) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Invalid "Address" in item 1: it is empty, and so is the email; give a postal address or an email address',
		);
	});

	test('delete a recipient by postal address or by email', async () => {
		const [list] = t.provider.addMailingLists(1);
		const [first, second] = t.provider.addRecipients(Number(list.id), 2);
		second.email = 'two@example.com';
		const [byAddress] = await t.run({
			resource: 'recipient',
			operation: 'deleteByAddress',
			mailingListId: list.id as number,
			address: '1 Main Street',
			postalCode: '12345',
		});
		expect(byAddress[0].json).toMatchObject({
			deleted: true,
			status: `Recipient ${first.id} Deleted`,
		});
		const [byEmail] = await t.run({
			resource: 'recipient',
			operation: 'deleteByAddress',
			mailingListId: list.id as number,
			matchBy: 'email',
			email: 'two@example.com',
		});
		expect(byEmail[0].json.status).toBe(`Recipient ${second.id} Deleted`);
		const error = await t
			.run({
				resource: 'recipient',
				operation: 'deleteByAddress',
				mailingListId: list.id as number,
				matchBy: 'email',
				email: 'two@example.com',
			})
			.catch((e: Error) => e);
		expect((error as Error).message).toBe('thanks.io answered 404: Recipient Not Found');
		const invalid = await t
			.run({
				resource: 'recipient',
				operation: 'deleteByAddress',
				mailingListId: list.id as number,
				matchBy: 'email',
				email: 'not-an-email',
			})
			.catch((e: Error) => e);
		expect((invalid as Error).message).toBe(
			'Invalid "Email" in item 0: "not-an-email" is not an email address',
		);
	});
});

describe('thanks.io orders', () => {
	test('Get Many follows every page, newest first, optionally for one sub-account', async () => {
		t.provider.addOrders(230);
		const [all] = await t.run({ resource: 'order', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(230);
		expect(Number(all[0].json.id)).toBeGreaterThan(Number(all[229].json.id));
		const pages = requests('/api/v2/orders/list');
		expect(pages.map((r) => query(r.path).get('page'))).toEqual(['1', '2', '3']);
		// The spec's page size for orders is `limit` (1 to 100); `items_per_page` goes along.
		expect(pages.every((r) => query(r.path).get('limit') === '100')).toBe(true);
		expect(pages.every((r) => query(r.path).get('items_per_page') === '100')).toBe(true);
		const [none] = await t.run({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			subAccount: 7,
		});
		expect(none).toHaveLength(0);
		expect(query(requests('/api/v2/orders/list').slice(-1)[0].path).get('sub_account_id')).toBe(
			'7',
		);
	});

	test('track an order', async () => {
		const [order] = t.provider.addOrders(1, 'Delivered');
		const [tracked] = await t.run({
			resource: 'order',
			operation: 'track',
			orderId: order.id as number,
		});
		expect(tracked[0].json).toMatchObject({
			id: order.id,
			order: { id: order.id, status: 'Delivered' },
			stats: { delivered: 1 },
		});
	});

	test('cancel an order while it is reviewing; afterwards a clear error and no cancel request', async () => {
		const [sent] = await t.run(
			{
				resource: 'mailer',
				operation: 'sendPostcard',
				message: 'Hi',
				frontImageUrl: 'https://example.com/f.png',
			},
			{ items: [person(1)] },
		);
		const id = sent[0].json.id as number;
		const [cancelled] = await t.run({ resource: 'order', operation: 'cancel', orderId: id });
		expect(cancelled[0].json).toMatchObject({ id, status: 'cancelled' });
		expect(t.sandbox.count('thanksio', 'orders cancelled')).toBe(1);

		const [fulfilled] = t.provider.addOrders(1, 'Fulfilled');
		const error = (await t
			.run({ resource: 'order', operation: 'cancel', orderId: fulfilled.id as number })
			.catch((e: Error) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			`Order ${fulfilled.id} cannot be cancelled: its status is "Fulfilled"`,
		);
		expect(error.description).toMatch(/only while it is being reviewed/);
		expect(t.sandbox.count('thanksio', `PUT /api/v2/orders/${fulfilled.id}/cancel`)).toBe(0);
		const again = await t
			.run({ resource: 'order', operation: 'cancel', orderId: id })
			.catch((e: Error) => e);
		expect((again as Error).message).toBe(
			`Order ${id} cannot be cancelled: its status is "cancelled"`,
		);
	});

	test('an order ID that is not a number is refused before any request', async () => {
		const error = await t
			.run({ resource: 'order', operation: 'track', orderId: 'abc' })
			.catch((e: Error) => e);
		expect((error as Error).message).toBe(
			'Invalid "Order ID" in item 0: "abc" is not a thanks.io ID (a whole number of 1 or more)',
		);
		expect(requests('/api/')).toHaveLength(0);
	});
});

describe('thanks.io dropdowns and limits', () => {
	test('dropdowns are filled from the API', async () => {
		t.provider.addMailingLists(2);
		expect(await t.options('getMailingLists')).toEqual([
			{ name: 'List 1 (0 recipients)', value: expect.any(Number) },
			{ name: 'List 2 (0 recipients)', value: expect.any(Number) },
		]);
		const styles = await t.options('getHandwritingStyles');
		expect(styles[0]).toEqual({ name: 'Account Default', value: '' });
		expect(styles).toContainEqual({ name: 'Foxy Lady (Realistic)', value: 4 });
		expect(await t.options('getSubAccounts')).toEqual([
			{ name: 'Main Account', value: '' },
			{ name: 'Downtown Office', value: 7 },
			{ name: 'Uptown Office', value: 9 },
		]);
		const messageTemplates = await t.options('getMessageTemplates', {
			resource: 'mailer',
			operation: 'sendNotecard',
		});
		expect(messageTemplates).toEqual([
			{ name: 'None', value: '' },
			{ name: 'Thank you (notecard)', value: expect.any(Number) },
		]);
		expect(query(requests('/api/v2/message-templates').slice(-1)[0].path).get('type')).toBe(
			'notecard',
		);
		const imageTemplates = await t.options('getImageTemplates', {
			resource: 'mailer',
			operation: 'sendPostcard',
		});
		expect(imageTemplates.map((o) => o.name)).toEqual(['None', 'Thank you front (postcard)']);
		const brands = await t.options('getGiftCardBrands', {
			resource: 'mailer',
			operation: 'sendGiftCard',
		});
		expect(brands.map((b) => b.value)).toEqual(['amazonus', 'chipotle', 'starbucksus']);
		const amounts = await t.options('getGiftCardAmounts', {
			resource: 'mailer',
			operation: 'sendGiftCard',
			giftCardBrand: 'chipotle',
		});
		expect(amounts).toEqual([
			{ name: '$10.00', value: 1000 },
			{ name: '$25.00', value: 2500 },
			{ name: '$50.00', value: 5000 },
		]);
	});

	test("version 1.1's pickers search the same lists by name, without their empty entries", async () => {
		expect((await t.search('searchSubAccounts')).results).toEqual([
			{ name: 'Downtown Office', value: '7' },
			{ name: 'Uptown Office', value: '9' },
		]);
		expect((await t.search('searchSubAccounts', ' down ')).results).toEqual([
			{ name: 'Downtown Office', value: '7' },
		]);
		const styles = (await t.search('searchHandwritingStyles', 'foxy')).results;
		expect(styles).toEqual([{ name: 'Foxy Lady (Realistic)', value: '4' }]);
		expect((await t.search('searchMessageTemplates')).results.map((r) => r.name)).not.toContain(
			'None',
		);
		expect((await t.search('searchImageTemplates')).results.length).toBeGreaterThan(0);
		expect((await t.search('searchGiftCardBrands', 'chip')).results).toEqual([
			{ name: expect.stringMatching(/Chipotle/i), value: 'chipotle' },
		]);
		// The amounts follow the brand picked in the locator.
		const amounts = await t.options('getGiftCardAmounts', {
			resource: 'mailer',
			operation: 'sendGiftCard',
			giftCardBrand: { __rl: true, mode: 'list', value: 'chipotle' },
		});
		expect(amounts.map((a) => a.value)).toEqual([1000, 2500, 5000]);
	});

	test('the rate limit is waited out without failing or repeating anything', async () => {
		t.provider.rateLimit = { limit: 4, windowMs: 1500 };
		const [list] = t.provider.addMailingLists(1);
		const [out] = await t.run(
			{ resource: 'mailingList', operation: 'get', mailingListId: list.id as number },
			{ items: Array.from({ length: 7 }, () => ({})) },
		);
		expect(out).toHaveLength(7);
		expect(t.sandbox.log.some((r) => r.path.startsWith('/api/') && r.method === 'GET')).toBe(true);
		const refused = t.sandbox.count('thanksio', `GET /api/v2/mailing-lists/${list.id}`) - 7;
		expect(refused).toBeGreaterThan(0);
	});

	test('no output item or error carries a secret', async () => {
		const [list] = t.provider.addMailingLists(1);
		const outputs = [
			await t.run({ resource: 'mailingList', operation: 'getAll', returnAll: true }),
			await t.run({ resource: 'mailingList', operation: 'get', mailingListId: list.id as number }),
			await t.run(
				{ resource: 'recipient', operation: 'create', mailingListId: list.id as number },
				{ items: [person(1)] },
			),
			await t.run({ resource: 'order', operation: 'getAll', returnAll: true }),
			await t.run(
				{ resource: 'order', operation: 'track', orderId: 424242 },
				{ continueOnFail: true },
			),
			await t.run(
				{ resource: 'mailingList', operation: 'getAll', returnAll: true },
				{ authentication: 'thanksIoApi' },
			),
		];
		expect(JSON.stringify(outputs)).toContain('Not Found');
		expect(t.secretsIn(outputs)).toEqual([]);
	});
});
