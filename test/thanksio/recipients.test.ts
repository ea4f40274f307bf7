import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { person, thanksIoFixture } from './context';

const t = thanksIoFixture();

const CREATE_MANY = 'POST /api/v2/recipients-utils/create-multiple';

/** The bodies of the create-multiple requests the sandbox received. */
function createManyBodies(): IDataObject[][] {
	return t.sandbox.log
		.filter((r) => r.method === 'POST' && r.path === '/api/v2/recipients-utils/create-multiple')
		.map((r) => JSON.parse(r.body) as IDataObject[]);
}

function addMany(mailingListId: unknown = undefined) {
	return { resource: 'recipient', operation: 'createMany', mailingListId } as never;
}

describe('the sandbox plays recipient requests with one name per field', () => {
	test('a recipient carrying its list as both mailing_list_id and mailing_list is refused with 422', async () => {
		const [list] = t.provider.addMailingLists(1);
		const both = { mailing_list_id: list.id, mailing_list: list.id, ...person(1) };
		const one = await t.post('/recipients', both);
		expect(one.status).toBe(422);
		expect(one.body.message).toBe(
			'The mailing_list_id field and its other name mailing_list were both given; send only one of them.',
		);
		expect(Object.keys(one.body.errors as IDataObject)).toEqual(['mailing_list_id']);
		const many = await t.post('/recipients-utils/create-multiple', [
			{ mailing_list_id: list.id, ...person(2) },
			both,
		]);
		expect(many.status).toBe(422);
		expect(Object.keys(many.body.errors as IDataObject)).toEqual(['1.mailing_list_id']);
		expect(t.sandbox.count('thanksio', 'records created')).toBe(0);
	});

	test('either name alone is read; refused entries come back with an error, in order', async () => {
		const [list] = t.provider.addMailingLists(1);
		const many = await t.post('/recipients-utils/create-multiple', [
			{ mailing_list_id: list.id, ...person(1) },
			{ mailing_list: list.id, ...person(2) },
			{ mailing_list_id: list.id, ...person(1), name: 'Again' },
		]);
		expect(many.status).toBe(200);
		expect(many.body).toEqual([
			expect.objectContaining(person(1)),
			expect.objectContaining(person(2)),
			expect.objectContaining({
				name: 'Again',
				error: 'This address is already on this mailing list.',
			}),
		]);
		const one = await t.post('/recipients', { mailing_list: list.id, ...person(3) });
		expect(one.status).toBe(200);
		expect(t.sandbox.count('thanksio', 'records created')).toBe(3);
	});
});

