import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { ProviderApi, RequestContext } from '../../shared/transport';
import { apiRequest } from '../../shared/transport';

export const throughLineApi: ProviderApi = {
	name: 'ThroughLine',
	credentials: {
		throughLineOAuth2Api: {
			baseUrlField: 'apiBaseUrl',
			urlFields: { tokenUrl: 'Token URL', apiBaseUrl: 'API Base URL' },
		},
	},
	secretFields: ['clientSecret'],
	oauth2: { tokenType: 'Bearer' },
};

export async function throughLineRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject } = {},
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	return (await apiRequest.call(this, throughLineApi, { method, path, ...options }, itemIndex)) as
		| IDataObject
		| undefined;
}

export interface Country extends IDataObject {
	name: string;
	code: string;
}

export interface Topic extends IDataObject {
	name: string;
	code: string;
}

export async function listCountries(this: RequestContext): Promise<Country[]> {
	const answer = await throughLineRequest.call(this, 'GET', '/countries');
	return (answer?.countries as Country[] | undefined) ?? [];
}

export async function listTopics(this: RequestContext): Promise<Topic[]> {
	const answer = await throughLineRequest.call(this, 'GET', '/topics');
	return (answer?.topics as Topic[] | undefined) ?? [];
}
