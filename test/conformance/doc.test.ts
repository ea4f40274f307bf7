/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals --
   A test, never published: it reads and (when asked) writes docs/conformance.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { conformanceMarkdown, withoutPadding } from './markdown';

const DOC = join(__dirname, '..', '..', 'docs', 'conformance.md');

describe('docs/conformance.md', () => {
	it('is the conformance table as generated (npm run docs:conformance)', () => {
		const generated = conformanceMarkdown();
		if (process.env.WRITE_CONFORMANCE_DOC === '1') writeFileSync(DOC, generated);
		const written = readFileSync(DOC, 'utf8');
		expect(withoutPadding(written)).toBe(withoutPadding(generated));
	});
});
