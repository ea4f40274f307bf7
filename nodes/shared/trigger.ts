import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { rememberDeliveries } from './deliveries';

/**
 * What every trigger of this package does with a delivery, in one place:
 * - reads the raw body, as the provider signed it;
 * - checks a signature or a shared secret in constant time;
 * - refuses a call that fails the check with a 401 of its own, so that n8n
 *   starts no execution;
 * - answers a delivery it does not pass on (a duplicate, an event filtered out)
 *   without starting an execution;
 * - remembers the deliveries it passed on, a bounded number for a bounded time,
 *   in the workflow's static data, so that a delivery sent again starts no second
 *   execution.
 */

export {
	fingerprint,
	hmacSha256Hex,
	newSecret,
	sameSecret,
	verifyHmacSha256Hex,
} from './webhookSecrets';
export {
	DEDUP_ENTRY_LENGTH,
	DEDUP_MAX_AGE_MS,
	DEDUP_MAX_BYTES,
	DEDUP_MAX_ENTRIES,
	deliveryHash,
	deliveryKey,
	memoryEntry,
	rememberDeliveries,
	rememberedDeliveries,
	seenBefore,
} from './deliveries';

// ---- the request -------------------------------------------------------------

/** One header of the request, as text (the first value when it was sent twice). */
export function headerOf(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name.toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first : undefined;
}

/**
 * The body exactly as it arrived. n8n keeps it as `rawBody` on the request for
 * webhook calls; the parsed body is never serialised again to check a signature,
 * since that would not give the bytes the provider signed.
 */
export function rawBodyOf(ctx: IWebhookFunctions): Buffer | undefined {
	const raw = (ctx.getRequestObject() as unknown as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return undefined;
}

/** The parsed JSON body, when it is an object. */
export function jsonBodyOf(ctx: IWebhookFunctions): IDataObject | undefined {
	const body = ctx.getBodyData();
	return body && typeof body === 'object' && !Array.isArray(body) ? body : undefined;
}

// ---- answers -----------------------------------------------------------------

/**
 * Refuses the call: the node itself answers `status` with a short JSON message
 * and tells n8n that it answered, so that no execution starts. The message says
 * what was missing, never what was expected.
 */
export function refuse(
	ctx: IWebhookFunctions,
	message: string,
	status = 401,
): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.status(status).json({ message });
	return { noWebhookResponse: true };
}

/**
 * Passes events on: n8n starts one execution with one item per event and answers
 * the call with `{received: true, started: true}` (for a webhook description whose
 * `responseData` is empty and whose response mode is `onReceived`).
 */
export function start(events: IDataObject[]): IWebhookResponseData {
	return {
		workflowData: [events.map((json) => ({ json }))],
		webhookResponse: { received: true, started: true },
	};
}

/** Accepts the call without starting an execution (a duplicate, an event not chosen). */
export function acknowledge(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, started: false, reason } };
}

// ---- the trigger's step in the execution ---------------------------------------

/**
 * The trigger's own step of an execution it started: remembers the deliveries
 * (see `seenBefore`) and gives each event as an output item, shaped by `output`.
 * The items come from the trigger's `webhook()`, one per delivery.
 */
export function passDeliveries(
	ctx: IExecuteFunctions,
	keyOf: (event: IDataObject) => string,
	output: (event: IDataObject) => IDataObject = (event) => event,
): INodeExecutionData[][] {
	const items = ctx.getInputData();
	if (ctx.getMode() !== 'manual')
		rememberDeliveries(
			ctx,
			items.map((item) => keyOf(item.json)),
		);
	return [items.map((item, index) => ({ json: output(item.json), pairedItem: { item: index } }))];
}
