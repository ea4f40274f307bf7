import type { INodeProperties, NodeExecutionHint } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { resources } from '../../nodes/ThanksIo/actions';
import { person, postcard, thanksIoFixture } from './context';

const t = thanksIoFixture();

describe('a 403 that is not about the token', () => {
	test("under the credential's own refresh codes (401 and 403, as n8n 2.x reads them), one refresh at most per execution, and nothing sent twice", async () => {
		t.sandbox.inject({
			provider: 'thanksio',
			route: 'POST /api/v2/send/postcard',
			kind: 'status',
			status: 403,
			times: 100,
		});
		const [items] = await t.run(
			{ ...postcard },
			{ items: [person(1), person(2)], continueOnFail: true },
		);
		// Item 1: refused, one refresh, refused again; item 2: refused once, no refresh.
		expect(t.sandbox.count('thanksio', 'refresh requests')).toBe(1);
		expect(t.sandbox.count('thanksio', 'POST /api/v2/send/postcard')).toBe(3);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(0);
		expect(items.map((i) => i.json)).toEqual([
			{
				error: 'thanks.io answered 403: Internal Server Error',
				description: 'Check that the credential is connected and allowed to do this.',
				httpCode: '403',
			},
			{
				error: 'thanks.io answered 403: Internal Server Error',
				description: 'Check that the credential is connected and allowed to do this.',
				httpCode: '403',
			},
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(t.secretsIn(items)).toEqual([]);
	});

	test('a token that expired early is still renewed once and the send goes through, once', async () => {
		t.provider.auth.expireAccessTokens();
		const [items] = await t.run(postcard, { items: [person(1), person(2)] });
		expect(items.map((i) => i.json.status)).toEqual(['reviewing', 'reviewing']);
		expect(t.sandbox.count('thanksio', 'refresh requests')).toBe(1);
		expect(t.sandbox.count('thanksio', 'POST /api/v2/send/postcard')).toBe(3);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(2);
	});
});

describe('Retry On Fail', () => {
	const sending = Object.entries(resources).flatMap(([resource, operations]) =>
		Object.entries(operations)
			.filter(([, operation]) => operation.sendsOnce)
			.map(([name]) => [resource, name]),
	);

	test('every operation that sends, creates or charges shows the notice, and only those', () => {
		expect(sending).toEqual(
			expect.arrayContaining([
				['mailer', 'sendPostcard'],
				['mailer', 'sendLetter'],
				['mailer', 'sendWindowlessLetter'],
				['mailer', 'sendNotecard'],
				['mailer', 'sendGiftCard'],
				['mailer', 'sendMagnacard'],
				['mailingList', 'create'],
				['recipient', 'create'],
				['recipient', 'createMany'],
			]),
		);
		const notices = t.node.description.properties.filter(
			(p: INodeProperties) => p.name === 'sendsOnceNotice',
		);
		const shown = notices.map((p) => [
			p.displayOptions!.show!.resource![0],
			p.displayOptions!.show!.operation![0],
		]);
		expect(shown.sort()).toEqual([...sending].sort());
		expect(notices[0].displayName).toMatch(/Retry On Fail/);
		expect(notices[0].displayName).toMatch(/would be sent again/);
	});

	test('with Retry On Fail on, a send warns in its output', async () => {
		const hints: NodeExecutionHint[] = [];
		await t.run(postcard, { items: [person(1)], settings: { retryOnFail: true }, hints });
		expect(hints).toEqual([
			expect.objectContaining({ type: 'warning', message: expect.stringMatching(/Retry On Fail/) }),
		]);
		const quiet: NodeExecutionHint[] = [];
		await t.run(postcard, { items: [person(2)], hints: quiet });
		await t.run(
			{ resource: 'mailingList', operation: 'getAll', returnAll: true },
			{ settings: { retryOnFail: true }, hints: quiet },
		);
		expect(quiet).toEqual([]);
	});
});

describe('a pager that does not advance', () => {
	test('a Laravel list whose page number is ignored ends at the repeated page', async () => {
		t.provider.addMailingLists(150);
		t.sandbox.inject({
			provider: 'thanksio',
			route: 'GET /api/v2/mailing-lists/',
			kind: 'stuckPager',
			times: 1000,
		});
		const hints: NodeExecutionHint[] = [];
		const [items] = await t.run(
			{ resource: 'mailingList', operation: 'getAll', returnAll: true },
			{ hints },
		);
		expect(items).toHaveLength(100);
		expect(t.sandbox.count('thanksio', 'GET /api/v2/mailing-lists/')).toBe(2);
		expect(hints).toHaveLength(1);
	}, 30_000);
});

describe('answers that are not JSON', () => {
	test('a send answered with a page that echoes the token: masked, and said to be done', async () => {
		t.sandbox.inject({
			provider: 'thanksio',
			route: 'POST /api/v2/send/postcard',
			kind: 'echo',
			phase: 'after',
		});
		const error = (await t
			.run(postcard, { items: [person(1)] })
			.catch((e: Error) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toMatch(/authorization: Bearer \*\*\*/);
		expect(error.description).toMatch(/thanks\.io accepted the request \(status 200\)/);
		expect(t.secretsIn(error)).toEqual([]);
		expect(t.sandbox.count('thanksio', 'mailers sent')).toBe(1);
		expect(t.sandbox.count('thanksio', 'POST /api/v2/send/postcard')).toBe(1);
	});
});
