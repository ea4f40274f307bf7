/** The route lists of the provider sandboxes (see types.ts). */
export type { SandboxRoute } from './types';
export { FLIXCHECK_ROUTES } from './flixcheck';
export { THROUGHLINE_ROUTES } from './throughline';
export { THINKIFIC_ROUTES } from './thinkific';
export { THANKSIO_ROUTES } from './thanksio';
