import type { IDataObject } from 'n8n-workflow';

import type { ApiRequest, ProviderApi, RequestContext } from '../../shared/transport';
import { createTransport } from '../../shared/transport';

export const flixcheckApi: ProviderApi = {
	name: 'Flixcheck',
	credentials: {
		flixcheckOAuth2Api: {
			baseUrlField: 'apiBaseUrl',
			otherBaseUrlFields: { v1: 'v1BaseUrl' },
			urlFields: {
				apiBaseUrl: 'API Base URL',
				v1BaseUrl: 'V1 API Base URL',
				portalUrl: 'Portal URL',
			},
			oauth2: true,
		},
		flixcheckApi: {
			baseUrlField: 'apiBaseUrl',
			otherBaseUrlFields: { v1: 'v1BaseUrl' },
			urlFields: { apiBaseUrl: 'API Base URL', v1BaseUrl: 'V1 API Base URL' },
		},
	},
	authenticationParameter: 'authentication',
	secretFields: ['clientSecret', 'apiKey'],
	// Flixcheck's access token is a JWT used as a Bearer token whatever token_type says.
	oauth2: { tokenType: 'Bearer' },
};

export const { apiRequest, apiRequestAllItems, apiRequestPage } = createTransport(flixcheckApi);

/** The user's checks, newest first as Flixcheck answers them (see `checkRoutes.list`). */
export async function listChecks(this: RequestContext, itemIndex?: number): Promise<IDataObject[]> {
	return checkRoutes.unwrapList(await apiRequest.call(this, checkRoutes.list(), itemIndex));
}

/**
 * The check routes, in one place. Flixcheck documents no v7 route to send or read
 * a check, so these are the deprecated v1 routes with their v1 request and answer
 * shapes, sent to the credential's "V1 API Base URL". Moving to v7 means changing
 * this object only. `checkId` is a path segment already checked and encoded.
 */
export const checkRoutes = {
	send: (check: IDataObject, sendOptions?: IDataObject): ApiRequest => ({
		method: 'POST',
		base: 'v1',
		path: '/api/v1/portal/check',
		body: sendOptions ? { check, sendOptions } : { check },
	}),
	get: (checkId: string): ApiRequest => ({
		method: 'GET',
		base: 'v1',
		path: `/api/v1/portal/check/${checkId}`,
	}),
	pdf: (checkId: string, qs: IDataObject): ApiRequest => ({
		method: 'GET',
		base: 'v1',
		path: `/api/v1/portal/check/${checkId}/pdf`,
		qs,
		binary: true,
	}),
	update: (checkId: string, changes: IDataObject): ApiRequest => ({
		method: 'PUT',
		base: 'v1',
		path: `/api/v1/portal/check/${checkId}`,
		body: { check: changes },
	}),
	/**
	 * The user's checks. No documented route lists checks (v1 or v7); this is the
	 * v7 route that v7's naming (`/user/v7/files`, `/user/v7/temp-files`) suggests,
	 * answered in v7's `{resource: [...], meta}` envelope. Unconfirmed; no paging
	 * parameters are known, so the list is read in one request.
	 */
	list: (): ApiRequest => ({ method: 'GET', path: '/user/v7/checks' }),
	/** The checks out of the list's answer. */
	unwrapList: (answer: unknown): IDataObject[] => {
		const body = answer as IDataObject | IDataObject[] | undefined;
		const list = Array.isArray(body)
			? body
			: ((body?.resource ?? body?.checks ?? []) as IDataObject[] | IDataObject);
		return Array.isArray(list) ? list : [];
	},
	/** Reads the check (or the answer to sending one) out of an answer. */
	unwrap: (answer: unknown): IDataObject => unwrap(answer, 'check'),
};

/** Flixcheck's v7 routes answer `{resource, meta}`; v1 routes name the object (`{check}`). */
export function unwrap(answer: unknown, v1Name?: string): IDataObject {
	if (!answer || typeof answer !== 'object' || Array.isArray(answer)) {
		return answer === undefined || answer === '' ? {} : { resource: answer as IDataObject };
	}
	const body = answer as IDataObject;
	if ('resource' in body) {
		const resource = body.resource;
		return resource && typeof resource === 'object' && !Array.isArray(resource)
			? (resource as IDataObject)
			: { resource };
	}
	if (v1Name && body[v1Name] && typeof body[v1Name] === 'object')
		return body[v1Name] as IDataObject;
	return body;
}

/**
 * A multipart/form-data body with one file field, built as bytes. Bytes (unlike a
 * stream or a FormData object) can be sent a second time, so n8n repeats an upload
 * whose token had expired after it got a new token.
 */
export function multipartFile(
	field: string,
	fileName: string,
	mimeType: string,
	data: Buffer,
): { body: Buffer; contentType: string } {
	let boundary: string;
	do {
		boundary = `----n8nFlixcheck${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
	} while (data.includes(boundary));
	const safeName = fileName.replace(/["\r\n\\]/g, '_');
	const head = Buffer.from(
		`--${boundary}\r\n` +
			`Content-Disposition: form-data; name="${field}"; filename="${safeName}"\r\n` +
			`Content-Type: ${mimeType.replace(/[\r\n]/g, '')}\r\n\r\n`,
		'utf8',
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
	return {
		body: Buffer.concat([head, data, tail]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}
