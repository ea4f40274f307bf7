import type { NodeExecutionHint } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Auth } from './context';
import { errorText, secretsIn, thinkificFixture } from './context';

/**
 * Faults a real Thinkific (or what stands between it and n8n) can produce, played
 * by the sandbox and met by the node through n8n-core's real request and OAuth2 code.
 */

const t = thinkificFixture();

const createUser = {
	resource: 'user',
	operation: 'create',
	firstName: 'Ada',
	lastName: 'Lovelace',
	email: 'ada@example.com',
};

/** Milliseconds between consecutive requests to one route, in the sandbox's log. */
function gaps(route: string): number[] {
	const times = t
		.requests()
		.filter((r) => `${r.method} ${r.path.split('?')[0]}` === route)
		.map((r) => r.at);
	return times.slice(1).map((at, i) => at - times[i]);
}

describe.each<Auth>(['thinkificApi', 'thinkificOAuth2Api'])(
	'answers that are not what they should be (%s)',
	(auth) => {
		test('a 2xx answer that is not JSON and echoes the credential is masked, and a POST is said to be accepted', async () => {
			t.sandbox.inject({
				provider: 'thinkific',
				route: 'POST /api/public/v1/users',
				kind: 'echo',
				phase: 'after',
			});
			const error = (await t
				.run(createUser, { using: auth })
				.catch((e: Error) => e)) as NodeApiError;
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toBe('Thinkific answered with something that is not JSON');
			expect(error.description).toMatch(/^The answer to POST \/users was "Proxy debug/);
			expect(error.description).toMatch(
				/Thinkific accepted the request \(status 200\), so it was done; do not send it again\./,
			);
			// The echoed header is in the description, its secret is not.
			expect(error.description).toMatch(/(x-auth-api-key|authorization): (Bearer )?\*\*\*/);
			expect(secretsIn(errorText(error), t.provider)).toEqual([]);
			expect(t.sandbox.count('thinkific', 'users created')).toBe(1);
			expect(t.sandbox.count('thinkific', 'POST /api/public/v1/users')).toBe(1);
		});

		test('with Continue On Fail, the error item keeps the description and the status code', async () => {
			t.sandbox.inject({
				provider: 'thinkific',
				route: 'POST /api/public/v1/users',
				kind: 'echo',
				phase: 'after',
			});
			const [items] = await t.run(
				{ ...createUser, email: '={{ $json.email }}' },
				{
					using: auth,
					continueOnFail: true,
					items: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
				},
			);
			expect(items).toHaveLength(2);
			expect(items[0].json).toEqual({
				error: 'Thinkific answered with something that is not JSON',
				description: expect.stringMatching(/accepted the request \(status 200\)/),
				httpCode: '200',
			});
			expect(items[0].pairedItem).toEqual({ item: 0 });
			expect(items[1].json).toMatchObject({ email: 'b@example.com' });
			expect(secretsIn(items, t.provider)).toEqual([]);
		});

		test('an HTML error page is summarised, not copied', async () => {
			t.sandbox.inject({
				provider: 'thinkific',
				route: 'GET /api/public/v1/users',
				kind: 'html',
				status: 502,
			});
			const error = (await t
				.run({ resource: 'user', operation: 'getAll', limit: 5 }, { using: auth })
				.catch((e: Error) => e)) as NodeApiError;
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toBe('Thinkific answered 502: an HTML page ("502 Bad Gateway")');
			expect(errorText(error)).not.toMatch(/<html|<body|<h1/i);
			expect(t.sandbox.count('thinkific', 'GET /api/public/v1/users')).toBe(1);
		});
	},
);

describe('a pager that does not advance', () => {
	test('a server that ignores the page number ends the list at the repeated page, with a warning', async () => {
		t.provider.seedUsers(600);
		t.sandbox.inject({
			provider: 'thinkific',
			route: 'GET /api/public/v1/users',
			kind: 'stuckPager',
			times: 1000,
		});
		const hints: NodeExecutionHint[] = [];
		const [items] = await t.run(
			{ resource: 'user', operation: 'getAll', returnAll: true },
			{ hints },
		);
		expect(items).toHaveLength(250);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(250);
		expect(t.sandbox.count('thinkific', 'GET /api/public/v1/users')).toBe(2);
		expect(hints).toEqual([
			expect.objectContaining({
				type: 'warning',
				message: expect.stringMatching(
					/^Thinkific sent page 2 of \/users with the same items as an earlier page/,
				),
			}),
		]);
	}, 30_000);
});

describe('rate-limit waits', () => {
	test('a small RateLimit-Reset is read as seconds to wait (the longer reading within the cap)', async () => {
		t.provider.seedUsers(1);
		t.provider.resetReading = 'secondsToWait';
		t.sandbox.inject({
			provider: 'thinkific',
			route: 'GET /api/public/v1/users/1',
			kind: 'rateLimit',
			delayMs: 1500,
		});
		const [items] = await t.run({ resource: 'user', operation: 'get', userId: '1' });
		expect(items[0].json.id).toBe(1);
		// "RateLimit-Reset: 2" waits 2 s, not 2 ms.
		expect(gaps('GET /api/public/v1/users/1')).toEqual([expect.any(Number)]);
		expect(gaps('GET /api/public/v1/users/1')[0]).toBeGreaterThanOrEqual(1900);
	});

	test('Retry-After: 0 is not a licence to retry at once: every wait is at least a second', async () => {
		t.provider.seedUsers(1);
		t.sandbox.inject({
			provider: 'thinkific',
			route: 'GET /api/public/v1/users/1',
			kind: 'rateLimit',
			headers: { 'retry-after': '0' },
			times: 2,
		});
		const [items] = await t.run({ resource: 'user', operation: 'get', userId: '1' });
		expect(items[0].json.id).toBe(1);
		const waits = gaps('GET /api/public/v1/users/1');
		expect(waits).toHaveLength(2);
		for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(950);
	});

	test('a wait past the cap is not slept through; the hint names the wait the provider gave', async () => {
		t.provider.seedUsers(1);
		t.sandbox.inject({
			provider: 'thinkific',
			route: 'GET /api/public/v1/users/1',
			kind: 'rateLimit',
			headers: { 'retry-after': '600' },
		});
		const error = (await t
			.run({ resource: 'user', operation: 'get', userId: '1' })
			.catch((e: Error) => e)) as NodeApiError;
		expect(error.message).toMatch(/^Thinkific answered 429/);
		expect(error.description).toMatch(/Thinkific asks to wait 600 s before trying again/);
		expect(t.sandbox.count('thinkific', 'GET /api/public/v1/users/1')).toBe(1);
	});
});
