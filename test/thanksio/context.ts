import type {
	IDataObject,
	INodeCredentialsDetails,
	INodeParameters,
	NodeExecutionHint,
} from 'n8n-workflow';

import { ThanksIoApi } from '../../credentials/ThanksIoApi.credentials';
import { ThanksIoOAuth2Api } from '../../credentials/ThanksIoOAuth2Api.credentials';
import { ThanksIo } from '../../nodes/ThanksIo/ThanksIo.node';
import {
	CredentialStore,
	connectOAuth2,
	executeNode,
	listSearch,
	loadOptions,
	useSandbox,
} from '../harness';
import type { NodeSettings } from '../harness';
import { THANKSIO_CLIENT, THANKSIO_PERSONAL_TOKEN, ThanksIoProvider } from '../sandbox/thanksio';

export type Authentication = 'thanksIoOAuth2Api' | 'thanksIoApi';

const OAUTH2 = new ThanksIoOAuth2Api().name as Authentication;

/**
 * A provider sandbox playing thanks.io, a credential store, a connected OAuth2
 * credential (through n8n's authorization-code flow) and a personal access
 * token credential, fresh for every test.
 */
export function thanksIoFixture() {
	const served = useSandbox(() => new ThanksIoProvider());
	const fixture = {
		get sandbox() {
			return served.sandbox;
		},
		get provider() {
			return served.provider;
		},
		store: undefined as unknown as CredentialStore,
		oauth: undefined as unknown as INodeCredentialsDetails,
		token: undefined as unknown as INodeCredentialsDetails,
		node: new ThanksIo(),
		async addOAuthCredential(data: IDataObject = {}): Promise<INodeCredentialsDetails> {
			return await fixture.store.add('thanksIoOAuth2Api', {
				clientId: THANKSIO_CLIENT.id,
				clientSecret: THANKSIO_CLIENT.secret,
				authorizationUrl: `${fixture.sandbox.url}/thanksio/oauth/authorize`,
				tokenUrl: `${fixture.sandbox.url}/thanksio/oauth/token`,
				apiBaseUrl: `${fixture.sandbox.url}/thanksio/api/v2`,
				...data,
			} as never);
		},
		async addTokenCredential(data: IDataObject = {}): Promise<INodeCredentialsDetails> {
			return await fixture.store.add('thanksIoApi', {
				accessToken: THANKSIO_PERSONAL_TOKEN,
				apiBaseUrl: `${fixture.sandbox.url}/thanksio/api/v2`,
				...data,
			} as never);
		},
		async run(
			parameters: INodeParameters,
			options: {
				items?: IDataObject[];
				continueOnFail?: boolean;
				settings?: NodeSettings;
				hints?: NodeExecutionHint[];
				credential?: INodeCredentialsDetails;
				authentication?: Authentication;
			} = {},
		) {
			const authentication = options.authentication ?? OAUTH2;
			const credential =
				options.credential ?? (authentication === 'thanksIoApi' ? fixture.token : fixture.oauth);
			return await executeNode({
				nodeType: fixture.node,
				parameters: { authentication, ...parameters },
				credentials: { [authentication]: credential },
				store: fixture.store,
				items: options.items,
				continueOnFail: options.continueOnFail,
				settings: options.settings,
				hints: options.hints,
			});
		},
		async options(method: string, parameters: INodeParameters = {}) {
			return await loadOptions({
				nodeType: fixture.node,
				method,
				parameters: { authentication: OAUTH2, ...parameters },
				credentials: { [OAUTH2]: fixture.oauth },
				store: fixture.store,
			});
		},
		/** Calls a resource locator's list search, as the editor does. */
		async search(method: string, filter?: string, paginationToken?: string) {
			return await listSearch({
				nodeType: fixture.node,
				method,
				filter,
				paginationToken,
				parameters: { authentication: OAUTH2 },
				credentials: { [OAUTH2]: fixture.oauth },
				store: fixture.store,
			});
		},
		/** A POST straight to the sandbox's thanks.io API, with the personal access token. */
		async post(route: string, body: object) {
			const response = await fetch(`${fixture.sandbox.url}/thanksio/api/v2${route}`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					authorization: `Bearer ${THANKSIO_PERSONAL_TOKEN}`,
				},
				body: JSON.stringify(body),
			});
			return { status: response.status, body: (await response.json()) as IDataObject };
		},
		/** Everything a secret could leak into, as one string. */
		secretsIn(value: unknown): string[] {
			const text = JSON.stringify(value, (_key, v: unknown) =>
				v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v,
			);
			const found = [THANKSIO_CLIENT.secret, THANKSIO_PERSONAL_TOKEN].filter((s) =>
				text.includes(s),
			);
			for (const pattern of [/tio_at_[0-9a-f]+/, /tio_rt_[0-9a-f]+/]) {
				const match = pattern.exec(text);
				if (match) found.push(match[0]);
			}
			return found;
		},
	};
	beforeEach(async () => {
		fixture.store = new CredentialStore([new ThanksIoOAuth2Api(), new ThanksIoApi()]);
		fixture.oauth = await fixture.addOAuthCredential();
		await connectOAuth2(fixture.store, 'thanksIoOAuth2Api', fixture.oauth);
		fixture.token = await fixture.addTokenCredential();
	});
	return fixture;
}

/** A postcard to the input item's recipient, with every required field. */
export const postcard = {
	resource: 'mailer',
	operation: 'sendPostcard',
	message: 'Hi %FIRST_NAME%, thank you!',
	frontImageUrl: 'https://example.com/front.png',
};

export function person(n: number): IDataObject {
	return {
		name: `Customer ${n}`,
		address: `${n} Main Street`,
		city: 'Any Town',
		province: 'NY',
		postal_code: '12345',
		country: 'US',
	};
}
