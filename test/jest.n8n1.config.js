/**
 * `npm run test:params:n8n1`: the parameter-reading test (test/shared/parameters.test.ts)
 * with n8n 1.x's own n8n-core and n8n-workflow, those of the n8n 1.x release that the
 * end-to-end suite installs (`npm run test:e2e -- --line 1` installs it; N8N_INSTALL_CACHE
 * says where, as for the end-to-end suite). `npm test` runs the same file on 2.x.
 */
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const base = require('../jest.config');

const root = path.join(__dirname, '..');
const install = readFileSync(path.join(root, 'e2e', 'lib', 'install.ts'), 'utf8');
const version = /export const N8N_1 = '([^']+)'/.exec(install)[1];
const cache = process.env.N8N_INSTALL_CACHE || path.join(root, '.cache', 'n8n');
const n8n = path.join(cache, `n8n-${version}`);

if (!existsSync(path.join(n8n, '.installed'))) {
	throw new Error(
		`n8n ${version} is not installed in ${cache}. Install it with "npm run test:e2e -- --line 1", ` +
			'or set N8N_INSTALL_CACHE to the folder that holds it.',
	);
}

/** One copy of each for the test, the nodes and n8n-core alike: n8n 1.x's own. */
const resolve = (name) => require.resolve(name, { paths: [n8n] });

module.exports = {
	...base,
	rootDir: root,
	testMatch: ['<rootDir>/test/shared/parameters.test.ts'],
	moduleNameMapper: {
		'^n8n-core$': resolve('n8n-core'),
		'^n8n-workflow$': resolve('n8n-workflow'),
	},
};
