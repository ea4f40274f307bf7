import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

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

// ---- secrets -----------------------------------------------------------------

/** A new random secret: `bytes` random bytes as hex. */
export function newSecret(bytes = 32): string {
	return randomBytes(bytes).toString('hex');
}

/** SHA-256 of a text, as hex. Used to keep a fingerprint of a secret instead of the secret. */
export function fingerprint(value: string): string {
	return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * Whether `given` equals `expected`, compared in constant time: both are hashed
 * first, so the buffers compared have the same length whatever was given, and
 * the time taken says nothing about the secret.
 */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || given === '' || expected === '') return false;
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

/** The hex HMAC-SHA256 of `data` keyed with `key`. */
export function hmacSha256Hex(key: string, data: Buffer | string): string {
	return createHmac('sha256', key).update(data).digest('hex');
}

/**
 * Whether `signature` is the hex HMAC-SHA256 of `body` keyed with `key`. The
 * hex is compared as bytes of the same length, in constant time; a signature
 * that is not 64 hex digits is refused before any comparison.
 */
export function verifyHmacSha256Hex(body: Buffer, key: string, signature: unknown): boolean {
	if (key === '' || typeof signature !== 'string') return false;
	const given = signature.trim().toLowerCase();
	if (!/^[0-9a-f]{64}$/.test(given)) return false;
	const expected = createHmac('sha256', key).update(body).digest();
	return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}

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

// ---- de-duplication ----------------------------------------------------------

/**
 * How many deliveries are remembered per trigger node, and for how long: the last
 * 2,000, for at most 72 hours. Each is one fixed-length entry of a single string in
 * the node's static data (11 characters of a SHA-256 of its key, 5 of the minute it
 * was first seen, base 36), so the memory never takes more than 32,000 bytes,
 * whatever the provider's IDs look like. n8n saves static data whole at the end of
 * each execution (n8n 1.x also with each execution): it must stay small.
 */
export const DEDUP_MAX_ENTRIES = 2000;
export const DEDUP_MAX_AGE_MS = 72 * 60 * 60 * 1000;
export const DEDUP_ENTRY_LENGTH = 16;
export const DEDUP_MAX_BYTES = DEDUP_MAX_ENTRIES * DEDUP_ENTRY_LENGTH;

const HASH_LENGTH = 11;
const TIME_LENGTH = DEDUP_ENTRY_LENGTH - HASH_LENGTH;
const MINUTE_MS = 60_000;
const MAX_AGE_MINUTES = DEDUP_MAX_AGE_MS / MINUTE_MS;

/** The part of a node's static data that remembers deliveries. */
interface DeliveryMemory {
	deliveries?: unknown;
}

/** One remembered delivery: its key's hash, and the minute it was first seen. */
interface Remembered {
	hash: string;
	minute: number;
}

/**
 * Deliveries passed on by this n8n process, for calls that arrive while the first
 * is still being handled (before n8n has saved the static data): workflow, node
 * and key → time first seen. Bounded; static data remains the lasting record.
 */
const inProcess = new Map<string, number>();
const IN_PROCESS_MAX_ENTRIES = 5000;

/** The short, fixed-length hash a delivery key is remembered by. */
export function deliveryHash(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest('base64url').slice(0, HASH_LENGTH);
}

/** The static-data entry of a delivery `key` first seen at `at` (ms). */
export function memoryEntry(key: string, at: number): string {
	return encode({ hash: deliveryHash(key), minute: Math.floor(at / MINUTE_MS) });
}

/**
 * The deliveries remembered in a node's static data, oldest first. Memory kept by
 * an earlier version of the trigger (an object of key → time in ms) is read too.
 */
export function rememberedDeliveries(staticData: IDataObject): Remembered[] {
	const stored = (staticData as DeliveryMemory).deliveries;
	if (typeof stored === 'string') {
		const entries: Remembered[] = [];
		for (let i = 0; i + DEDUP_ENTRY_LENGTH <= stored.length; i += DEDUP_ENTRY_LENGTH) {
			entries.push({ hash: stored.slice(i, i + HASH_LENGTH), minute: minuteAt(stored, i) });
		}
		return entries;
	}
	if (stored && typeof stored === 'object') {
		return Object.entries(stored as Record<string, unknown>)
			.filter((entry): entry is [string, number] => typeof entry[1] === 'number')
			.sort((a, b) => a[1] - b[1])
			.map(([key, at]) => ({ hash: deliveryHash(key), minute: Math.floor(at / MINUTE_MS) }));
	}
	return [];
}

