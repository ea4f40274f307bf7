import { FlixcheckProvider } from './flixcheck';
import { Sandbox } from './server';
import { ThanksIoProvider } from './thanksio';
import { ThinkificProvider } from './thinkific';
import { ThroughLineProvider } from './throughline';

export {
	FLIXCHECK_CLIENT,
	FLIXCHECK_USERS,
	FLIXCHECK_WEBHOOK_SECRET,
	FlixcheckProvider,
} from './flixcheck';
export { Sandbox } from './server';
export { THANKSIO_CLIENT, THANKSIO_PERSONAL_TOKEN, ThanksIoProvider } from './thanksio';
export {
	THINKIFIC_API_KEY,
	THINKIFIC_CLIENT,
	THINKIFIC_SUBDOMAIN,
	ThinkificProvider,
} from './thinkific';
export { THROUGHLINE_CLIENT, ThroughLineProvider } from './throughline';

/** A sandbox with every provider this package supports. */
export function createSandbox(): Sandbox {
	return new Sandbox([
		new ThroughLineProvider(),
		new ThinkificProvider(),
		new ThanksIoProvider(),
		new FlixcheckProvider(),
	]);
}
