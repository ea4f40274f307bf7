/* eslint-disable no-console --
   Benchmark, never published: its result is what it prints. */
import { ThinkificApi } from '../../credentials/ThinkificApi.credentials';
import { ThinkificOAuth2Api } from '../../credentials/ThinkificOAuth2Api.credentials';
import { Thinkific } from '../../nodes/Thinkific/Thinkific.node';
import { CredentialStore, executeNode } from '../harness';
import { Sandbox } from '../sandbox';
import { THINKIFIC_API_KEY, THINKIFIC_SUBDOMAIN, ThinkificProvider } from '../sandbox/thinkific';

/**
 * Get Many of 10,000 users: the node (n8n-core's ExecuteContext, the credential's
 * headers, the shared transport and pager) against a plain `fetch` loop over the
 * same 40 pages of the same provider sandbox, in the same run. Reports the
 * medians and their ratio; it measures, it does not judge. Benchmarks are not
 * part of `npm test`; run them with `npm run bench` (jest with a test match for
 * `.bench.ts` files, one file at a time).
 */

const USERS = 10_000;
const PAGE_SIZE = 250;
const ROUNDS = 5;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

describe('benchmark: Thinkific Get Many of 10,000 users', () => {
	const sandbox = new Sandbox([new ThinkificProvider()]);
	let provider: ThinkificProvider;

	beforeAll(async () => {
		await sandbox.start();
		provider = sandbox.provider<ThinkificProvider>('thinkific');
		provider.seedUsers(USERS);
		// The benchmark measures the client, not the provider's per-minute limit.
		provider.rateLimit = { limit: 1_000_000, windowMs: 60_000 };
	});

	afterAll(async () => {
		await sandbox.stop();
	});

	test('node against a plain fetch loop', async () => {
		const apiBaseUrl = `${sandbox.url}/thinkific/api/public/v1`;
		const store = new CredentialStore([new ThinkificApi(), new ThinkificOAuth2Api()]);
		const credential = await store.add('thinkificApi', {
			apiKey: THINKIFIC_API_KEY,
			subdomain: THINKIFIC_SUBDOMAIN,
			apiBaseUrl,
		});
		const node = new Thinkific();

		async function viaNode(): Promise<number> {
			const [items] = await executeNode({
				nodeType: node,
				parameters: {
					authentication: 'thinkificApi',
					resource: 'user',
					operation: 'getAll',
					returnAll: true,
				},
				credentials: { thinkificApi: credential },
				store,
			});
			return items.length;
		}

		async function viaFetch(): Promise<number> {
			const all: unknown[] = [];
			for (let page = 1; ; page++) {
				const response = await fetch(`${apiBaseUrl}/users?page=${page}&limit=${PAGE_SIZE}`, {
					headers: {
						Accept: 'application/json',
						'X-Auth-API-Key': THINKIFIC_API_KEY,
						'X-Auth-Subdomain': THINKIFIC_SUBDOMAIN,
					},
				});
				const body = (await response.json()) as {
					items: unknown[];
					meta: { pagination: { next_page: number | null } };
				};
				all.push(...body.items);
				if (body.meta.pagination.next_page === null) break;
			}
			return all.length;
		}

		// One warm-up of each, then alternate so that both see the same conditions.
		expect(await viaNode()).toBe(USERS);
		expect(await viaFetch()).toBe(USERS);
		const nodeMs: number[] = [];
		const fetchMs: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			let started = performance.now();
			expect(await viaNode()).toBe(USERS);
			nodeMs.push(performance.now() - started);
			started = performance.now();
			expect(await viaFetch()).toBe(USERS);
			fetchMs.push(performance.now() - started);
		}
		const requestsPerRun =
			sandbox.count('thinkific', 'GET /api/public/v1/users') / (ROUNDS + 1) / 2;
		expect(requestsPerRun).toBe(USERS / PAGE_SIZE);

		const node50 = median(nodeMs);
		const fetch50 = median(fetchMs);
		const lines = [
			`Thinkific Get Many of ${USERS} users, ${USERS / PAGE_SIZE} requests each, median of ${ROUNDS} runs:`,
			`  node (n8n-core ExecuteContext): ${node50.toFixed(1)} ms  [${nodeMs.map((m) => m.toFixed(0)).join(', ')}]`,
			`  plain fetch loop:               ${fetch50.toFixed(1)} ms  [${fetchMs.map((m) => m.toFixed(0)).join(', ')}]`,
			`  ratio node / fetch:             ${(node50 / fetch50).toFixed(2)}`,
		];
		console.log(lines.join('\n'));
	});
});
