import { flixcheckFixture } from '../flixcheck/context';
import { thanksIoFixture } from '../thanksio/context';
import { thinkificFixture } from '../thinkific/context';
import { throughLineFixture } from '../throughline/context';

/**
 * n8n adds "Custom API Call" (`__CUSTOM_API_CALL__`) to the Resource and Operation
 * lists of a node of a single version whose credentials its HTTP Request node can use
 * (not to one with a `defaultVersion`); a workflow may still hold the value. Chosen
 * and run, it gets an error that says how to make the call, and nothing is sent.
 */
const fixtures = {
	ThroughLine: throughLineFixture(),
	Thinkific: thinkificFixture(),
	'thanks.io': thanksIoFixture(),
	Flixcheck: flixcheckFixture(),
};

describe.each(Object.entries(fixtures))('%s: Custom API Call', (_name, fixture) => {
	const cases: Array<[string, Record<string, string>]> = [
		['as the resource', { resource: '__CUSTOM_API_CALL__' }],
		['as the operation', { operation: '__CUSTOM_API_CALL__' }],
	];
	test.each(cases)('chosen %s, says to use the HTTP Request node', async (_how, parameters) => {
		const before = fixture.sandbox.log.length;
		const error = (await fixture.run(parameters).catch((e: unknown) => e)) as Error & {
			description?: string;
		};
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toBe(
			'"Custom API Call" is made with n8n\'s HTTP Request node, not with this node',
		);
		expect(error.description).toMatch(/HTTP Request node.*"Predefined Credential Type"/);
		expect(error.message).not.toMatch(/Could not get parameter/);
		expect(fixture.sandbox.log.length).toBe(before);
	});
});
