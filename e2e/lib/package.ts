/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   End-to-end tooling, never published: it installs, starts and drives n8n servers,
   which the rules for code running inside n8n Cloud rightly forbid. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { REPO, run } from './install';

export interface PackageManifest {
	name: string;
	version: string;
	n8n: { credentials: string[]; nodes: string[] };
}

export function manifest(): PackageManifest {
	return JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as PackageManifest;
}

/** The files the package is built from (copied, so the working tree's dist/ is left alone). */
export const SOURCES = ['package.json', 'tsconfig.json', 'README.md', 'LICENSE', '.npmrc'];
export const SOURCE_FOLDERS = ['credentials', 'nodes', 'icons'];

/**
 * Builds the package with its own build script in a copy of the working tree and
 * packs it with `npm pack`, as it would be published. Returns the tarball's path.
 */
export async function buildTarball(into: string): Promise<string> {
	const copy = mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-pack-'));
	for (const file of SOURCES) {
		if (existsSync(path.join(REPO, file))) cpSync(path.join(REPO, file), path.join(copy, file));
	}
	for (const folder of SOURCE_FOLDERS) {
		cpSync(path.join(REPO, folder), path.join(copy, folder), { recursive: true });
	}
	symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
	await run('npm', ['run', 'build'], { cwd: copy, what: 'npm run build (in a copy)' });
	mkdirSync(into, { recursive: true });
	await run('npm', ['pack', '--pack-destination', into, '--loglevel=error'], {
		cwd: copy,
		what: 'npm pack',
	});
	const { name, version } = manifest();
	const tarball = path.join(into, `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);
	if (!existsSync(tarball)) throw new Error(`npm pack made no ${tarball}`);
	return tarball;
}

/**
 * Installs the tarball the way n8n installs a community package: unpacked into
 * `<user folder>/.n8n/nodes/node_modules/<package name>`, without dependencies.
 */
export async function installTarball(tarball: string, userFolder: string): Promise<string> {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', manifest().name);
	mkdirSync(target, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {
		cwd: userFolder,
		what: 'unpack the package tarball',
	});
	return target;
}
