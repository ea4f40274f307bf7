import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { fingerprint } from './webhookSecrets';

/** De-duplication: the deliveries a trigger passed on, remembered for a bounded time. */

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
