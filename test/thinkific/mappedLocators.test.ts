import { ExecuteContext } from 'n8n-core';

import { thinkificFixture } from './context';

/**
 * A user picked by a resource locator whose value is mapped from the item
 * (`={{ $json.id }}`, as a workflow that reads a list of users one by one has it)
 * is read from the item itself: n8n's expression sandbox would give the same value
 * at a cost per item that was larger than the request's.
 */

const t = thinkificFixture();

const locator = (value: string, mode = 'id') => ({ __rl: true, mode, value });

function userIdReads(spy: jest.SpyInstance): number {
	return spy.mock.calls.filter(([name]) => name === 'userId').length;
}

describe('Thinkific users picked by a locator mapped from each item', () => {
	let spy: jest.SpyInstance;
	beforeEach(() => {
		// n8n's ExecuteContext reads every parameter through this method.
		const proto = ExecuteContext.prototype as unknown as Record<string, () => unknown>;
		spy = jest.spyOn(proto, '_getNodeParameter');
	});
	afterEach(() => spy.mockRestore());

	test("Get reads each ID from its item, without n8n's parameter machinery per item", async () => {
		const users = t.provider.seedUsers(40);
		const items = users.map((user) => ({ id: user.id }));
		const [out] = await t.run(
			{ resource: 'user', operation: 'get', userId: locator('={{ $json.id }}') },
			{ items },
		);
		expect(out.map((item) => item.json.id)).toEqual(users.map((user) => user.id));
		expect(out.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(userIdReads(spy)).toBe(0);
		// Nor any other parameter per item: the node's settings are read once.
		expect(spy.mock.calls.length).toBeLessThan(items.length / 4);
	});

	test('by email, mapped from the item, looks each user up', async () => {
		const users = t.provider.seedUsers(3);
		const [out] = await t.run(
			{ resource: 'user', operation: 'get', userId: locator('={{ $json["email"] }}', 'email') },
			{ items: users.map((user) => ({ email: user.email })) },
		);
		expect(out.map((item) => item.json.id)).toEqual(users.map((user) => user.id));
		expect(userIdReads(spy)).toBe(0);
	});

	test('a fixed ID, and an expression that is more than a field, give the same users', async () => {
		const [user] = t.provider.seedUsers(1);
		const [fixed] = await t.run({
			resource: 'user',
			operation: 'get',
			userId: locator(String(user.id)),
		});
		expect(fixed[0].json.id).toBe(user.id);
		const [computed] = await t.run(
			{ resource: 'user', operation: 'get', userId: locator('={{ $json.n + 1 }}') },
			{ items: [{ n: user.id - 1 }] },
		);
		expect(computed[0].json.id).toBe(user.id);
	});

	test('a mapped ID that is not a Thinkific ID fails its item, naming the field', async () => {
		const [user] = t.provider.seedUsers(1);
		const [out] = await t.run(
			{ resource: 'user', operation: 'get', userId: locator('={{ $json.id }}') },
			{ items: [{ id: user.id }, { id: 'abc' }, {}], continueOnFail: true },
		);
		expect(out[0].json.id).toBe(user.id);
		expect(out[1].json.error).toBe(
			'Invalid "User" in item 1: "abc" is not a Thinkific ID (a whole number of 1 or more)',
		);
		expect(out[2].json.error).toBe('Invalid "User" in item 2: it is empty');
		expect(t.apiCalls()).toEqual([`GET /users/${user.id}`]);
	});
});
