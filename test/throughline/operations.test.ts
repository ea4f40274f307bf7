import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { throughLineApi } from '../../nodes/ThroughLine/transport';
import { listSearch, loadOptions } from '../harness';
import { THROUGHLINE_CLIENT } from '../sandbox';
import { throughLineFixture } from './context';

const t = throughLineFixture();

function secretsIn(value: unknown): boolean {
	const text = JSON.stringify(value);
	return text.includes(THROUGHLINE_CLIENT.secret) || /tl_at_/.test(text);
}

describe('ThroughLine operations', () => {
	test('helpline search by country and topic returns one item per helpline', async () => {
		const [items] = await t.run({
			resource: 'helpline',
			operation: 'search',
			countryCode: 'us',
			topic: 'Anxiety',
			maxHelplines: 5,
		});
		expect(items.length).toBeGreaterThan(0);
		expect(items.length).toBeLessThanOrEqual(5);
		for (const item of items) {
			expect((item.json.country as { code: string }).code).toBe('US');
			expect(item.json.topics).toContain('Anxiety');
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		const search = t.sandbox.log.find((r) => r.path.startsWith('/v1/helplines?'))!;
		const qs = new URLSearchParams(search.path.split('?')[1]);
		expect(qs.get('country_code')).toBe('US');
		// The topic goes by its name, as ThroughLine's documented example sends it.
		expect(qs.get('topic')).toBe('Anxiety');
		expect(qs.get('limit')).toBe('5');
		expect(secretsIn(items)).toBe(false);
		// The daily quota: one call for the search, none spent on checking its parameters.
		expect(t.sandbox.count('throughline', 'api calls')).toBe(1);
	});

	test('a topic typed as its code is sent as its name, with one look-up per execution', async () => {
		const [items] = await t.run(
			{
				resource: 'helpline',
				operation: 'search',
				countryCode: 'NZ',
				topic: '={{ $json.topic }}',
				priorityOnly: true,
			},
			{ items: [{ topic: 'suicidal-thoughts' }, { topic: 'suicidal-thoughts' }] },
		);
		expect(items.length).toBeGreaterThan(0);
		const topics = t.sandbox.log
			.filter((r) => r.path.startsWith('/v1/helplines?'))
			.map((r) => new URLSearchParams(r.path.split('?')[1]).get('topic'));
		expect(topics).toEqual(['Suicidal thoughts', 'Suicidal thoughts']);
		expect(t.sandbox.count('throughline', 'GET /v1/topics')).toBe(1);
		expect(t.sandbox.count('throughline', 'api calls')).toBe(3);
	});

	test('the sandbox, like the documented API, knows topics by name only', async () => {
		const [{ access_token: token }] = [
			(await (
				await fetch(`${t.sandbox.url}/throughline/oauth/token`, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({
						grant_type: 'client_credentials',
						client_id: THROUGHLINE_CLIENT.id,
						client_secret: THROUGHLINE_CLIENT.secret,
					}),
				})
			).json()) as { access_token: string },
		];
		const search = async (topic: string) =>
			await fetch(
				`${t.sandbox.url}/throughline/v1/helplines?country_code=us&topic=${encodeURIComponent(topic)}&priority_only=true`,
				{ headers: { authorization: `Bearer ${token}` } },
			);
		expect((await search('suicidal thoughts')).status).toBe(200);
		expect((await search('suicidal-thoughts')).status).toBe(400);
	});

	test('a priority result set is returned whole, never cut to its first entry', async () => {
		const [items] = await t.run({
			resource: 'helpline',
			operation: 'search',
			countryCode: 'NZ',
			priorityOnly: true,
		});
		const expected = t.provider.helplines.filter((h) => h.country.code === 'NZ' && h.priority);
		expect(expected.length).toBe(3);
		expect(items.map((i) => i.json.id)).toEqual(expected.map((h) => h.id));
		const search = t.sandbox.log.find((r) => r.path.startsWith('/v1/helplines?'))!;
		expect(search.path).toContain('priority_only=true');
		expect(search.path).not.toContain('limit=');
	});

	test('get one helpline by id', async () => {
		const [items] = await t.run({ resource: 'helpline', operation: 'get', helplineId: 'gb-4' });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: 'gb-4', name: 'United Kingdom Helpline 4' });
	});

	test('many lookups are read side by side, in order, paired, with one token', async () => {
		t.provider.rateLimit = { limit: 1000, windowMs: 1000 };
		const ids = Array.from({ length: 30 }, (_, i) => t.provider.helplines[i].id);
		const [items] = await t.run(
			{ resource: 'helpline', operation: 'get', helplineId: '={{ $json.id }}' },
			{ items: ids.map((id) => ({ id })) },
		);
		expect(items.map((i) => i.json.id)).toEqual(ids);
		expect(items.map((i) => i.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(t.sandbox.count('throughline', 'token requests')).toBe(1);
		const lookups = t.sandbox.log.filter((r) => r.path.startsWith('/v1/helplines/'));
		expect(lookups).toHaveLength(30);
	});

	test('side by side, a failing lookup stops the node at its own item, or with Continue On Fail becomes its error item', async () => {
		const ids = ['us-1', 'us-2', 'no-such-helpline', 'us-4', 'us-5'];
		const error = (await t
			.run(
				{ resource: 'helpline', operation: 'get', helplineId: '={{ $json.id }}' },
				{ items: ids.map((id) => ({ id })) },
			)
			.catch((e: Error) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.context.itemIndex).toBe(2);
		const [items] = await t.run(
			{ resource: 'helpline', operation: 'get', helplineId: '={{ $json.id }}' },
			{ items: ids.map((id) => ({ id })), continueOnFail: true },
		);
		expect(items.map((i) => i.json.id ?? i.json.error)).toEqual([
			'us-1',
			'us-2',
			'ThroughLine answered 404: Helpline not found',
			'us-4',
			'us-5',
		]);
		expect(items[2].json.httpCode).toBe('404');
	});

	test('an unknown helpline id is reported as the API said it', async () => {
		const error = await t
			.run({ resource: 'helpline', operation: 'get', helplineId: 'zz-99' })
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe('ThroughLine answered 404: Helpline not found');
	});

	test('countries and topics are listed, and each item of input gets the list', async () => {
		const [countries] = await t.run(
			{ resource: 'country', operation: 'getAll' },
			{ items: [{}, {}] },
		);
		expect(countries).toHaveLength(10);
		expect(countries[0].json).toEqual({
			name: 'United States',
			code: 'US',
			emergencyNumber: '911',
		});
		expect(countries[5].pairedItem).toEqual({ item: 1 });
		expect(t.sandbox.count('throughline', 'GET /v1/countries')).toBe(1);
		const [topics] = await t.run({ resource: 'topic', operation: 'getAll' });
		expect(topics.map((i) => i.json.code)).toEqual([
			'suicidal-thoughts',
			'anxiety',
			'depression',
			'abuse-domestic-violence',
			'substance-use',
		]);
	});

	test('display and click events are recorded once each', async () => {
		const [display] = await t.run({
			resource: 'event',
			operation: 'recordDisplay',
			helplineId: 'us-2',
			sessionId: 'session-1',
			timestamp: '2026-11-23T10:00:00Z',
		});
		expect(display[0].json).toMatchObject({
			recorded: true,
			helpline_id: 'us-2',
			session_id: 'session-1',
		});
		const [click] = await t.run({
			resource: 'event',
			operation: 'recordClick',
			helplineId: 'us-2',
			sessionId: 'session-1',
			contactMethod: 'sms',
		});
		expect(click[0].json).toMatchObject({ recorded: true, contact_method: 'sms' });
		expect(t.provider.events.map((e) => e.kind)).toEqual(['helpline_display', 'helpline_click']);
		expect(t.provider.events[0].timestamp).toBe('2026-11-23T10:00:00.000Z');
		expect(Date.parse(String(t.provider.events[1].timestamp))).toBeGreaterThan(Date.now() - 60_000);
	});

	test('an event that failed after ThroughLine processed it is reported, not sent again', async () => {
		t.sandbox.inject({
			provider: 'throughline',
			route: 'POST /v1/events/helpline_display',
			kind: 'status',
			status: 502,
			phase: 'after',
		});
		const error = await t
			.run({ resource: 'event', operation: 'recordDisplay', helplineId: 'us-2', sessionId: 's' })
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(t.sandbox.count('throughline', 'POST /v1/events/helpline_display')).toBe(1);
		expect(t.sandbox.count('throughline', 'events recorded')).toBe(1);

		t.sandbox.inject({
			provider: 'throughline',
			route: 'POST /v1/events/helpline_click',
			kind: 'drop',
			phase: 'after',
		});
		const dropped = await t
			.run({
				resource: 'event',
				operation: 'recordClick',
				helplineId: 'us-2',
				sessionId: 's',
				contactMethod: 'phone',
			})
			.catch((e: Error) => e);
		expect(dropped).toBeInstanceOf(NodeApiError);
		expect((dropped as NodeApiError).description).toMatch(
			/may have reached the provider; it was not repeated/,
		);
		expect(t.sandbox.count('throughline', 'POST /v1/events/helpline_click')).toBe(1);
		expect(t.sandbox.count('throughline', 'events recorded')).toBe(2);
	});

	test('a 429 is waited out for as long as Retry-After says, and the request retried', async () => {
		// Retry-After: 2 (seconds); without reading it the fallback would wait 1 s.
		t.sandbox.inject({
			provider: 'throughline',
			route: 'GET /v1/helplines/us-3',
			kind: 'rateLimit',
			delayMs: 2000,
		});
		const started = Date.now();
		const [items] = await t.run({ resource: 'helpline', operation: 'get', helplineId: 'us-3' });
		expect(items[0].json.id).toBe('us-3');
		expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
		expect(t.sandbox.count('throughline', 'GET /v1/helplines/us-3')).toBe(2);
	});

	test('a long Retry-After fails the item with the time instead of sleeping through it', async () => {
		t.sandbox.inject({
			provider: 'throughline',
			route: 'GET /v1/helplines/us-3',
			kind: 'rateLimit',
			delayMs: 3_600_000,
		});
		const started = Date.now();
		const error = await t
			.run({ resource: 'helpline', operation: 'get', helplineId: 'us-3' })
			.catch((e: Error) => e);
		expect(Date.now() - started).toBeLessThan(1000);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/ThroughLine answered 429/);
		expect((error as NodeApiError).description).toMatch(/asks to wait 3600 s/);
		expect(t.sandbox.count('throughline', 'GET /v1/helplines/us-3')).toBe(1);
	});

	test('a 429 on an event is retried too: the provider rejected it before processing', async () => {
		t.sandbox.inject({
			provider: 'throughline',
			route: 'POST /v1/events/helpline_display',
			kind: 'rateLimit',
			delayMs: 1000,
		});
		await t.run({
			resource: 'event',
			operation: 'recordDisplay',
			helplineId: 'us-2',
			sessionId: 's',
		});
		expect(t.sandbox.count('throughline', 'POST /v1/events/helpline_display')).toBe(2);
		expect(t.sandbox.count('throughline', 'events recorded')).toBe(1);
	});

	test('the sandbox rate limit (30 requests per second) is respected without failing', async () => {
		const items = Array.from({ length: 45 }, () => ({}));
		const [out] = await t.run(
			{ resource: 'helpline', operation: 'get', helplineId: 'au-1' },
			{ items },
		);
		expect(out).toHaveLength(45);
	});

	test('a slow answer is abandoned after the timeout and an event is not sent again', async () => {
		throughLineApi.timeoutMs = 300;
		try {
			t.sandbox.inject({
				provider: 'throughline',
				route: 'POST /v1/events/helpline_display',
				kind: 'slow',
				delayMs: 1500,
				phase: 'after',
			});
			const error = await t
				.run({ resource: 'event', operation: 'recordDisplay', helplineId: 'us-2', sessionId: 's' })
				.catch((e: Error) => e);
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).description).toMatch(/may have reached the provider/);
			expect(t.sandbox.count('throughline', 'POST /v1/events/helpline_display')).toBe(1);
			expect(t.sandbox.count('throughline', 'events recorded')).toBe(1);
		} finally {
			delete throughLineApi.timeoutMs;
		}
	});

	test('a malformed answer is an honest error', async () => {
		t.sandbox.inject({
			provider: 'throughline',
			route: 'GET /v1/helplines/us-1',
			kind: 'malformed',
		});
		const error = await t
			.run({ resource: 'helpline', operation: 'get', helplineId: 'us-1' })
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/not JSON/);
	});

	test('country and topic dropdowns are filled from the API', async () => {
		const base = {
			nodeType: t.node,
			parameters: {},
			credentials: { throughLineOAuth2Api: t.credential },
			store: t.store,
		};
		const countries = await loadOptions({ ...base, method: 'getCountries' });
		expect(countries).toContainEqual({ name: 'New Zealand (NZ)', value: 'NZ' });
		expect(countries).toHaveLength(5);
		const topics = await loadOptions({ ...base, method: 'getTopics' });
		expect(topics[0]).toEqual({ name: 'Any Topic', value: '' });
		expect(topics).toContainEqual({ name: 'Depression', value: 'Depression' });
	});
});

