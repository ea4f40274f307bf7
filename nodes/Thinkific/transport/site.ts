import { REFUSED_URL, secureUrlBody } from '../../shared/url';

/**
 * The Thinkific site a credential belongs to. Users give its subdomain as `acme`,
 * `acme.thinkific.com` or `https://acme.thinkific.com/`; anything that is not a
 * plain DNS label after those prefixes and suffixes are removed is refused, so a
 * value such as `evil.example/#` can never become a URL that receives the client
 * secret or a token.
 */

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const MAX_LABEL_LENGTH = 63;

/**
 * The Webhooks API v2. Thinkific's reference page and every current client use the
 * first host; the `servers` entry of its OpenAPI file names the second.
 */
export const WEBHOOKS_API_DEFAULT = 'https://api.thinkific.com/api/v2';
export const WEBHOOKS_API_ALTERNATIVE = 'https://platform.thinkific.com/api/v2';

export const SUBDOMAIN_HINT =
	'Enter the subdomain of your Thinkific site: "acme" for acme.thinkific.com';

/** The site's subdomain label, or undefined when the value is not one. */
export function normalizeSubdomain(value: unknown): string | undefined {
	const text = String(value ?? '')
		.trim()
		.toLowerCase()
		.replace(/^https?:\/\//, '')
		.replace(/\/+$/, '')
		.replace(/\.thinkific\.com$/, '');
	return text.length <= MAX_LABEL_LENGTH && LABEL.test(text) ? text : undefined;
}

/*
 * The same rules as n8n expressions over a credential field, for the hidden OAuth2
 * URLs and the credential test. They use no "{" so that
 * nothing in them can be read as the end of an expression.
 */

function subdomainOf(reference: string): string {
	return (
		`String(${reference} ?? "").trim().toLowerCase().replace(/^https?:\\/\\//, "")` +
		`.replace(/\\/+$/, "").replace(/\\.thinkific\\.com$/, "")`
	);
}

function subdomainIsValid(reference: string): string {
	const value = subdomainOf(reference);
	return `(${value}.length <= ${MAX_LABEL_LENGTH} && ${LABEL.toString()}.test(${value}))`;
}

/**
 * A URL on the Thinkific site: `https://<subdomain>.thinkific.com<suffix>`, or
 * `<Site URL><suffix>` when the credential's Site URL is set (a proxy or a
 * sandbox; https, or http on loopback only). The refused URL when the subdomain
 * or the Site URL is not acceptable.
 */
export function siteUrlExpression(suffix: string): string {
	const subdomain = '$self["subdomain"]';
	const siteUrl = '$self["siteUrl"]';
	return (
		`={{ !${subdomainIsValid(subdomain)} ? "${REFUSED_URL}" : ` +
		`(String(${siteUrl} ?? "").trim() !== "" ? (${secureUrlBody(siteUrl, suffix)}) : ` +
		`"https://" + ${subdomainOf(subdomain)} + ".thinkific.com${suffix}") }}`
	);
}

/** The API base URL for a credential test, refused too when the subdomain is not valid. */
export function apiTestUrlExpression(): string {
	return (
		`={{ !${subdomainIsValid('$credentials.subdomain')} ? "${REFUSED_URL}" : ` +
		`(${secureUrlBody('$credentials.apiBaseUrl', '')}) }}`
	);
}
