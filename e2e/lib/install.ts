/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   End-to-end tooling, never published: it installs, starts and drives n8n servers,
   which the rules for code running inside n8n Cloud rightly forbid. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Installs the pinned n8n releases (and the Node.js 24 that n8n 2.x needs) into a
 * cache folder, once. Later runs reuse it.
 *
 * - n8n is installed with `--ignore-scripts` (an optional Kafka native module of
 *   n8n fails to build otherwise), then sqlite3, the only native module n8n needs
 *   with its embedded SQLite database, is built once with node-gyp. It is an N-API
 *   module, so one build serves every Node.js version.
 * - n8n 1.x depends on an `xlsx` tarball outside the npm registry: an override
 *   takes the registry's copy instead.
 * - Node.js 24 comes from the npm registry's `node-<platform>-<arch>` package (the
 *   binary the `node` package installs).
 */

export const N8N_2 = '2.40.7';
export const N8N_1 = '1.123.81';
export const NODE_24 = '24.21.0';

/**
 * What a first install takes on disk, in GB, as the console says while it installs and
 * the README says where it describes `npm run dev` (test/tooling/installSize.test.ts).
 */
export const INSTALL_GB = { n8n2: 2.8, n8n1: 1.8, node24: 0.2 };

/** The repository root (the folder with this package's package.json). */
export const REPO = findRepo(__dirname);

function findRepo(start: string): string {
	let dir = start;
	while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'e2e'))) {
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`no package.json above ${start}`);
		dir = parent;
	}
	return dir;
}

/** Where n8n and Node.js are installed: N8N_INSTALL_CACHE, else .cache/n8n in the repository. */
export function cacheDir(): string {
	const dir = process.env.N8N_INSTALL_CACHE || path.join(REPO, '.cache', 'n8n');
	mkdirSync(dir, { recursive: true });
	return dir;
}

export interface N8nInstall {
	version: string;
	major: number;
	/** The Node.js binary that runs this n8n. */
	node: string;
	/** n8n's start script. */
	bin: string;
	/** Environment this n8n line needs. */
	env: Record<string, string>;
}

export function say(message: string): void {
	process.stdout.write(`${message}\n`);
}

/** Runs a command; prints a line every 20 s while it runs, and its output if it fails. */
export async function run(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; what: string },
): Promise<void> {
	const started = Date.now();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const ticker = setInterval(() => {
		say(`  … ${options.what}: ${Math.round((Date.now() - started) / 1000)} s`);
	}, 20000);
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	clearInterval(ticker);
	if (code !== 0) {
		throw new Error(
			`${options.what} failed (${command} ${args.join(' ')}, exit ${code}):\n${output.slice(-4000)}`,
		);
	}
	say(`  ${options.what}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function installed(dir: string, id: string): boolean {
	const marker = path.join(dir, '.installed');
	return existsSync(marker) && readFileSync(marker, 'utf8').trim() === id;
}

function npmInstallArgs(): string[] {
	return ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
}

/** Node.js 24 from the npm registry; returns the path of its binary. */
export async function ensureNode24(): Promise<string> {
	const pkg = `node-${process.platform}-${process.arch}`;
	const dir = path.join(cacheDir(), `node-${NODE_24}`);
	const binary = path.join(dir, 'node_modules', pkg, 'bin', 'node');
	if (installed(dir, `${pkg}@${NODE_24}`) && existsSync(binary)) return binary;
	say(`Installing Node.js ${NODE_24} (n8n 2.x needs Node.js 24) into ${dir} …`);
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ private: true, dependencies: { [pkg]: NODE_24 } }, null, 2),
	);
	await run(npm, npmInstallArgs(), { cwd: dir, what: `npm install ${pkg}@${NODE_24}` });
	writeFileSync(path.join(dir, '.installed'), `${pkg}@${NODE_24}\n`);
	return binary;
}

/** Native builds run one at a time (two at once have failed in `ar`); one retry from clean. */
let nativeBuilds: Promise<unknown> = Promise.resolve();

async function buildSqlite(sqlite: string, version: string): Promise<void> {
	const build = async () => {
		say(`Building sqlite3 for n8n ${version} (native module, one to three minutes) …`);
		const what = `node-gyp rebuild sqlite3 (n8n ${version})`;
		try {
			await run(npx, ['--yes', 'node-gyp', 'rebuild'], { cwd: sqlite, what });
		} catch (error) {
			say(`${(error as Error).message.slice(-1500)}\nRetrying the sqlite3 build from clean …`);
			rmSync(path.join(sqlite, 'build'), { recursive: true, force: true });
			await run(npx, ['--yes', 'node-gyp', 'rebuild'], { cwd: sqlite, what });
		}
	};
	const turn = nativeBuilds.then(build, build);
	nativeBuilds = turn.catch(() => undefined);
	await turn;
}

/** A pinned n8n release, installed once into the cache folder. */
export async function ensureN8n(version: string): Promise<N8nInstall> {
	const major = Number(version.split('.')[0]);
	const node = major >= 2 ? await ensureNode24() : process.execPath;
	const dir = path.join(cacheDir(), `n8n-${version}`);
	const bin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	// 1.x: the default expression engine needs the isolated-vm native build; 2.x: its
	// MCP registry module fetches a server list from n8n.io at start.
	const env: Record<string, string> =
		major < 2 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : { N8N_DISABLED_MODULES: 'mcp-registry' };
	if (installed(dir, `n8n@${version}`) && existsSync(bin))
		return { version, major, node, bin, env };

	mkdirSync(dir, { recursive: true });
	const manifest: Record<string, unknown> = { private: true, dependencies: { n8n: version } };
	if (major < 2) manifest.overrides = { xlsx: '0.18.5' };
	writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
	say(
		`Installing n8n ${version} into ${dir} (first time only: about 3–6 minutes and ${(major < 2 ? INSTALL_GB.n8n1 : INSTALL_GB.n8n2).toFixed(1)} GB, plus ${INSTALL_GB.node24.toFixed(1)} GB for Node.js 24 once; later runs reuse it) …`,
	);
	await run(npm, npmInstallArgs(), { cwd: dir, what: `npm install n8n@${version}` });
	await buildSqlite(path.join(dir, 'node_modules', 'sqlite3'), version);
	writeFileSync(path.join(dir, '.installed'), `n8n@${version}\n`);
	return { version, major, node, bin, env };
}
