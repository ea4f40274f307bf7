/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals --
   Test infrastructure, never published: it reads the README, whose claims tests check. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The README's text from the heading `title` to the next heading of the same level. */
export function readmeSection(title: string): string {
	const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
	const start = readme.indexOf(title);
	if (start < 0) throw new Error(`The README has no "${title}"`);
	const level = /^#+/.exec(title)?.[0] ?? '';
	const next = readme.indexOf(`\n${level} `, start + title.length);
	return readme.slice(start, next < 0 ? undefined : next);
}