function encode(entry: Remembered): string {
	return `${entry.hash}${entry.minute.toString(36).padStart(TIME_LENGTH, '0')}`;
}

/** The memory as one string of entries, oldest first (an earlier version's object is converted). */
function memoryText(staticData: IDataObject): string {
	const stored = (staticData as DeliveryMemory).deliveries;
	const text =
		typeof stored === 'string' ? stored : rememberedDeliveries(staticData).map(encode).join('');
	return text.slice(0, text.length - (text.length % DEDUP_ENTRY_LENGTH));
}

function minuteAt(text: string, offset: number): number {
	return parseInt(text.slice(offset + HASH_LENGTH, offset + DEDUP_ENTRY_LENGTH), 36);
}

function isFresh(minute: number, now: number): boolean {
	return Math.floor(now / MINUTE_MS) - minute <= MAX_AGE_MINUTES;
}

/** Whether the memory holds `hash`, seen within the window. */
function holds(text: string, hash: string, now: number): boolean {
	for (let i = text.indexOf(hash); i >= 0; i = text.indexOf(hash, i + 1)) {
		if (i % DEDUP_ENTRY_LENGTH === 0 && isFresh(minuteAt(text, i), now)) return true;
	}
	return false;
}

/**
 * Writes the memory back within its bounds: entries come in the order they were
 * first seen, so those past the age limit are dropped from the front, then the
 * oldest beyond the count.
 */
function keep(staticData: IDataObject, text: string, now: number): void {
	let start = 0;
	while (start < text.length && !isFresh(minuteAt(text, start), now)) {
		start += DEDUP_ENTRY_LENGTH;
	}
	const kept = text.slice(Math.max(start, text.length - DEDUP_MAX_BYTES));
	const memory = staticData as DeliveryMemory;
	if (memory.deliveries !== kept) memory.deliveries = kept;
}

function appended(text: string, hash: string, now: number): string {
	return text + encode({ hash, minute: Math.floor(now / MINUTE_MS) });
}

/** A delivery key: the provider's event ID, or a hash of the event when it has none. */
export function deliveryKey(eventId: unknown, event: unknown): string {
	if ((typeof eventId === 'string' && eventId !== '') || typeof eventId === 'number') {
		const id = String(eventId);
		return id.length <= 64 ? id : fingerprint(id).slice(0, 40);
	}
	return `sha256:${fingerprint(JSON.stringify(event ?? null)).slice(0, 40)}`;
}

function processKey(ctx: IWebhookFunctions | IExecuteFunctions, key: string): string {
	return `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().id}\u0000${deliveryHash(key)}`;
}

/**
 * Whether the delivery `key` was passed on before, within the window; if not, it
 * is remembered now. n8n 1.x saves what a webhook call writes to static data;
 * n8n 2.x does not when the call starts an execution, so the trigger's own step
 * of that execution remembers the key again (`rememberDeliveries`), which every
 * n8n version saves when the execution ends. A rollback of static data (an older
 * execution writing back what it read) can only forget deliveries: a duplicate
 * may then pass, never a new delivery be refused.
 */
export function seenBefore(ctx: IWebhookFunctions, key: string, now = Date.now()): boolean {
	// A test event (the editor's test URL) is always passed on: nothing is remembered.
	if (ctx.getMode() === 'manual') return false;
	const staticData = ctx.getWorkflowStaticData('node');
	const text = memoryText(staticData);
	const hash = deliveryHash(key);
	const local = processKey(ctx, key);
	const localAt = inProcess.get(local);
	if (holds(text, hash, now) || (localAt !== undefined && now - localAt <= DEDUP_MAX_AGE_MS)) {
		return true;
	}
	keep(staticData, appended(text, hash, now), now);
	inProcess.set(local, now);
	if (inProcess.size > IN_PROCESS_MAX_ENTRIES) {
		const oldest = [...inProcess.entries()].sort((a, b) => a[1] - b[1]);
		for (const [k] of oldest.slice(0, inProcess.size - IN_PROCESS_MAX_ENTRIES)) {
			inProcess.delete(k);
		}
	}
	return false;
}

/** Remembers delivery keys in the node's static data, from a step of the execution. */
export function rememberDeliveries(ctx: IExecuteFunctions, keys: string[], now = Date.now()): void {
	if (keys.length === 0) return;
	const staticData = ctx.getWorkflowStaticData('node');
	let text = memoryText(staticData);
	for (const key of keys) {
		const hash = deliveryHash(key);
		if (!holds(text, hash, now)) text = appended(text, hash, now);
	}
	keep(staticData, text, now);
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
