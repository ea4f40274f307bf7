import type { ProviderSpec } from '../spec';
import { flixcheckSpec } from './flixcheck';
import { genericOAuth2 } from './genericOAuth2';
import { thanksIoSpec } from './thanksio';
import { thinkificSpec } from './thinkific';
import { throughLine } from './throughline';

/** One spec per provider of this package, and the suite's own check with n8n's generic OAuth2. */
export const providers: ProviderSpec[] = [
	throughLine,
	thinkificSpec,
	thanksIoSpec,
	flixcheckSpec,
	genericOAuth2,
];
