import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';

/** Secrets of the triggers: made, fingerprinted, and compared in constant time. */

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
