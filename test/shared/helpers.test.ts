import { describeErrorBody, redact, summariseText } from '../../nodes/shared/errors';
import { collectPages } from '../../nodes/shared/pagination';
import { rateLimitWait } from '../../nodes/shared/rateLimit';
import {
	describeInsecureUrl,
	describeUnsafePath,
	describeUnsafeSegment,
	hasUnsafeSegments,
	isSecureUrl,
} from '../../nodes/shared/url';

describe('rate-limit waits', () => {
	const now = Date.UTC(2026, 10, 23, 12, 0, 0);

	test.each([
		[{ 'Retry-After': '3' }, 3000],
		[{ 'retry-after': new Date(now + 5000).toUTCString() }, 5000],
		[{ 'RateLimit-Reset': String(now / 1000 + 7) }, 7000], // epoch seconds
		[{ 'ratelimit-reset': String(now + 4000) }, 4000], // epoch milliseconds
		[{ 'ratelimit-reset': '1500' }, 1500], // 1500 s is past the cap: milliseconds to wait
		[{ 'x-ratelimit-reset': ['2500'] }, 2500],
		[{ 'ratelimit-reset': '3' }, 3000], // seconds (the IETF draft), the longer reading
		[{ 'ratelimit-reset': '90' }, 90000],
		[{ 'ratelimit-reset': String(now / 1000 - 10) }, 1000], // already past: the floor
		[{ 'Retry-After': '0' }, 1000], // never at once
		[{ 'Retry-After': '-5' }, 1000],
		[{ 'Retry-After': new Date(now - 5000).toUTCString() }, 1000],
	])('%j → %i ms, as the provider said', (headers, expected) => {
		expect(rateLimitWait(headers, 0, now)).toEqual({ ms: expected, fromProvider: true });
	});

	test('without headers the wait doubles with each attempt, and says it is a guess', () => {
		expect([0, 1, 2, 3].map((attempt) => rateLimitWait(undefined, attempt, now))).toEqual(
			[1000, 2000, 4000, 8000].map((ms) => ({ ms, fromProvider: false })),
		);
		expect(rateLimitWait({ 'retry-after': '' }, 0, now).fromProvider).toBe(false);
	});
});

describe('secure URLs', () => {
	test.each([
		'https://api.throughlinecare.com/v1',
		'https://acme.thinkific.com/oauth2/token',
		'http://127.0.0.1:8080/x',
		'http://localhost/x',
		'http://[::1]:3000/',
	])('%s is accepted', (url) => expect(isSecureUrl(url)).toBe(true));

	test.each([
		'http://api.example.com/v1',
		'http://127.0.0.1.example.com/',
		'http://localhost.example.com/',
		'https://user:pass@api.example.com/',
		'https://api.example.com/?token=1',
		'https://api.example.com/#x',
		'ftp://api.example.com/',
		'javascript:alert(1)',
		'',
	])('%s is refused', (url) => expect(isSecureUrl(url)).toBe(false));

	test('the reason names what is wrong', () => {
		expect(describeInsecureUrl('')).toBe('is empty');
		expect(describeInsecureUrl('http://x.example')).toMatch(/must be an https:\/\/ URL/);
		expect(describeInsecureUrl('https://x.example/')).toBeUndefined();
	});
});

describe('error bodies and redaction', () => {
	test.each([
		[{ error: 'Record not found.' }, 'Record not found.', undefined],
		[{ message: 'Unauthorized' }, 'Unauthorized', undefined],
		[
			{ errors: { email: ['has already been taken'] } },
			'email has already been taken',
			'email has already been taken',
		],
		[
			{
				message: 'The given data was invalid.',
				errors: { 'recipients.0.address': ['is required'] },
			},
			'The given data was invalid.',
			'recipients.0.address is required',
		],
		[{ errors: ['first', 'second'] }, 'first; second', 'first; second'],
		[{ error: { message: 'nested' } }, 'nested', undefined],
	])('%j', (body, message, details) => {
		expect(describeErrorBody(body)).toEqual({ message, details });
	});

	test('an HTML page is named, with its title, never copied', () => {
		const page =
			'<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>x</body></html>';
		expect(describeErrorBody(page)).toEqual({
			message: 'an HTML page ("503 Service Unavailable")',
		});
		expect(summariseText('<html><body>no title</body></html>')).toBe('an HTML page');
		expect(summariseText('x'.repeat(300))).toBe(`${'x'.repeat(200)}…`);
	});

	test('secrets are replaced wherever they appear', () => {
		expect(redact('token abcd1234 and abcd1234 again', ['abcd1234', 'xy'])).toBe(
			'token *** and *** again',
		);
	});
});