describe('ThroughLine search, version 1.2 (country and topic picked with resource locators)', () => {
	const base = () => ({
		nodeType: t.node,
		parameters: {},
		credentials: { throughLineOAuth2Api: t.credential },
		store: t.store,
	});

	test('the locators search the countries and topics by name', async () => {
		const countries = await listSearch({ ...base(), method: 'searchCountries' });
		expect(countries.results).toHaveLength(5);
		expect(countries.results).toContainEqual({ name: 'New Zealand (NZ)', value: 'NZ' });
		const found = await listSearch({ ...base(), method: 'searchCountries', filter: 'zeal' });
		expect(found.results).toEqual([{ name: 'New Zealand (NZ)', value: 'NZ' }]);
		const topics = await listSearch({ ...base(), method: 'searchTopics', filter: 'depr' });
		expect(topics.results).toEqual([{ name: 'Depression', value: 'Depression' }]);
		const all = await listSearch({ ...base(), method: 'searchTopics' });
		expect(all.results.map((r) => r.name)).not.toContain('Any Topic');
	});

	test('a search with the country and topic picked, or typed as a code', async () => {
		const [items] = await t.run(
			{
				resource: 'helpline',
				operation: 'search',
				countryCode: { __rl: true, mode: 'list', value: 'NZ' },
				topic: { __rl: true, mode: 'name', value: 'anxiety' },
				maxHelplines: 5,
			},
			{ typeVersion: 1.2 },
		);
		expect(items.length).toBeGreaterThan(0);
		const search = t.sandbox.log.find((r) => r.path.startsWith('/v1/helplines?'))!;
		const qs = new URLSearchParams(search.path.split('?')[1]);
		expect([qs.get('country_code'), qs.get('topic')]).toEqual(['NZ', 'anxiety']);

		const [any] = await t.run(
			{
				resource: 'helpline',
				operation: 'search',
				countryCode: { __rl: true, mode: 'code', value: ' us ' },
				topic: { __rl: true, mode: 'list', value: '' },
			},
			{ typeVersion: 1.2 },
		);
		expect(any.length).toBeGreaterThan(0);
		const last = t.sandbox.log.filter((r) => r.path.startsWith('/v1/helplines?')).pop()!;
		const lastQs = new URLSearchParams(last.path.split('?')[1]);
		expect([lastQs.get('country_code'), lastQs.has('topic')]).toEqual(['US', false]);
	});
});

