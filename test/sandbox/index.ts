import { FlixcheckProvider } from './flixcheck';
import { Sandbox } from './server';
import { ThroughLineProvider } from './throughline';

export { FLIXCHECK_CLIENT, FLIXCHECK_USERS, FlixcheckProvider } from './flixcheck';
export { Sandbox } from './server';
export { THROUGHLINE_CLIENT, ThroughLineProvider } from './throughline';

/** A sandbox with every provider this package supports. */
export function createSandbox(): Sandbox {
	return new Sandbox([new ThroughLineProvider(), new FlixcheckProvider()]);
}
