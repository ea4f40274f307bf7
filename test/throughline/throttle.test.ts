import { NodeOperationError, sleep } from 'n8n-workflow';

import { throughLineFixture } from './context';

/**
 * ThroughLine allows 30 calls a second per IP address. The sandbox plays that limit
 * (a 429 with Retry-After beyond it); the node keeps under it in its process, across
 * executions, at the rate the credential's "Requests Per Second" gives.
 */

const t = throughLineFixture();

const lookup = { resource: 'helpline', operation: 'get', helplineId: '={{ $json.id }}' };

function ids(count: number) {
	return Array.from({ length: count }, (_, i) => ({ id: t.provider.helplines[i % 65].id }));
}

function lookups() {
	return t.sandbox.log.filter((r) => r.path.startsWith('/v1/helplines/'));
}

/** The most lookups the sandbox received within any one second. */
function busiestSecond(): number {
	const times = lookups().map((r) => r.at);
	let most = 0;
	for (let i = 0; i < times.length; i++) {
		const inWindow = times.filter((at) => at >= times[i] && at < times[i] + 1000).length;
		most = Math.max(most, inWindow);
	}
	return most;
}

describe('ThroughLine rate limit of 30 calls a second', () => {
	test('the sandbox refuses the 31st call within a second with a 429 and Retry-After', async () => {
		const response = await fetch(`${t.sandbox.url}/throughline/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: 'tl-client-id',
				client_secret: 'x',
			}),
		});
		await response.text();
		const answers = await Promise.all(
			Array.from({ length: 31 }, async () => {
				const r = await fetch(`${t.sandbox.url}/throughline/v1/countries`);
				await r.text();
				return { status: r.status, retryAfter: r.headers.get('retry-after') };
			}),
		);
		expect(answers.filter((a) => a.status === 401)).toHaveLength(30);
		expect(answers.filter((a) => a.status === 429)).toEqual([{ status: 429, retryAfter: '1' }]);
		// The token endpoint (another host at ThroughLine) is not counted.
		expect(t.sandbox.count('throughline', 'rate limited')).toBe(1);
	});

	test('90 lookups side by side take at least 2 s and meet no 429', async () => {
		const started = Date.now();
		const [items] = await t.run(lookup, { items: ids(90) });
		const elapsed = Date.now() - started;
		expect(items).toHaveLength(90);
		expect(elapsed).toBeGreaterThanOrEqual(2000);
		expect(t.sandbox.count('throughline', 'rate limited')).toBe(0);
		expect(lookups()).toHaveLength(90);
		expect(busiestSecond()).toBeLessThanOrEqual(30);
	});

	test('three executions side by side share the limit of the process', async () => {
		const started = Date.now();
		const runs = await Promise.all(
			[1, 2, 3].map(async () => await t.run(lookup, { items: ids(30) })),
		);
		expect(runs.map(([items]) => items.length)).toEqual([30, 30, 30]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
		expect(t.sandbox.count('throughline', 'rate limited')).toBe(0);
		expect(busiestSecond()).toBeLessThanOrEqual(30);
	});

	test('"Requests Per Second" of the credential sets the pace for another contract', async () => {
		t.provider.rateLimit = { limit: 100, windowMs: 1000 };
		const credential = await t.addCredential({ requestsPerSecond: 100 });
		const [items] = await t.run(lookup, { items: ids(150), credential });
		expect(items).toHaveLength(150);
		expect(t.sandbox.count('throughline', 'rate limited')).toBe(0);
		// Faster than ThroughLine's usual 30, never more than the 100 the credential allows.
		expect(busiestSecond()).toBeGreaterThan(30);
		expect(busiestSecond()).toBeLessThanOrEqual(100);
	});

	test('a Requests Per Second below 1 is refused before anything is sent', async () => {
		const credential = await t.addCredential({ requestsPerSecond: 0 });
		const error = await t.run(lookup, { items: ids(1), credential }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(
			/"Requests Per Second" must be a number of at least 1/,
		);
		expect(t.sandbox.log).toHaveLength(0);
	});

	test('a Stop while waiting for a free slot ends the node at once; nothing more is sent', async () => {
		const controller = new AbortController();
		let stoppedAt = 0;
		void sleep(1200).then(() => {
			stoppedAt = Date.now();
			controller.abort();
		});
		const error = (await t
			.run(lookup, { items: ids(200), continueOnFail: true, signal: controller.signal })
			.catch((e: Error) => e)) as NodeOperationError;
		expect(Date.now() - stoppedAt).toBeLessThan(500);
		expect(error).toBeInstanceOf(NodeOperationError);
		// Reads in flight at the Stop are abandoned; those waiting for a slot are not sent.
		expect(error.message).toMatch(/^The execution was stopped /);
		expect(error.description).toMatch(/Items \d+–199 were not started\.$/);
		expect(lookups().filter((r) => r.at > stoppedAt)).toEqual([]);
		expect(lookups().length).toBeLessThanOrEqual(60);
	});
});
