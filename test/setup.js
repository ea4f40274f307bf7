const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// n8n-core keeps its instance settings (and the key that encrypts credentials)
// under N8N_USER_FOLDER: give every test run a fresh one instead of ~/.n8n.
process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-oauth-integrations-test-'));
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
