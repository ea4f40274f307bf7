#!/usr/bin/env node
// Checks what `npm pack` would publish: only dist/, README.md, LICENSE and
// package.json, every file the package.json `n8n` field names, and no test code.
const { execFileSync } = require('node:child_process');
const pkg = require('../package.json');

const [report] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf8' }),
);
const files = report.files.map((f) => f.path);
const stray = files.filter((f) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(f));
const missing = [...pkg.n8n.credentials, ...pkg.n8n.nodes].filter((f) => !files.includes(f));
const absent = ['README.md', 'LICENSE', 'package.json'].filter((f) => !files.includes(f));
const tests = files.filter((f) => /(^|\/)test\/|\.test\.|tsbuildinfo$/.test(f));
const problems = [
	...stray.map((f) => `not allowed in the package: ${f}`),
	...missing.map((f) => `named in package.json but not packed: ${f}`),
	...tests.map((f) => `test or build state in the package: ${f}`),
	...absent.map((f) => `missing from the package: ${f}`),
];
if (Object.keys(pkg.dependencies ?? {}).length)
	problems.push('runtime dependencies are not allowed');
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(
	`package contents OK: ${files.length} files, ${pkg.n8n.nodes.length} nodes, ${pkg.n8n.credentials.length} credentials`,
);
