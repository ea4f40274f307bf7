import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Auth } from './context';
import { secretsIn, thinkificFixture } from './context';

const t = thinkificFixture();

const pick = (value: string, mode = 'list') => ({ __rl: true, mode, value });

function bodyOf(method: string, path: string): IDataObject {
	const request = t
		.requests()
		.find((r) => r.method === method && r.path.split('?')[0] === `/api/public/v1${path}`);
	return JSON.parse(request!.body) as IDataObject;
}

function queryOf(call: string): URLSearchParams {
	return new URLSearchParams(call.split('?')[1] ?? '');
}

/** A user with the Group Analyst role, who can be made an analyst of a group. */
function analyst(): number {
	const [user] = t.provider.seedUsers(1, () => ({ roles: ['group_analyst'] }));
	return user.id;
}

describe.each<Auth>(['thinkificApi', 'thinkificOAuth2Api'])('Thinkific groups (%s)', (auth) => {
	test('create, get, list and delete a group', async () => {
		const [created] = await t.run(
			{ resource: 'group', operation: 'create', name: ' Sales team ' },
			{ using: auth },
		);
		expect(created[0].json).toMatchObject({ id: 2, name: 'Sales team' });
		expect(bodyOf('POST', '/groups')).toEqual({ name: 'Sales team' });
		expect(t.sandbox.count('thinkific', 'groups created')).toBe(1);

		const [got] = await t.run(
			{ resource: 'group', operation: 'get', groupId: pick('2') },
			{ using: auth },
		);
		expect(got[0].json).toMatchObject({ id: 2, name: 'Sales team', token: expect.any(String) });

		const [all] = await t.run(
			{ resource: 'group', operation: 'getAll', returnAll: true },
			{ using: auth },
		);
		expect(all.map((i) => i.json.name)).toEqual(['Staff', 'Sales team']);

		const [deleted] = await t.run(
			{ resource: 'group', operation: 'delete', groupId: pick('1', 'id') },
			{ using: auth },
		);
		expect(deleted[0].json).toEqual({ deleted: true, id: 1 });
		expect([...t.provider.admin.groups.keys()]).toEqual([2]);
		expect(t.apiCalls().map((c) => c.split('?')[0])).toEqual([
			'POST /groups',
			'GET /groups/2',
			'GET /groups',
			'DELETE /groups/1',
		]);
		expect(secretsIn([created, got, all, deleted], t.provider)).toEqual([]);
	});

	test('add a user to a group: Thinkific takes the group by name, so the name is read once', async () => {
		t.provider.admin.addGroup('Sales');
		const users = t.provider.seedUsers(3);
		const [out] = await t.run(
			{
				resource: 'group',
				operation: 'addUser',
				groupId: pick('2'),
				userId: '={{ $json.user }}',
			},
			{
				using: auth,
				items: [{ user: users[0].id }, { user: users[2].id }],
			},
		);
		expect(out.map((i) => i.json)).toEqual([
			{ added: true, group_id: 2, group_name: 'Sales', user_id: 1 },
			{ added: true, group_id: 2, group_name: 'Sales', user_id: 3 },
		]);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(t.apiCalls()).toEqual(['GET /groups/2', 'POST /group_users', 'POST /group_users']);
		expect(bodyOf('POST', '/group_users')).toEqual({ user_id: 1, group_names: ['Sales'] });
		expect(t.sandbox.count('thinkific', 'group users added')).toBe(2);

		// The users are now members: Thinkific's users list filters by group.
		const [members] = await t.run(
			{ resource: 'user', operation: 'getAll', returnAll: true, filters: { groupId: '2' } },
			{ using: auth },
		);
		expect(members.map((i) => i.json.id)).toEqual([1, 3]);
	});

	test('a user picked by email joins the group; an unknown group adds nobody', async () => {
		t.provider.seedUsers(2);
		const [out] = await t.run(
			{
				resource: 'group',
				operation: 'addUser',
				groupId: pick('1', 'id'),
				userId: pick('USER2@example.com', 'email'),
			},
			{ using: auth },
		);
		expect(out[0].json).toEqual({ added: true, group_id: 1, group_name: 'Staff', user_id: 2 });

		const error = await t
			.run(
				{ resource: 'group', operation: 'addUser', groupId: pick('99', 'id'), userId: '1' },
				{ using: auth },
			)
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe('Thinkific answered 404: Record not found.');
		expect(t.sandbox.count('thinkific', 'group users added')).toBe(1);
	});

	test('add, list and remove a group analyst', async () => {
		const user = analyst();
		const [added] = await t.run(
			{ resource: 'group', operation: 'addAnalyst', groupId: pick('1'), userId: String(user) },
			{ using: auth },
		);
		expect(added[0].json).toEqual({ added: true, group_id: 1, user_id: user });
		expect(bodyOf('POST', '/groups/1/analysts')).toEqual({ user_ids: [user] });

		const [listed] = await t.run(
			{ resource: 'group', operation: 'getAnalysts', groupId: pick('1'), returnAll: true },
			{ using: auth },
		);
		expect(listed.map((i) => i.json)).toEqual([{ user_id: user, group_id: 1 }]);

		const [removed] = await t.run(
			{
				resource: 'group',
				operation: 'removeAnalyst',
				groupId: pick('1'),
				userId: pick(String(user), 'id'),
			},
			{ using: auth },
		);
		expect(removed[0].json).toEqual({ removed: true, group_id: 1, user_id: user });
		expect(t.apiCalls().at(-1)).toBe(`DELETE /groups/1/analysts/${user}`);
		expect(t.provider.admin.analysts.get(1)?.size).toBe(0);

		const [none] = await t.run(
			{ resource: 'group', operation: 'getAnalysts', groupId: pick('1'), returnAll: true },
			{ using: auth },
		);
		expect(none).toEqual([]);
	});
});