describe('thanks.io Add Many: every input item in one request', () => {
	test('1,000 input items are added to the list in one request, each answer paired with its item', async () => {
		const [list] = t.provider.addMailingLists(1);
		const people = Array.from({ length: 1000 }, (_, i) => person(i + 1));
		const [out] = await t.run(addMany(list.id), { items: people });
		expect(t.sandbox.count('thanksio', CREATE_MANY)).toBe(1);
		expect(t.sandbox.count('thanksio', 'POST /api/v2/recipients')).toBe(0);
		expect(t.sandbox.count('thanksio', 'records created')).toBe(1000);
		expect(t.provider.mailingLists.get(Number(list.id))!.total_recipients).toBe(1000);
		expect(out).toHaveLength(1000);
		expect(out.map((i) => i.pairedItem)).toEqual(people.map((_, item) => ({ item })));
		expect(out[999].json).toMatchObject(person(1000));
		const [body] = createManyBodies();
		expect(body).toHaveLength(1000);
		expect(body[0]).toEqual({ mailing_list_id: list.id, ...person(1) });
	});

	test('each record goes to its own item’s list, under the one name mailing_list_id', async () => {
		const [first, second] = t.provider.addMailingLists(2);
		const items = [
			{ ...person(1), list: Number(first.id) },
			{ ...person(2), list: Number(second.id) },
		];
		await t.run(addMany('={{ $json.list }}'), { items });
		const [body] = createManyBodies();
		expect(body.map((r) => r.mailing_list_id)).toEqual([first.id, second.id]);
		expect(body.every((r) => !('mailing_list' in r))).toBe(true);
		expect(t.provider.mailingLists.get(Number(second.id))!.total_recipients).toBe(1);
	});

	test('with Continue On Fail, each recipient thanks.io refused is an error item paired with its item', async () => {
		const [list] = t.provider.addMailingLists(1);
		t.provider.addRecipients(Number(list.id), 1); // "1 Main Street" is already on the list
		const items = [
			person(5),
			{ ...person(1), name: 'Duplicate' },
			{ name: 'No Address' }, // refused before the request
			{ ...person(6), list: 999999 }, // no such list
			person(7),
		];
		const [out] = await t.run(addMany(`={{ $json.list ?? ${String(list.id)} }}`), {
			items,
			continueOnFail: true,
		});
		expect(t.sandbox.count('thanksio', CREATE_MANY)).toBe(1);
		expect(createManyBodies()[0]).toHaveLength(4);
		expect(out.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
			{ item: 4 },
		]);
		expect(out[0].json).toMatchObject(person(5));
		expect(out[0].json.error).toBeUndefined();
		expect(out[1].json).toMatchObject({
			name: 'Duplicate',
			error: 'This address is already on this mailing list.',
		});
		expect(out[2].json.error).toMatch(/^Invalid "Address" in item 2/);
		expect(out[3].json.error).toBe('Mailing List Does Not Exist');
		expect(out[4].json).toMatchObject(person(7));
		expect(t.sandbox.count('thanksio', 'records created')).toBe(2);
	});

	test('without Continue On Fail, a refused recipient fails the node, naming its item; nothing is sent again', async () => {
		const [list] = t.provider.addMailingLists(1);
		t.provider.addRecipients(Number(list.id), 1);
		const items = [person(5), { ...person(1), name: 'Duplicate' }, person(6)];
		const error = (await t
			.run(addMany(list.id), { items })
			.catch((e: Error) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'thanks.io did not add the recipient of item 1: This address is already on this mailing list.',
		);
		expect(error.context.itemIndex).toBe(1);
		expect(error.description).toBe(
			'thanks.io refused 1 of the 3 recipients sent in one request (item 1) and added the other 2. Nothing was sent again. To get one output item per recipient, set "On Error" to continue.',
		);
		expect(t.sandbox.count('thanksio', CREATE_MANY)).toBe(1);
		expect(t.sandbox.count('thanksio', 'records created')).toBe(2);
	});

	test('a bad recipient stops the request before anything is sent', async () => {
		const [list] = t.provider.addMailingLists(1);
		const error = (await t
			.run(addMany(list.id), { items: [person(1), { ...person(2), city: '' }] })
			.catch((e: Error) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Invalid "City" in item 1/);
		const noList = (await t
			.run(addMany(''), { items: [person(1)] })
			.catch((e: Error) => e)) as NodeOperationError;
		expect(noList.message).toMatch(/^Invalid "Mailing List" in item 0/);
		expect(t.sandbox.count('thanksio', CREATE_MANY)).toBe(0);
	});

	test('a request that fails after thanks.io accepted it is reported once for all items, not repeated', async () => {
		const [list] = t.provider.addMailingLists(1);
		t.sandbox.inject({
			provider: 'thanksio',
			route: CREATE_MANY,
			kind: 'status',
			status: 500,
			phase: 'after',
		});
		const [out] = await t.run(addMany(list.id), {
			items: [person(1), person(2), person(3)],
			continueOnFail: true,
		});
		expect(out).toHaveLength(1);
		expect(out[0].json.error).toBe('thanks.io answered 500: Internal Server Error');
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(t.sandbox.count('thanksio', CREATE_MANY)).toBe(1);
		expect(t.sandbox.count('thanksio', 'records created')).toBe(3);
		t.sandbox.inject({
			provider: 'thanksio',
			route: CREATE_MANY,
			kind: 'status',
			status: 502,
			phase: 'after',
		});
		const error = await t.run(addMany(list.id), { items: [person(4)] }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(t.sandbox.count('thanksio', CREATE_MANY)).toBe(2);
	});
});

describe('thanks.io Add: one request per item', () => {
	test('each recipient carries its list under the one name mailing_list_id', async () => {
		const [list] = t.provider.addMailingLists(1);
		await t.run(
			{ resource: 'recipient', operation: 'create', mailingListId: list.id as number },
			{ items: [person(1), person(2)] },
		);
		const bodies = t.sandbox.log
			.filter((r) => r.method === 'POST' && r.path === '/api/v2/recipients')
			.map((r) => JSON.parse(r.body) as IDataObject);
		expect(bodies).toEqual([
			{ mailing_list_id: list.id, ...person(1) },
			{ mailing_list_id: list.id, ...person(2) },
		]);
		expect(t.sandbox.count('thanksio', CREATE_MANY)).toBe(0);
	});
});
