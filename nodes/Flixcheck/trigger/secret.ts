import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/** The shortest secret the trigger accepts. */
export const MIN_SECRET_LENGTH = 16;

/** How to make a secret, as the credential's notice and its Test say. */
export const MAKE_A_SECRET = 'for example the output of "openssl rand -hex 32"';

/** An HTTP header name (RFC 9110 token); a few that proxies or Flixcheck itself set are refused. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const RESERVED = new Set([
	'content-type',
	'content-length',
	'host',
	'connection',
	'transfer-encoding',
	'user-agent',
	'accept',
	'accept-encoding',
]);

export interface WebhookSecret {
	header: string;
	secret: string;
}

/**
 * The credential's header (lowercased) and secret, or why they cannot be used: the
 * one reading of the credential that both its Test and every delivery use. Spaces
 * around either are dropped, as a pasted value often has them and an HTTP header
 * value never carries them (they are not part of the value).
 */
export function readSecret(credentials: ICredentialDataDecryptedObject): WebhookSecret | string {
	const header = String(credentials.headerName ?? '').trim();
	const secret = String(credentials.secret ?? '').trim();
	if (!TOKEN.test(header) || RESERVED.has(header.toLowerCase())) {
		return `"${header.slice(0, 60)}" cannot be used as the header name: use a name such as X-Flixcheck-Webhook-Secret`;
	}
	if (secret.length < MIN_SECRET_LENGTH) {
		return `The secret is ${secret === '' ? 'empty' : 'too short'}: use at least ${MIN_SECRET_LENGTH} characters, ${MAKE_A_SECRET}`;
	}
	return { header: header.toLowerCase(), secret };
}

/**
 * The credential's Test: whether the header name and the secret can be used, and
 * if not, what to do. It never shows a secret.
 */
export async function testWebhookSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const read = readSecret(credential.data ?? {});
	if (typeof read !== 'string') {
		return { status: 'OK', message: 'The header name and the secret can be used' };
	}
	return { status: 'Error', message: `${read}.` };
}
