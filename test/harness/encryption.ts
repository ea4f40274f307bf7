/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   Test infrastructure, never published: it runs an HTTP server and reads n8n-core's
   internals, which the rules for code running inside n8n Cloud rightly forbid. */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

import { Cipher, EncryptionKeyProxy } from 'n8n-core';

/**
 * n8n's server gives n8n-core an encryption-key provider at start; without one,
 * `Credentials.setData` cannot encrypt. This gives the test process one data key,
 * wrapped with the instance key the way n8n wraps its keys.
 */

type Container = { get<T>(type: new (...args: never[]) => T): T };

/**
 * A module as n8n-core itself loads it (n8n-core may bring its own copy of
 * @n8n/di or @n8n/client-oauth2; the copy it uses is the one that counts).
 */
export function fromN8nCore<T>(moduleName: string): T {
	const coreDir = dirname(require.resolve('n8n-core'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve(moduleName, { paths: [coreDir] })) as T;
}

function n8nContainer(): Container {
	return fromN8nCore<{ Container: Container }>('@n8n/di').Container;
}

let ready = false;

export function ensureEncryptionKey(): void {
	if (ready) return;
	const container = n8nContainer();
	const cipher = container.get(Cipher) as unknown as {
		encryptWithKey(data: string, key: string, algorithm: string): string;
		dekWrappingKey: string;
	};
	const wrapped = cipher.encryptWithKey(
		randomBytes(32).toString('hex'),
		cipher.dekWrappingKey,
		'aes-256-gcm',
	);
	const key = {
		id: 'test-key',
		value: wrapped,
		algorithm: 'aes-256-gcm',
		format: 'prefixed' as const,
	};
	container.get(EncryptionKeyProxy).setProvider({
		getActiveKey: async () => key,
		getKeyById: async (id: string) => (id === key.id ? key : null),
		getLegacyKey: async () => key,
	});
	ready = true;
}
