import type {
	IDataObject,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	NodeExecutionHint,
} from 'n8n-workflow';

import { FlixcheckApi } from '../../credentials/FlixcheckApi.credentials';
import { FlixcheckOAuth2Api } from '../../credentials/FlixcheckOAuth2Api.credentials';
import { Flixcheck } from '../../nodes/Flixcheck/Flixcheck.node';
import {
	CredentialStore,
	N8N_CALLBACK_URL,
	connectOAuth2,
	executeNode,
	listSearch,
	useSandbox,
} from '../harness';
import type { NodeSettings } from '../harness';
import type { ConnectOptions } from '../harness/oauth2Connect';
import { FLIXCHECK_CLIENT, FLIXCHECK_USERS, FlixcheckProvider } from '../sandbox/flixcheck';

type RunOptions = {
	items?: IDataObject[];
	/** Input items with binary data. */
	binaryItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	credential?: INodeCredentialsDetails;
	authentication?: 'flixcheckOAuth2Api' | 'flixcheckApi';
	settings?: NodeSettings;
	hints?: NodeExecutionHint[];
};

const TOKEN_COUNTERS = [
	'GET /portal/oauth/authorize',
	'POST /guest/v7/oauth-tokens',
	'token requests',
	'token requests as form',
	'token requests as JSON',
	'refreshes',
];

/** A sandbox, a credential store, a connected OAuth2 credential and an API-key credential. */
export function flixcheckFixture() {
	const baseline = new Map<string, number>();
	const served = useSandbox(() => new FlixcheckProvider());
	const fixture = {
		get sandbox() {
			return served.sandbox;
		},
		get provider() {
			return served.provider;
		},
		store: undefined as unknown as CredentialStore,
		oauth: undefined as unknown as INodeCredentialsDetails,
		apiKey: undefined as unknown as INodeCredentialsDetails,
		node: new Flixcheck(),
		async addOAuth2(data: IDataObject = {}): Promise<INodeCredentialsDetails> {
			return await fixture.store.add('flixcheckOAuth2Api', {
				clientId: FLIXCHECK_CLIENT.id,
				clientSecret: FLIXCHECK_CLIENT.secret,
				redirectUrl: N8N_CALLBACK_URL,
				portalUrl: `${fixture.sandbox.url}/flixcheck/portal`,
				apiBaseUrl: `${fixture.sandbox.url}/flixcheck`,
				v1BaseUrl: `${fixture.sandbox.url}/flixcheck-www`,
				...data,
			} as never);
		},
		async addApiKey(data: IDataObject = {}): Promise<INodeCredentialsDetails> {
			return await fixture.store.add('flixcheckApi', {
				userId: FLIXCHECK_USERS.agent.id,
				apiKey: FLIXCHECK_USERS.agent.apiKey,
				apiBaseUrl: `${fixture.sandbox.url}/flixcheck`,
				v1BaseUrl: `${fixture.sandbox.url}/flixcheck-www`,
				...data,
			} as never);
		},
		async connect(credential: INodeCredentialsDetails, options: ConnectOptions = {}) {
			return await connectOAuth2(fixture.store, 'flixcheckOAuth2Api', credential, options);
		},
		/** Sandbox counters since the end of the test's setup (which connected a credential). */
		count(name: string): number {
			return fixture.sandbox.count('flixcheck', name) - (baseline.get(name) ?? 0);
		},
		async run(parameters: INodeParameters, options: RunOptions = {}) {
			const authentication = options.authentication ?? 'flixcheckOAuth2Api';
			const credential =
				options.credential ?? (authentication === 'flixcheckApi' ? fixture.apiKey : fixture.oauth);
			const credentials = { [authentication]: credential };
			const withAuth = { authentication, ...parameters };
			return await executeNode({
				nodeType: fixture.node,
				parameters: withAuth,
				credentials,
				store: fixture.store,
				items: options.items,
				inputItems: options.binaryItems,
				continueOnFail: options.continueOnFail,
				settings: options.settings,
				hints: options.hints,
			});
		},
		/** Calls a resource locator's list search, as the editor does. */
		async search(method: string, filter?: string, authentication = 'flixcheckOAuth2Api') {
			return await listSearch({
				nodeType: fixture.node,
				method,
				filter,
				parameters: { authentication },
				credentials: {
					[authentication]: authentication === 'flixcheckApi' ? fixture.apiKey : fixture.oauth,
				},
				store: fixture.store,
			});
		},
	};
	beforeEach(async () => {
		fixture.store = new CredentialStore([new FlixcheckOAuth2Api(), new FlixcheckApi()]);
		fixture.oauth = await fixture.addOAuth2();
		await fixture.connect(fixture.oauth);
		fixture.apiKey = await fixture.addApiKey();
		// Resetting the sandbox would forget the tokens just issued: remember the counts instead.
		baseline.clear();
		for (const name of TOKEN_COUNTERS) baseline.set(name, fixture.sandbox.count('flixcheck', name));
		fixture.sandbox.log.length = 0;
	});
	return fixture;
}

/** Everything an error carries, as text, to look for secrets in it. */
export function errorText(error: unknown): string {
	const e = error as Error & { description?: string };
	return JSON.stringify({
		...(e as object),
		message: e.message,
		description: e.description,
		stack: e.stack,
	});
}
