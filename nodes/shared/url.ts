/**
 * URL checks shared by every credential and node of this package.
 *
 * A URL that will receive a client secret or an access token must use https,
 * except on a loopback host (a local sandbox or proxy), where plain http is allowed.
 */

/** Plain http is accepted only for these hosts: 127.0.0.0/8, localhost and [::1]. */
const LOOPBACK_HTTP =
	/^http:\/\/(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?(\/|$)/i;
const HTTPS = /^https:\/\/[^/?#\s]+(\/|$)/i;

export function isSecureUrl(value: string): boolean {
	if (!HTTPS.test(value) && !LOOPBACK_HTTP.test(value)) return false;
	try {
		const url = new URL(value);
		return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
	} catch {
		return false;
	}
}

/** Returns the reason a URL is refused, or undefined when it may carry secrets. */
export function describeInsecureUrl(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') return 'is empty';
	if (!isSecureUrl(value.trim())) {
		return 'must be an https:// URL without user info, query or fragment (plain http:// is allowed only for localhost, 127.x.x.x and [::1])';
	}
	return undefined;
}

/** Removes trailing slashes so that paths can be appended with a single "/". */
export function trimTrailingSlash(value: string): string {
	return value.trim().replace(/\/+$/, '');
}

/**
 * What a refused URL is replaced with: a scheme no HTTP client speaks, so the
 * request fails with "Unsupported protocol https-required:" before anything is
 * sent or even looked up.
 */
export const REFUSED_URL = 'https-required:';

/**
 * An n8n expression that yields the credential value `reference` (for example
 * `$self["tokenUrl"]` in a credential field, `$credentials.baseUrl` in a test
 * request), without trailing slashes and followed by `suffix`, when it is a
 * secure URL, and `REFUSED_URL` otherwise. Used for the OAuth2 token URL and for the credential test request,
 * so that n8n's own token code and the Test button never send a secret to an
 * insecure URL, whichever node or feature uses the credential.
 */
export function secureUrlExpression(reference: string, suffix = ''): string {
	const value = `String(${reference} ?? "").trim().replace(/\\/+$/, "")`;
	return (
		`={{ (${HTTPS.toString()}.test(${value}) || ${LOOPBACK_HTTP.toString()}.test(${value})) ` +
		`&& !/[?#@\\s]/.test(${value}.replace(/^https?:\\/\\//i, "")) ` +
		`? ${value} + "${suffix}" : "${REFUSED_URL}" }}`
	);
}

/** The body of an expression made by `secureUrlExpression`, without `={{ … }}`, to combine with other conditions. */
export function secureUrlBody(reference: string, suffix = ''): string {
	const expression = secureUrlExpression(reference, suffix);
	return expression.slice('={{ '.length, -' }}'.length);
}

/**
 * Checks a path that a user typed (for example in a generic "API request"
 * operation) before it is appended to the credential's base URL: it must stay
 * below that URL, so that the credential's token is only sent where it belongs.
 * Returns the reason it is refused, or undefined.
 */
export function describeUnsafePath(path: string): string | undefined {
	if (!path.startsWith('/')) return 'must start with "/"';
	if (path.startsWith('//')) return 'must not start with "//"';
	if (/[\s\\]/.test(path)) return 'must not contain spaces or backslashes';
	if (/[?#]/.test(path)) return 'must not contain "?" or "#" (give query parameters separately)';
	if (/^\/?[a-z][a-z0-9+.-]*:/i.test(path)) return 'must be a path, not a URL';
	const segments = path.split('/');
	if (
		segments.some(
			(s) => s === '..' || s === '.' || /^(%2e|\.){1,2}$/i.test(s) || /%2f|%5c/i.test(s),
		)
	) {
		return 'must not contain "." or ".." segments or encoded slashes';
	}
	return undefined;
}

/**
 * Checks one path segment built from user input (a record ID) before it is put
 * in a URL path: empty text, "." and ".." would make the request leave its
 * place in the path (`/checks/..` is `/`), so that a PUT or DELETE could reach
 * another route. Returns the reason it is refused, or undefined.
 */
export function describeUnsafeSegment(value: string): string | undefined {
	if (value === '') return 'it is empty';
	if (value === '.' || value === '..') {
		return `"${value}" is not an ID: it would change the path of the request`;
	}
	return undefined;
}

/**
 * Whether a path that the package built has an empty, "." or ".." segment in it
 * (a trailing slash is allowed). The transport refuses such a request, whatever
 * built it.
 */
export function hasUnsafeSegments(path: string): boolean {
	const segments = path.split('/').slice(1);
	return segments.some(
		(segment, index) =>
			/^(\.|%2e){1,2}$/i.test(segment) || (segment === '' && index < segments.length - 1),
	);
}

/**
 * A request with headers added (for credentials' `authenticate` functions, which
 * build their headers in code rather than with n8n expressions evaluated for
 * every request).
 */
export function withHeaders<T extends { headers?: unknown }>(
	requestOptions: T,
	headers: Record<string, string>,
): T {
	return {
		...requestOptions,
		headers: { ...(requestOptions.headers as Record<string, string> | undefined), ...headers },
	};
}