describe('ThroughLine search, version 1 (saved before "Limit" became "Max Helplines")', () => {
	test('a version 1 node keeps its "Limit"', async () => {
		const [items] = await t.run(
			{ resource: 'helpline', operation: 'search', countryCode: 'US', limit: 2 },
			{ typeVersion: 1 },
		);
		expect(items).toHaveLength(2);
		const search = t.sandbox.log.find((r) => r.path.startsWith('/v1/helplines?'))!;
		expect(new URLSearchParams(search.path.split('?')[1]).get('limit')).toBe('2');

		const error = (await t
			.run(
				{ resource: 'helpline', operation: 'search', countryCode: 'US', limit: 0 },
				{ typeVersion: 1 },
			)
			.catch((e: Error) => e)) as Error;
		expect(error.message).toMatch(/^Invalid "Limit" in item 0: 0 is not a whole number/);
	});

	test('n8n\'s editor sees no "limit" on the current version, so it suggests no "Return All"', () => {
		const names = t.node.description.properties
			.filter((p) => p.displayOptions?.show?.['@version']?.[0] !== 1)
			.map((p) => p.name);
		expect(names).toContain('maxHelplines');
		expect(names).not.toContain('limit');
	});
});

describe('ThroughLine parameter validation', () => {
	const search = {
		resource: 'helpline',
		operation: 'search',
		countryCode: '={{ $json.country }}',
		maxHelplines: '={{ $json.limit }}',
	};

	async function errorFor(parameters: Record<string, unknown>, items: object[]) {
		return (await t
			.run(parameters as never, { items: items as never })
			.catch((e: Error) => e)) as NodeOperationError;
	}

	test.each([
		[
			{ country: 'USA', limit: 5 },
			/Invalid "Country" in item 0: "USA" is not a two-letter ISO 3166 country code/,
		],
		[{ country: '', limit: 5 }, /Invalid "Country" in item 0: it is empty/],
		[
			{ country: 'US', limit: 0 },
			/Invalid "Max Helplines" in item 0: 0 is not a whole number from 1 to 100/,
		],
		[
			{ country: 'US', limit: 10000 },
			/Invalid "Max Helplines" in item 0: 10000 is not a whole number from 1 to 100/,
		],
	])('search with %j is refused before the search is sent', async (json, message) => {
		const error = await errorFor(search, [json]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(error.context.itemIndex).toBe(0);
		expect(t.sandbox.count('throughline', 'GET /v1/helplines')).toBe(0);
	});

	test.each([
		[{ countryCode: 'XX' }, /Unknown country_code "XX"/, /country "XX"/],
		[{ countryCode: 'US', topic: 'gardening' }, /Unknown topic "gardening"/, /topic "gardening"/],
	])(
		'ThroughLine itself refuses %j, in one call, and the error says which fields to check',
		async (fields, message, description) => {
			const error = (await errorFor({ resource: 'helpline', operation: 'search', ...fields }, [
				{},
			])) as unknown as NodeApiError;
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toMatch(/^ThroughLine answered 400: /);
			expect(error.message).toMatch(message);
			expect(error.description).toMatch(description);
			expect(error.description).toMatch(/Check the "Country" and "Topic" fields/);
			expect(t.sandbox.count('throughline', 'api calls')).toBe(1);
		},
	);

	test('a topic code that no topic has is refused, naming the field', async () => {
		const error = await errorFor(
			{ resource: 'helpline', operation: 'search', countryCode: 'US', topic: 'no-such-topic' },
			[{}],
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(
			/Invalid "Topic" in item 0: "no-such-topic" is not the code or name of a ThroughLine topic/,
		);
		expect(t.sandbox.count('throughline', 'GET /v1/helplines')).toBe(0);
	});

	test.each(['.', '..'])(
		'a helpline id of %j is refused before any request: it would change the route',
		async (id) => {
			const error = await errorFor({ resource: 'helpline', operation: 'get', helplineId: id }, [
				{},
			]);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/^Invalid "Helpline ID" in item 0: "\.{1,2}" is not an ID/);
			expect(t.sandbox.log).toHaveLength(0);
		},
	);

	test('an empty helpline id is refused before any request', async () => {
		const error = await errorFor(
			{ resource: 'helpline', operation: 'get', helplineId: '={{ $json.id }}' },
			[{ id: '  ' }],
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Invalid "Helpline ID" in item 0: it is empty');
		expect(t.sandbox.log).toHaveLength(0);
	});

	test.each([
		[{ helplineId: '', sessionId: 's' }, 'Helpline ID'],
		[{ helplineId: 'us-1', sessionId: '' }, 'Session ID'],
		[{ helplineId: 'us-1', sessionId: 's', timestamp: 'yesterday-ish' }, 'Timestamp'],
	])('an event with %j is refused, naming %s', async (fields, field) => {
		const error = await errorFor({ resource: 'event', operation: 'recordDisplay', ...fields }, [
			{},
		]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(`Invalid "${field}" in item 0`);
		expect(t.sandbox.log).toHaveLength(0);
	});

	test('the failing item names its own index', async () => {
		const error = await errorFor(search, [
			{ country: 'US', limit: 3 },
			{ country: 'US', limit: 3 },
			{ country: 'U$', limit: 3 },
		]);
		expect(error.message).toMatch(/in item 2/);
		expect(error.context.itemIndex).toBe(2);
	});

	test('with "Continue On Fail" the other items still run', async () => {
		const [out] = await t.run(search as never, {
			items: [
				{ country: 'US', limit: 2 },
				{ country: 'XX', limit: 2 },
				// Refused by ThroughLine: the item's error keeps the description and the status.
				{ country: 'NZ', limit: 0 },
				{ country: 'GB', limit: 1 },
			],
			continueOnFail: true,
		});
		expect(out.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(out[2].json).toEqual({
			error: 'ThroughLine answered 400: Unknown country_code "XX"',
			description: expect.stringMatching(/Check the "Country" and "Topic" fields/),
			httpCode: '400',
		});
		expect(out[3].json).toEqual({
			error: 'Invalid "Max Helplines" in item 2: 0 is not a whole number from 1 to 100',
			description: 'Check the "Max Helplines" parameter of item 2.',
		});
		expect((out[4].json.country as { code: string }).code).toBe('GB');
		expect(t.sandbox.count('throughline', 'GET /v1/helplines')).toBe(3);
	});
});
