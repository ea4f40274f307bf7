/* eslint-disable @n8n/community-nodes/no-restricted-globals --
   End-to-end tooling, never published: it sets the exit code of the script it reports for,
   which the rules for code running inside n8n Cloud rightly forbid. */
import { say } from './install';

/**
 * The checks of one end-to-end script: each is named, timed and printed as it ends,
 * and the script closes with the "N passed, N failed" line that CI adds up.
 */

export interface Result {
	name: string;
	ok: boolean;
	detail?: string;
}

export const results: Result[] = [];

/** Runs one check; a thrown error fails it with its message. */
export async function check(name: string, fn: () => Promise<void> | void): Promise<boolean> {
	const started = Date.now();
	try {
		await fn();
		results.push({ name, ok: true });
		say(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
		return true;
	} catch (error) {
		const detail = (error as Error).message;
		results.push({ name, ok: false, detail });
		say(`  ✗ ${name}\n      ${detail.split('\n').join('\n      ')}`);
		return false;
	}
}

/** A check that could not run, counted as failed. */
export function fail(name: string, detail: string): void {
	results.push({ name, ok: false, detail });
	say(`  ✗ ${name}\n      ${detail}`);
}

/** The closing summary; the script fails when a check failed or none ran. */
export function report(started: number): void {
	const failed = results.filter((r) => !r.ok);
	say(`\n${results.length} checks in ${Math.round((Date.now() - started) / 1000)} s`);
	for (const r of failed) say(`  failed: ${r.name}\n    ${r.detail}`);
	say(`${results.length - failed.length} passed, ${failed.length} failed`);
	process.exitCode = failed.length || results.length === 0 ? 1 : 0;
}

/** The closing line after the script itself broke off: the break counts as one failure. */
export function reportBreak(error: Error): void {
	say(`\n${error.stack ?? error.message}`);
	say(
		`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`,
	);
	process.exitCode = 1;
}
