import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IOAuth2Options,
	IPollFunctions,
} from 'n8n-workflow';

import type { Page } from '../pagination';

/** What a provider tells the transport about itself, and what callers send through it. */

/** Node executions, dropdowns, and triggers' webhook set-up (hooks) and polls. */
export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions;

export interface CredentialUse {
	/** Credential field that holds the API base URL. */
	baseUrlField: string;
	/** Further base URLs of the credential, by the name requests use (`ApiRequest.base`). */
	otherBaseUrlFields?: Record<string, string>;
	/** Credential fields holding URLs that receive secrets, with their labels. */
	urlFields: Record<string, string>;
	/** Fields of `urlFields` that may be left empty. */
	optionalUrlFields?: string[];
	/** An OAuth2 credential: its token can be renewed through n8n. */
	oauth2?: boolean;
}

/** How a provider pages its lists. */
export interface Paging {
	/** The largest page the API gives. */
	maxPageSize: number;
	/** The query parameters that ask for one page. */
	query(page: number, pageSize: number): IDataObject;
	/** A page's items, and whether the provider says more follow. */
	read(body: unknown, page: number, pageSize: number): Page<IDataObject>;
}

export interface ProviderApi {
	/** The provider's name, as users know it. */
	name: string;
	/** Credential types this provider's node accepts, and how each is used. */
	credentials: Record<string, CredentialUse>;
	/** Node parameter that selects the credential type; omitted when there is only one. */
	authenticationParameter?: string;
	/** Credential fields whose values must never appear in an error (tokens are added). */
	secretFields: string[];
	/** Options for n8n's OAuth2 token handling (token type, refresh status codes). */
	oauth2?: IOAuth2Options;
	/** Reads the provider's error body; the shared reading is used when omitted. */
	describeError?: (body: unknown) => { message?: string; details?: string };
	/**
	 * Checks of the provider's own credential fields, run with the URL checks once
	 * per execution before the first request: the reason to refuse, or undefined.
	 */
	checkCredentials?: (
		credentials: ICredentialDataDecryptedObject,
		type: string,
	) => string | undefined;
	/** How long one request may take before it is abandoned (and reported, never repeated). */
	timeoutMs?: number;
	/** How lists are paged (for `apiRequestAllItems` and `apiRequestPage`). */
	paging?: Paging;
	/** The provider's limit on requests per second, from the credential (see throttle.ts). */
	requestsPerSecond?: (credentials: ICredentialDataDecryptedObject) => number | undefined;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, starting with "/". */
	path: string;
	/** Which of the credential's base URLs (`otherBaseUrlFields`); the API base URL when omitted. */
	base?: string;
	qs?: IDataObject;
	/** A JSON body, or a multipart form / bytes to send as they are. */
	body?: IDataObject | IDataObject[] | Buffer | object;
	headers?: Record<string, string>;
	/** Read the answer as bytes (a file download) instead of JSON. */
	binary?: boolean;
	/**
	 * What to check when the provider refuses the request as invalid (400, 404 or
	 * 422), added to the error's description: the fields the provider judges.
	 */
	refusalHint?: string;
}

/** A GET of a paged list; `paging` overrides the provider's paging for this list. */
export interface ListRequest {
	path: string;
	base?: string;
	qs?: IDataObject;
	paging?: Partial<Paging>;
}

export interface Transport {
	/**
	 * One request; the parsed body (`{}` when the answer has none). With `binary`,
	 * the bytes (a Buffer); an answer that is a JSON array is returned as it is.
	 */
	apiRequest(this: RequestContext, request: ApiRequest, itemIndex?: number): Promise<IDataObject>;
	/** Every item of a paged list, or the first `limit`, at the largest page size. */
	apiRequestAllItems(
		this: RequestContext,
		request: ListRequest,
		limit?: number,
		itemIndex?: number,
	): Promise<IDataObject[]>;
	/** One page of a list (pages counted from 1), for list searches. */
	apiRequestPage(
		this: RequestContext,
		request: ListRequest,
		page: number,
		pageSize?: number,
		itemIndex?: number,
	): Promise<Page<IDataObject>>;
}
