import { resources } from '../../nodes/ThroughLine/actions';
import { THROUGHLINE_ROUTES } from '../sandbox/routes';
import { throughLineFixture } from '../throughline/context';
import type { Example } from './check';
import { describeConformance } from './check';
import { THROUGHLINE_TABLE } from './throughline';

const t = throughLineFixture();

const EVENT = { helplineId: 'us-2', sessionId: 'session-1', timestamp: '2026-11-23T10:00:00Z' };

const EXAMPLES: Record<string, Example> = {
	// A topic given by its code is looked up (GET /topics) and sent by its name.
	'helpline.search': {
		parameters: { countryCode: 'NZ', topic: 'suicidal-thoughts', maxHelplines: 5 },
	},
	'helpline.get': { parameters: { helplineId: 'gb-4' } },
	'country.getAll': { parameters: {} },
	'topic.getAll': { parameters: {} },
	'event.recordDisplay': { parameters: EVENT },
	'event.recordClick': { parameters: { ...EVENT, contactMethod: 'sms' } },
};

describeConformance({
	table: THROUGHLINE_TABLE,
	sandboxRoutes: THROUGHLINE_ROUTES,
	hosts: { api: { mount: 'throughline', prefix: '/v1' } },
	resources,
	sandbox: () => t.sandbox,
	example: (resource, operation) => EXAMPLES[`${resource}.${operation}`],
	run: async (example, parameters) => await t.run(parameters, { items: example.items }),
});
