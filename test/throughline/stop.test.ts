import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { throughLineFixture } from './context';

/**
 * The execution's Stop, as n8n gives it to a node: the cancel signal of n8n-core's
 * ExecuteContext, aborted while the node runs. Nothing may be sent after it, the
 * node must end at once, and its error must say truly what was sent.
 */

const t = throughLineFixture();

const display = {
	resource: 'event',
	operation: 'recordDisplay',
	helplineId: 'nz-2',
	sessionId: '={{ $json.session }}',
};

const lookup = { resource: 'helpline', operation: 'get', helplineId: '={{ $json.id }}' };

function sessions(count: number) {
	return Array.from({ length: count }, (_, i) => ({ session: `s-${i}` }));
}

/** Displays are recorded, then answered after `delayMs`. */
function answerDisplaysAfter(delayMs: number, times = 1) {
	t.sandbox.inject({
		provider: 'throughline',
		route: 'POST /v1/events/helpline_display',
		kind: 'slow',
		phase: 'after',
		status: 201,
		delayMs,
		times,
	});
}

/** Runs the node, presses Stop after `stopAfterMs`; the outcome, and when each happened. */
async function runAndStop(
	parameters: INodeParameters,
	items: IDataObject[],
	stopAfterMs: number,
	continueOnFail = false,
) {
	const controller = new AbortController();
	const started = Date.now();
	let stoppedAt = 0;
	const stopping = sleep(stopAfterMs).then(() => {
		stoppedAt = Date.now();
		controller.abort();
	});
	const outcome = await t
		.run(parameters, { items, continueOnFail, signal: controller.signal })
		.then((output) => ({ output, error: undefined }))
		.catch((error: NodeOperationError) => ({ output: undefined, error }));
	const endedAt = Date.now();
	await stopping;
	return {
		...outcome,
		endedAfterStopMs: endedAt - stoppedAt,
		sentAfterStop: t.sandbox.log.filter((r) => r.at > stoppedAt),
		started,
	};
}

describe('Stop', () => {
	test.each([false, true])(
		'during a rate-limit wait, the node ends at once, sends nothing more, and says nothing was sent (Continue On Fail: %s)',
		async (continueOnFail) => {
			// A token first, then the first display is refused with "wait 5 s".
			await t.run(display, { items: sessions(1) });
			t.sandbox.inject({
				provider: 'throughline',
				route: 'POST /v1/events/helpline_display',
				kind: 'rateLimit',
				headers: { 'retry-after': '5' },
			});
			const before = t.provider.events.length;
			const result = await runAndStop(display, sessions(4), 700, continueOnFail);
			expect(result.endedAfterStopMs).toBeLessThan(500);
			expect(result.sentAfterStop).toEqual([]);
			expect(t.provider.events.length - before).toBe(0);
			const error = result.error!;
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(
				"The execution was stopped while waiting out ThroughLine's rate limit: nothing was sent after the Stop",
			);
			expect(error.description).toBe(
				'ThroughLine had refused the request (429) before doing anything, and it was not sent again, so nothing was done. Items 1–3 were not started.',
			);
			expect(error.context.itemIndex).toBe(0);
		},
	);

	test('between items: the items after the Stop are not started', async () => {
		// Every display takes 300 ms to answer (processed, then answered).
		answerDisplaysAfter(300, 100);
		const result = await runAndStop(display, sessions(10), 450);
		expect(result.sentAfterStop).toEqual([]);
		expect(result.endedAfterStopMs).toBeLessThan(500);
		const posts = t.sandbox.count('throughline', 'POST /v1/events/helpline_display');
		expect(posts).toBeLessThan(10);
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(/stopped/);
		expect(result.error!.description).toMatch(/Items \d–9 were not started\./);
	});

	test('during a request: the request is abandoned, and the error says it may have arrived', async () => {
		answerDisplaysAfter(3000);
		const result = await runAndStop(display, sessions(3), 500);
		expect(result.endedAfterStopMs).toBeLessThan(500);
		expect(result.sentAfterStop).toEqual([]);
		expect(result.error!.message).toBe(
			'The execution was stopped while the request to ThroughLine was under way',
		);
		expect(result.error!.description).toBe(
			'POST /events/helpline_display was abandoned without an answer: it may have reached ThroughLine, and it was not repeated. Nothing was sent after the Stop. Items 1–2 were not started.',
		);
	});

	test('side-by-side reads stop too, and say that nothing was sent', async () => {
		t.provider.rateLimit = { limit: 100_000, windowMs: 1000 };
		t.sandbox.inject({
			provider: 'throughline',
			route: /^GET \/v1\/helplines\//,
			kind: 'rateLimit',
			headers: { 'retry-after': '30' },
			times: 1000,
		});
		const ids = Array.from({ length: 40 }, (_, i) => ({ id: t.provider.helplines[i].id }));
		const result = await runAndStop(lookup, ids, 500, true);
		expect(result.endedAfterStopMs).toBeLessThan(500);
		expect(result.sentAfterStop).toEqual([]);
		expect(result.error!.message).toMatch(/nothing was sent after the Stop$/);
		expect(result.error!.description).toMatch(/Items \d+–39 were not started\.$/);
	});
});
