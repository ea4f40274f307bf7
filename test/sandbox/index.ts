import { Sandbox } from './server';
import { ThroughLineProvider } from './throughline';

export { Sandbox } from './server';
export { THROUGHLINE_CLIENT, ThroughLineProvider } from './throughline';

/** A sandbox with every provider this package supports. */
export function createSandbox(): Sandbox {
	return new Sandbox([new ThroughLineProvider()]);
}
