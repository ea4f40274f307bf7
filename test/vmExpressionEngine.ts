import { Expression } from 'n8n-workflow';

/**
 * n8n 2.x servers evaluate expressions in isolates (isolated-vm, its default "vm" engine),
 * not in-process as n8n-workflow does by default. This turns that engine on for a test
 * file, with the defaults of n8n 2.x's configuration (`test/jest.vm.config.js`).
 */
beforeAll(async () => {
	await Expression.initExpressionEngine({
		engine: 'vm',
		poolSize: 1,
		maxCodeCacheSize: 1024,
		bridgeTimeout: 5000,
		bridgeMemoryLimit: 128,
		sharedCaller: true,
	});
	if (Expression.getActiveImplementation() !== 'vm') {
		throw new Error("n8n's isolated expression engine did not start");
	}
});

afterAll(async () => {
	await Expression.disposeExpressionEngine();
});
