import type { SandboxRoute } from './types';

/** What test/sandbox/throughline.ts serves below `/throughline/v1`. */
export const THROUGHLINE_ROUTES: SandboxRoute[] = [
	{ method: 'GET', route: '/countries' },
	{ method: 'GET', route: '/topics' },
	{ method: 'GET', route: '/helplines', query: 'country_code topic limit priority_only' },
	{ method: 'GET', route: '/helplines/{id}' },
	{ method: 'POST', route: '/events/helpline_display', body: 'helpline_id session_id timestamp' },
	{
		method: 'POST',
		route: '/events/helpline_click',
		body: 'helpline_id session_id timestamp contact_method',
	},
];