describe('collecting pages', () => {
	const source = Array.from({ length: 1030 }, (_, i) => i);
	function pager(calls: Array<[number, number]>) {
		return async (page: number, size: number) => {
			calls.push([page, size]);
			const items = source.slice((page - 1) * size, page * size);
			return { items, hasMore: page * size < source.length };
		};
	}

	test('every page at the largest size', async () => {
		const calls: Array<[number, number]> = [];
		const all = await collectPages({ maxPageSize: 250 }, pager(calls));
		expect(all).toEqual(source);
		expect(calls).toEqual([
			[1, 250],
			[2, 250],
			[3, 250],
			[4, 250],
			[5, 250],
		]);
	});

	test('stops at the limit and asks only for what is needed', async () => {
		const calls: Array<[number, number]> = [];
		expect(await collectPages({ maxPageSize: 250, limit: 30 }, pager(calls))).toEqual(
			source.slice(0, 30),
		);
		expect(calls).toEqual([[1, 30]]);
	});

	test('a limit beyond one page keeps every page the same size, so pages do not overlap', async () => {
		const calls: Array<[number, number]> = [];
		expect(await collectPages({ maxPageSize: 250, limit: 300 }, pager(calls))).toEqual(
			source.slice(0, 300),
		);
		expect(calls).toEqual([
			[1, 250],
			[2, 250],
		]);
	});

	test('a page that repeats an earlier one ends the list there, and says so', async () => {
		const repeats: number[] = [];
		let calls = 0;
		const all = await collectPages(
			{ maxPageSize: 2, onRepeat: (page) => repeats.push(page) },
			async () => {
				calls++;
				return { items: [{ id: 1 }, { id: 2 }], hasMore: true };
			},
		);
		expect(all).toEqual([{ id: 1 }, { id: 2 }]);
		expect(calls).toBe(2);
		expect(repeats).toEqual([2]);
	});

	test('a list that never ends is given up after the page cap, with an error', async () => {
		let calls = 0;
		const endless = collectPages(
			{ maxPageSize: 2, maxPages: 5, tooManyPages: (pages) => new Error(`gave up after ${pages}`) },
			async (page) => {
				calls++;
				return { items: [{ id: page * 2 }, { id: page * 2 + 1 }], hasMore: true };
			},
		);
		await expect(endless).rejects.toThrow('gave up after 5');
		expect(calls).toBe(5);
	});

	test('an empty page ends the list even if the provider says there is more', async () => {
		let pages = 0;
		const all = await collectPages({ maxPageSize: 10 }, async () => {
			pages++;
			return { items: pages === 1 ? [1, 2] : [], hasMore: true };
		});
		expect(all).toEqual([1, 2]);
		expect(pages).toBe(2);
	});
});

describe('user-typed API paths', () => {
	test.each(['/checks', '/user/v7/checks/123/notes', '/files/a%20b'])('%s is accepted', (path) =>
		expect(describeUnsafePath(path)).toBeUndefined(),
	);
	test.each([
		'checks',
		'//evil.example/x',
		'/../admin',
		'/a/%2e%2e/b',
		'/a%2fb',
		'/x?token=1',
		'https://evil.example/',
		'/https://evil.example',
		'/a\\b',
	])('%s is refused', (path) => expect(describeUnsafePath(path)).toBeDefined());
});

describe('IDs in URL paths', () => {
	test.each(['', '.', '..'])('%j is refused as a path segment', (id) =>
		expect(describeUnsafeSegment(id)).toBeDefined(),
	);
	test.each(['1', 'abc', '...', 'a.b', '.hidden'])('%j is a path segment', (id) =>
		expect(describeUnsafeSegment(id)).toBeUndefined(),
	);
	test.each(['/users/..', '/users/./x', '/a//b', '/users/%2E%2e'])(
		'the transport refuses the built path %s',
		(path) => expect(hasUnsafeSegments(path)).toBe(true),
	);
	test.each(['/users/1', '/mailing-lists/', '/users/a%2Fb', '/'])(
		'the transport sends the built path %s',
		(path) => expect(hasUnsafeSegments(path)).toBe(false),
	);
});
