import type {
	INodeCredentialsDetails,
	INodeParameters,
	IDataObject,
	NodeExecutionHint,
} from 'n8n-workflow';

import { ThroughLineOAuth2Api } from '../../credentials/ThroughLineOAuth2Api.credentials';
import { ThroughLine } from '../../nodes/ThroughLine/ThroughLine.node';
import { CredentialStore, executeNode, useSandbox } from '../harness';
import type { NodeSettings } from '../harness';
import { THROUGHLINE_CLIENT, ThroughLineProvider } from '../sandbox';

/** A sandbox, a credential store and a connected ThroughLine credential for one test file. */
export function throughLineFixture() {
	const served = useSandbox(() => new ThroughLineProvider());
	const fixture = {
		get sandbox() {
			return served.sandbox;
		},
		get provider() {
			return served.provider;
		},
		store: undefined as unknown as CredentialStore,
		credential: undefined as unknown as INodeCredentialsDetails,
		node: new ThroughLine(),
		async addCredential(data: IDataObject = {}): Promise<INodeCredentialsDetails> {
			return await fixture.store.add('throughLineOAuth2Api', {
				clientId: THROUGHLINE_CLIENT.id,
				clientSecret: THROUGHLINE_CLIENT.secret,
				tokenUrl: `${fixture.sandbox.url}/throughline/oauth/token`,
				apiBaseUrl: `${fixture.sandbox.url}/throughline/v1`,
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
				typeVersion?: number;
				signal?: AbortSignal;
			} = {},
		) {
			return await executeNode({
				typeVersion: options.typeVersion,
				nodeType: fixture.node,
				parameters,
				credentials: { throughLineOAuth2Api: options.credential ?? fixture.credential },
				store: fixture.store,
				items: options.items,
				continueOnFail: options.continueOnFail,
				settings: options.settings,
				hints: options.hints,
				signal: options.signal,
			});
		},
	};
	beforeEach(async () => {
		fixture.store = new CredentialStore([new ThroughLineOAuth2Api()]);
		fixture.credential = await fixture.addCredential();
	});
	return fixture;
}
