import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Replaces every occurrence of each secret (of 4 characters or more) with "***". */
export function redact(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length >= 4) result = result.split(secret).join('***');
	}
	return result;
}

/** The error for a bad parameter value, raised before any request is made. */
export function invalidParameter(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
): NodeOperationError {
	return new NodeOperationError(node, `Invalid "${field}" in item ${itemIndex}: ${problem}`, {
		itemIndex,
		description: `Check the "${field}" parameter of item ${itemIndex}.`,
	});
}

export interface HttpErrorShape {
	status?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
	code?: string;
	message: string;
}

interface RawHttpError {
	response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
	httpCode?: string | null;
	statusCode?: number;
	code?: string;
	cause?: unknown;
	errorResponse?: unknown;
	message?: string;
}

/**
 * Reads status, headers and body from the errors n8n's request helpers throw.
 * `httpRequestWithAuthentication` wraps the HTTP client's error in a NodeApiError
 * (as `errorResponse` / `cause`), so the wrapped error is looked into as well.
 */
export function readHttpError(error: unknown): HttpErrorShape {
	const outer = (error ?? {}) as RawHttpError;
	const layers = [outer, outer.errorResponse, outer.cause].filter(
		(layer): layer is RawHttpError => !!layer && typeof layer === 'object',
	);
	const withResponse = layers.find((layer) => layer.response && typeof layer.response === 'object');
	const response = withResponse?.response;
	let status = response?.status;
	for (const layer of layers) {
		if (status !== undefined) break;
		if (typeof layer.statusCode === 'number') status = layer.statusCode;
		else if (layer.httpCode && Number.isFinite(Number(layer.httpCode)))
			status = Number(layer.httpCode);
	}
	let body = response?.data;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			// A body that is not JSON is kept as text.
		}
	}
	const code = layers
		.map((layer) => layer.code)
		.find((c) => typeof c === 'string' && /^E[A-Z_]+$/.test(c));
	const inner = layers.length > 1 ? layers[layers.length - 1] : outer;
	return {
		status,
		headers: response?.headers,
		body,
		code,
		message: typeof inner.message === 'string' ? inner.message : String(error),
	};
}

/**
 * An error answer that n8n returned as it is (`ignoreHttpStatusErrors`), in the
 * shape `readHttpError` reads: status, headers and body, and the headers the
 * request was sent with (n8n signs the request's own headers with the token).
 * n8n 1.x's NodeApiError drops the wrapped error and with it the answer's headers
 * (a 429's Retry-After), so answers are read as they are on every n8n line.
 */
export function answerAsError(
	response: { statusCode: number; headers?: unknown; body?: unknown },
	sentHeaders: unknown,
): Error {
	const body = response.body instanceof ArrayBuffer ? Buffer.from(response.body) : response.body;
	return Object.assign(new Error(`Request failed with status code ${response.statusCode}`), {
		response: { status: response.statusCode, headers: response.headers, data: body },
		config: { headers: sentHeaders },
	});
}

/**
 * Builds the NodeApiError for a failed request from plain, redacted values only,
 * so that neither the request's headers nor its body (which may hold a token or a
 * client secret) reach the execution data or the logs.
 */
export function apiError(
	node: INode,
	itemIndex: number | undefined,
	message: string,
	description: string | undefined,
	status: number | undefined,
	secrets: readonly string[],
): NodeApiError {
	const safeMessage = redact(message, secrets);
	const safeDescription = description === undefined ? undefined : redact(description, secrets);
	const response: JsonObject = { message: safeMessage };
	if (safeDescription !== undefined) response.description = safeDescription;
	if (status !== undefined) response.httpCode = String(status);
	const error = new NodeApiError(node, response, {
		message: safeMessage,
		description: safeDescription,
		httpCode: status === undefined ? undefined : String(status),
		itemIndex,
	});
	// NodeApiError swaps a message that names a network error code for n8n's generic
	// advice ("You can retry the request immediately"), which is wrong for a request
	// that may have arrived: the message written here is the one shown.
	error.message = safeMessage;
	return error;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { message?: unknown }).message === 'string'
	) {
		return (value as { message: string }).message;
	}
	return undefined;
}

/**
 * The provider's own words from an error body. Understands the shapes these APIs
 * use: `{message}`, `{error}`, `{error: {message}}`, `{error_description}`, and
 * validation errors as `{errors: {field: [reasons]}}`, `{errors: [reasons]}` or
 * `{errors: [{field, message}]}`.
 */
export function describeErrorBody(body: unknown): { message?: string; details?: string } {
	if (typeof body === 'string') return { message: summariseText(body) || undefined };
	if (!body || typeof body !== 'object') return {};
	const b = body as Record<string, unknown>;
	const message = text(b.message) ?? text(b.error) ?? text(b.error_description) ?? text(b.detail);
	const reasons: string[] = [];
	const errors = b.errors;
	if (Array.isArray(errors)) {
		for (const entry of errors) {
			if (typeof entry === 'string') reasons.push(entry);
			else if (entry && typeof entry === 'object') {
				const e = entry as Record<string, unknown>;
				const field = text(e.field) ?? text(e.param) ?? text(e.attribute);
				const reason = text(e.message) ?? text(e.detail) ?? JSON.stringify(entry);
				reasons.push(field ? `${field} ${reason}` : reason);
			}
		}
	} else if (errors && typeof errors === 'object') {
		for (const [field, value] of Object.entries(errors as Record<string, unknown>)) {
			const list = Array.isArray(value) ? value : [value];
			for (const reason of list) reasons.push(`${field} ${text(reason) ?? JSON.stringify(reason)}`);
		}
	}
	const details = reasons.length ? reasons.join('; ') : undefined;
	return { message: message ?? details, details };
}

/** Whether a text is an HTML page (a proxy's or load balancer's error page) rather than data. */
export function looksLikeHtml(text: string): boolean {
	return /^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/i.test(text);
}

/**
 * A body that is not JSON, as a short text fit for an error message: an HTML
 * page is named as one (with its title), never copied; other text is cut to 200
 * characters. Secrets are masked by the caller, as in every error text.
 */
export function summariseText(text: string): string {
	const trimmed = text.trim();
	if (looksLikeHtml(trimmed)) {
		const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(trimmed)?.[1]?.trim();
		return title ? `an HTML page ("${title}")` : 'an HTML page';
	}
	return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed;
}
