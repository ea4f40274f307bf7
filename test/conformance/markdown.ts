import { PENDING_CHANGES, TABLES } from './table';
import type { ProviderTable, RequestRow } from './types';
import { fieldsOf } from './types';

/**
 * docs/conformance.md, generated from the conformance table: one table per provider,
 * its sources, and the changes still pending.
 */

const INTRO = `# What each request is, and who says so

One table per provider: each operation of its node, every request the operation sends
(method, route below the base URL, body and query field names), the strongest public
sources that confirm it, and — where sources disagree — which one the node follows and why.

This file is generated from \`test/conformance/table.ts\` (\`npm run docs:conformance\`);
edit the table, not this file. The conformance tests (\`test/conformance/*.test.ts\`) run
every operation of every node through n8n-core against the provider sandbox and check
each request it sends against the table: the method and route must be a row's, and no
body or query field may be outside the row's lists. They also check that the sandbox's
route list (\`test/sandbox/routes/\`) serves each row's route with its fields, that every
operation has a row, and that this file matches the table.

Field names: \`a.b\` is a field inside an object, \`list[].c\` a field of the objects in an
array, \`name*\` the field with anything the user writes inside it, and \`*\` anything.
Sources, strongest first: the provider's own client, its docs, its OpenAPI file, then
production third-party clients.`;

function code(values: string[]): string {
	return values.map((v) => `\`${v}\``).join(', ');
}

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function requestCell(table: ProviderTable, row: RequestRow): string {
	const host = row.host && row.host !== 'api' ? ` (${row.host} host)` : '';
	const multipart = row.bodyType === 'multipart' ? ', multipart' : '';
	const when = row.when ? ` — when ${row.when}` : '';
	return `\`${row.method} ${row.route}\`${host}${multipart}${when}`;
}

function pendingNote(change: string, row: RequestRow, isNew: boolean): string {
	if (isNew) return `New with “${change}”.`;
	if (!row.before) return '';
	const parts: string[] = [];
	if (row.before.route) parts.push(`sends to \`${row.before.route}\``);
	const extra = fieldsOf(row.before.body).filter((f) => !fieldsOf(row.body).includes(f));
	if (extra.length) parts.push(`adds the earlier names ${code(extra)}`);
	return `Until “${change}” is merged the node ${parts.join(' and ')}.`;
}

function providerSection(table: ProviderTable): string {
	const lines = [`## ${table.title}`, ''];
	const hosts = Object.entries(table.hosts)
		.map(([key, url]) => (key === 'api' ? url : `${url} (\`${key}\` host)`))
		.join('; ');
	lines.push(`Base URL: ${hosts}. Node: \`${table.node}\`.`, '');
	lines.push(
		'| Operation | Request | Body fields | Query fields | Sources | Where sources disagree or are silent |',
		'| --- | --- | --- | --- | --- | --- |',
	);
	for (const operation of table.operations) {
		// An operation the change adds has no earlier request at all.
		const isNew = !operation.requests.some((row) => row.before);
		for (const row of operation.requests) {
			const notes = [
				row.unconfirmed ? `Unconfirmed: ${row.unconfirmed}` : '',
				row.decision ?? '',
				operation.pending && PENDING_CHANGES[operation.pending] !== undefined
					? pendingNote(operation.pending, row, isNew)
					: '',
			].filter(Boolean);
			lines.push(
				`| ${[
					`\`${operation.resource}\` ${operation.operation}`,
					requestCell(table, row),
					code(fieldsOf(row.body)),
					code(fieldsOf(row.query)),
					row.sources.map((s) => `[${s}]`).join(' ') || '—',
					notes.join(' '),
				]
					.map(cell)
					.join(' | ')} |`,
			);
		}
	}
	lines.push('', 'Sources:', '');
	for (const [key, source] of Object.entries(table.sources)) {
		lines.push(`- **[${key}]** ${source.title} — ${source.kind}: <${source.where}>`);
	}
	if (table.notes?.length) {
		lines.push('', ...table.notes.map((note) => `- ${note}`));
	}
	return lines.join('\n');
}

function pendingSection(): string {
	const pending = Object.entries(PENDING_CHANGES).filter(([, waiting]) => waiting);
	if (pending.length === 0) return '';
	return [
		'## Pending changes',
		'',
		'Rows marked with a change describe the node once that change is merged. Until then the',
		'tests also accept what the node sends before it (noted in the row), and an operation',
		'the change adds may still be missing. Once the change is merged, set it to `false` in',
		'`PENDING_CHANGES` (test/conformance/table.ts) and run `npm run docs:conformance`: the',
		'tests then hold the node and the sandbox to the rows alone.',
		'',
		...pending.map(([change]) => `- ${change}`),
	].join('\n');
}

/** The whole document. */
export function conformanceMarkdown(): string {
	return `${[INTRO, pendingSection(), ...TABLES.map(providerSection)].filter(Boolean).join('\n\n')}\n`;
}

/** A markdown text with table padding and separator lengths left out, to compare two formattings. */
export function withoutPadding(text: string): string {
	return text
		.split('\n')
		.map((line) => {
			if (!line.startsWith('|')) return line.trimEnd();
			const cells = line
				.slice(1, -1)
				.split(/(?<!\\)\|/)
				.map((c) => c.trim());
			return cells.every((c) => /^:?-+:?$/.test(c))
				? cells.map(() => '-').join('|')
				: cells.join('|');
		})
		.join('\n');
}