describe('Thinkific group refusals and list shapes', () => {
	test("Thinkific's reasons are named: a missing role, an unknown group", async () => {
		const [user] = t.provider.seedUsers(1);
		const noRole = await t
			.run({ resource: 'group', operation: 'addAnalyst', groupId: pick('1'), userId: '1' })
			.catch((e: Error) => e);
		expect((noRole as Error).message).toBe(
			`Thinkific answered 422: group_analysts User IDs missing group_analysts role: ${user.id}`,
		);
		const unknown = await t
			.run({
				resource: 'group',
				operation: 'removeAnalyst',
				groupId: pick('99', 'id'),
				userId: '1',
			})
			.catch((e: Error) => e);
		expect((unknown as Error).message).toBe(
			'Thinkific answered 404: group_id Could not find group with ID 99.',
		);
	});

	test('analysts answered as a paged list of records are read page after page too', async () => {
		const ids = Array.from({ length: 260 }, () => analyst());
		t.provider.admin.analysts.set(1, new Set(ids));
		t.provider.admin.analystsShape = 'paged';
		const [all] = await t.run({
			resource: 'group',
			operation: 'getAnalysts',
			groupId: pick('1'),
			returnAll: true,
		});
		expect(all).toHaveLength(260);
		expect(all[259].json).toMatchObject({ user_id: ids[259], group_id: 1 });
		expect(t.apiCalls().map((c) => queryOf(c).get('page'))).toEqual(['1', '2']);

		t.provider.admin.analystsShape = 'ids';
		const [five] = await t.run({
			resource: 'group',
			operation: 'getAnalysts',
			groupId: pick('1'),
			limit: 5,
		});
		expect(five.map((i) => i.json.user_id)).toEqual(ids.slice(0, 5));
	});

	test('Get Many of 600 groups reads three pages of 250', async () => {
		t.provider.admin.seedGroups(599);
		const [all] = await t.run({ resource: 'group', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(600);
		expect(t.apiCalls().map((c) => queryOf(c).get('limit'))).toEqual(['250', '250', '250']);
		const [some] = await t.run({ resource: 'group', operation: 'getAll', limit: 3 });
		expect(some.map((i) => i.json.name)).toEqual(['Staff', 'Group 1', 'Group 2']);
	});

	test('the group list search finds a group on a later page, by name or token', async () => {
		t.provider.admin.seedGroups(520, (i) => (i === 520 ? 'Night Class' : `Group ${i}`));
		const found = await t.listSearch('searchGroups', 'thinkificApi', 'night');
		expect(found.results).toEqual([{ name: 'Night Class', value: '521' }]);
		expect(t.apiCalls().map((c) => queryOf(c).get('page'))).toEqual(['1', '2', '3']);
		const token = String(t.provider.admin.groups.get(521)!.token);
		const byToken = await t.listSearch('searchGroups', 'thinkificApi', token);
		expect(byToken.results.map((r) => r.value)).toEqual(['521']);
	});

	test('bad input is refused before any request', async () => {
		for (const [parameters, message] of [
			[{ operation: 'create', name: '  ' }, 'Invalid "Name" in item 0: it is empty'],
			[
				{ operation: 'addUser', groupId: pick('abc', 'id'), userId: '1' },
				'Invalid "Group" in item 0: "abc" is not a Thinkific ID',
			],
			[
				{ operation: 'addAnalyst', groupId: pick('1'), userId: pick('', 'list') },
				'Invalid "User" in item 0: it is empty',
			],
		] as const) {
			const error = await t
				.run({ resource: 'group', ...parameters } as never)
				.catch((e: Error) => e);
			expect((error as Error).message).toContain(message);
		}
		expect(t.apiCalls()).toEqual([]);
	});

	test('as an AI tool: creating and adding are sent once, removing says what it undoes', () => {
		const operation = (value: string) =>
			t.node.description.properties
				.find(
					(p) =>
						p.name === 'operation' &&
						(p.displayOptions?.show?.resource as string[] | undefined)?.[0] === 'group',
				)!
				.options!.find((o) => 'value' in o && o.value === value) as { description: string };
		expect(operation('delete').description).toMatch(/permanently/i);
		expect(operation('removeAnalyst').description).toMatch(/no longer/i);
		const notice = t.node.description.properties.filter(
			(p) =>
				p.name === 'sendsOnceNotice' &&
				(p.displayOptions?.show?.resource as string[])[0] === 'group',
		);
		expect(notice.map((p) => (p.displayOptions!.show!.operation as string[])[0])).toEqual([
			'addAnalyst',
			'addUser',
			'create',
		]);
	});
});
