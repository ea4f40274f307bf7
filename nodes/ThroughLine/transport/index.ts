import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { DEFAULT_REQUESTS_PER_SECOND } from '../../../credentials/ThroughLineOAuth2Api.credentials';
import { describeBadRate } from '../../shared/transport/throttle';
import type { ProviderApi, RequestContext } from '../../shared/transport';
import { createTransport } from '../../shared/transport';

export const throughLineApi: ProviderApi = {
	name: 'ThroughLine',
	credentials: {
		throughLineOAuth2Api: {
			baseUrlField: 'apiBaseUrl',
			urlFields: { tokenUrl: 'Token URL', apiBaseUrl: 'API Base URL' },
			oauth2: true,
		},
	},
	secretFields: ['clientSecret'],
	oauth2: { tokenType: 'Bearer' },
	// 30 calls a second per IP address, unless the customer's contract says otherwise.
	requestsPerSecond: (credentials) => requestsPerSecondOf(credentials),
	checkCredentials: (credentials) =>
		describeBadRate(requestsPerSecondOf(credentials), 'Requests Per Second'),
};

function requestsPerSecondOf(credentials: ICredentialDataDecryptedObject): number {
	return (credentials.requestsPerSecond as number | undefined) ?? DEFAULT_REQUESTS_PER_SECOND;
}

// ThroughLine's lists come whole: no paging.
export const { apiRequest, apiRequestAllItems, apiRequestPage } = createTransport(throughLineApi);

export interface Country extends IDataObject {
	name: string;
	code: string;
}

export interface Topic extends IDataObject {
	name: string;
	code: string;
}

export async function listCountries(this: RequestContext): Promise<Country[]> {
	const answer = await apiRequest.call(this, { method: 'GET', path: '/countries' });
	return (answer.countries as Country[] | undefined) ?? [];
}

export async function listTopics(this: RequestContext): Promise<Topic[]> {
	const answer = await apiRequest.call(this, { method: 'GET', path: '/topics' });
	return (answer.topics as Topic[] | undefined) ?? [];
}
