/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   Test tooling, never published: it runs jest on the Node.js 24 the end-to-end suite installs. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { ensureNode24, REPO } from './lib/install';

/**
 * `npm run test:params:vm`: the parameter-reading test with n8n 2.x's isolated expression
 * engine (test/jest.vm.config.js). Its isolated-vm build needs Node.js 24, installed into
 * the n8n cache as for the end-to-end suite; jest's own arguments follow the script's.
 */
async function main(): Promise<number> {
	const node = await ensureNode24();
	const jest = path.join(REPO, 'node_modules', 'jest', 'bin', 'jest.js');
	const config = path.join(REPO, 'test', 'jest.vm.config.js');
	// n8n-workflow loads the engine with a dynamic import, which jest runs only with this flag.
	const args = ['--experimental-vm-modules', jest, '--config', config, ...process.argv.slice(2)];
	const run = spawnSync(node, args, { cwd: REPO, stdio: 'inherit' });
	return run.status ?? 1;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	},
);
