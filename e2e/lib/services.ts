/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   End-to-end tooling, never published: it starts the database and queue that n8n's
   queue mode needs, which the rules for code running inside n8n Cloud rightly forbid. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort, sleepMs } from './n8n';

/**
 * PostgreSQL and Redis from the machine's Debian packages (`postgresql`,
 * `redis-server`), started on 127.0.0.1 with free ports and their data in a
 * temporary folder, for n8n's queue mode. Nothing is installed here: `.ci/run`
 * installs the packages, and the README says how.
 */

export const INSTALL_HINT =
	'n8n queue mode needs PostgreSQL and Redis: on Debian or Ubuntu, `sudo apt-get install -y postgresql redis-server`.';

function which(binary: string): string | undefined {
	const result = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
	const found = result.stdout.trim();
	return result.status === 0 && found ? found : undefined;
}

/** Debian keeps initdb and pg_ctl in /usr/lib/postgresql/<version>/bin. */
function postgresBin(name: string): string | undefined {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		for (const version of readdirSync(root).sort().reverse()) {
			const candidate = path.join(root, version, 'bin', name);
			if (existsSync(candidate)) return candidate;
		}
	}
	return which(name);
}

/** Runs a command, as the `postgres` user when this process is root (PostgreSQL refuses root). */
function runAs(user: string | undefined, command: string, args: string[]) {
	const [bin, argv] =
		user === undefined ? [command, args] : ['runuser', ['-u', user, '--', command, ...args]];
	const result = spawnSync(bin, argv, { encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (exit ${result.status}):\n${(result.stderr || result.stdout).slice(-2000)}`,
		);
	}
	return result.stdout;
}

export interface Services {
	postgres: { host: string; port: number; user: string; database: string };
	redis: { host: string; port: number };
	stop(): Promise<void>;
}

export async function startServices(database = 'n8n'): Promise<Services> {
	const initdb = postgresBin('initdb');
	const pgCtl = postgresBin('pg_ctl');
	const psql = postgresBin('psql');
	const redisServer = which('redis-server');
	const missing = [
		!initdb || !pgCtl || !psql ? 'PostgreSQL (initdb, pg_ctl, psql)' : '',
		!redisServer ? 'redis-server' : '',
	].filter(Boolean);
	if (missing.length) throw new Error(`${missing.join(' and ')} not found. ${INSTALL_HINT}`);

	const root = mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-services-'));
	const asRoot = process.getuid?.() === 0;
	const pgUser = asRoot ? 'postgres' : undefined;
	const pgData = path.join(root, 'postgres');
	mkdirSync(pgData);
	if (asRoot) {
		const uid = Number(runAs(undefined, 'id', ['-u', 'postgres']).trim());
		const gid = Number(runAs(undefined, 'id', ['-g', 'postgres']).trim());
		chmodSync(root, 0o755);
		chownSync(pgData, uid, gid);
	}
	runAs(pgUser, initdb!, ['-D', pgData, '-A', 'trust', '-U', 'postgres', '--no-sync']);
	const pgPort = await freePort();
	runAs(pgUser, pgCtl!, [
		'-D',
		pgData,
		'-l',
		path.join(pgData, 'server.log'),
		'-o',
		`-p ${pgPort} -k ${pgData} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
		'-w',
		'start',
	]);
	runAs(undefined, psql!, [
		'-h',
		'127.0.0.1',
		'-p',
		String(pgPort),
		'-U',
		'postgres',
		'-c',
		`CREATE DATABASE ${database}`,
	]);

	const redisPort = await freePort();
	const redisDir = path.join(root, 'redis');
	mkdirSync(redisDir);
	const redis: ChildProcess = spawn(
		redisServer!,
		[
			'--port',
			String(redisPort),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			redisDir,
		],
		{ stdio: 'ignore' },
	);
	let redisExited = false;
	redis.on('exit', () => (redisExited = true));
	const deadline = Date.now() + 20000;
	while (!redisExited && Date.now() < deadline) {
		const ping = spawnSync('redis-cli', ['-p', String(redisPort), 'ping'], { encoding: 'utf8' });
		if (ping.stdout.trim() === 'PONG') break;
		await sleepMs(200);
	}
	if (redisExited) throw new Error('redis-server exited while starting');

	return {
		postgres: { host: '127.0.0.1', port: pgPort, user: 'postgres', database },
		redis: { host: '127.0.0.1', port: redisPort },
		async stop() {
			if (!redisExited) {
				const done = new Promise((resolve) => redis.once('exit', resolve));
				redis.kill('SIGTERM');
				await done;
			}
			try {
				runAs(pgUser, pgCtl!, ['-D', pgData, '-m', 'fast', 'stop']);
			} finally {
				rmSync(root, { recursive: true, force: true });
			}
		},
	};
}
