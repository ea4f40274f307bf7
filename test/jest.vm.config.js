/**
 * `npm run test:params:vm` (e2e/paramsVm.ts runs jest with this on Node.js 24): the
 * parameter-reading test (test/shared/parameters.test.ts) with expressions evaluated by
 * n8n 2.x's isolated expression engine, as n8n 2.x servers do by default.
 */
const path = require('node:path');

const base = require('../jest.config');

module.exports = {
	...base,
	rootDir: path.join(__dirname, '..'),
	testMatch: ['<rootDir>/test/shared/parameters.test.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/vmExpressionEngine.ts'],
};
