/* eslint-disable @n8n/community-nodes/no-restricted-globals --
   Test infrastructure, never published: a command-line entry that reads its port. */
import { createSandbox } from './index';

/**
 * Runs the provider sandbox on its own: `npm run sandbox -- <port>` (default 5680).
 * Every provider of this package answers under `/<provider>` on 127.0.0.1 until the
 * process is stopped.
 */
async function main() {
	const port = Number(process.argv[2] ?? 5680);
	const sandbox = createSandbox();
	const url = await sandbox.start(port);
	process.stdout.write(`Provider sandbox on ${url}\n`);
	const stop = () => {
		void sandbox.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
