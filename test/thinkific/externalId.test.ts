import { buildNode } from '../harness';
import { thinkificFixture } from './context';

/**
 * A user's External ID (ID Type "External ID (SSO)" or "(OpenID Connect)"). Version 1 of
 * the node named it `userId`, as the User picker is named, so n8n's editor kept a picked
 * user's Thinkific ID in it when the ID Type was switched, and the node looked that ID up
 * as an external ID. From version 1.1 it is `externalId`; version 1 keeps `userId`.
 */

const t = thinkificFixture();

/** Kim, picked from the list in the User field (Thinkific ID 1). */
const kimPicked = { __rl: true, mode: 'list', value: '1', cachedResultName: 'Kim Learner' };

function seedKimAndExternalUser(): void {
	t.provider.seedUsers(1, () => ({ first_name: 'Kim', last_name: 'Learner' }));
	t.provider.seedUsers(1, () => ({ external_id: 'ext-9' }));
}

describe('Thinkific user by External ID, version 1.1', () => {
	test('reads the External ID field, not the user picked before the ID Type was switched', async () => {
		seedKimAndExternalUser();
		const [items] = await t.run(
			{ resource: 'user', operation: 'get', userId: kimPicked, idType: 'SSO', externalId: 'ext-9' },
			{ typeVersion: 1.1 },
		);
		expect(items.map((item) => item.json.id)).toEqual([2]);
		expect(t.apiCalls()).toEqual(['GET /users/ext-9?provider=SSO']);
	});

	test('new nodes get it, and saving drops the picked user: the External ID starts empty', async () => {
		const node = buildNode(
			t.node,
			{ resource: 'user', operation: 'get', userId: kimPicked },
			{},
			false,
		);
		expect(node.typeVersion).toBe(1.1);
		expect(t.node.description.defaultVersion).toBe(1.1);
		const switched = buildNode(
			t.node,
			{ ...node.parameters, idType: 'SSO' },
			{},
			false,
			{},
			node.typeVersion,
		);
		expect(switched.parameters).toMatchObject({ idType: 'SSO', externalId: '' });
		expect(switched.parameters).not.toHaveProperty('userId');

		seedKimAndExternalUser();
		const failed = await t
			.run({ ...node.parameters, idType: 'SSO' }, { typeVersion: 1.1 })
			.catch((e: Error) => e);
		expect((failed as Error).message).toMatch(/^Invalid "External ID" in item 0/);
		expect(t.apiCalls()).toEqual([]);
	});
});

describe('Thinkific user by External ID, version 1 (workflows saved before 1.1)', () => {
	test('still reads the External ID saved under userId', async () => {
		seedKimAndExternalUser();
		const [got] = await t.run(
			{ resource: 'user', operation: 'get', idType: 'SSO', userId: 'ext-9', externalId: 'other' },
			{ typeVersion: 1 },
		);
		expect(got.map((item) => item.json.id)).toEqual([2]);
		const [updated] = await t.run(
			{
				resource: 'user',
				operation: 'update',
				idType: 'SSO',
				userId: 'ext-9',
				updateFields: { company: 'Initech' },
			},
			{ typeVersion: 1 },
		);
		expect(updated[0].json).toMatchObject({ id: 2, company: 'Initech' });
		expect(t.apiCalls()).toEqual([
			'GET /users/ext-9?provider=SSO',
			'PUT /users/ext-9?provider=SSO',
			'GET /users/ext-9?provider=SSO',
		]);
	});
});
