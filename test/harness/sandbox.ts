import type { Provider } from '../sandbox/server';
import { Sandbox } from '../sandbox/server';

/**
 * Serves one provider's sandbox for a test file: started before the first test,
 * reset (counters, faults, tokens, records) before each test, stopped after the last.
 */
export function useSandbox<P extends Provider>(
	create: () => P,
): {
	readonly sandbox: Sandbox;
	readonly provider: P;
} {
	let sandbox: Sandbox | undefined;
	let provider: P | undefined;
	beforeAll(async () => {
		provider = create();
		sandbox = new Sandbox([provider]);
		await sandbox.start();
	});
	afterAll(async () => {
		await sandbox?.stop();
	});
	beforeEach(() => {
		sandbox!.reset();
	});
	return {
		get sandbox() {
			return sandbox!;
		},
		get provider() {
			return provider!;
		},
	};
}
