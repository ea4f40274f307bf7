import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Throttle } from './throttle';
import { describeInsecureUrl, trimTrailingSlash } from '../url';
import type { ProviderApi, RequestContext } from './types';

/**
 * The credential as one execution (or one dropdown call) uses it: read and
 * checked once, before the first request, however many items and requests follow.
 */

export interface Connection {
	credentialType: string;
	baseUrls: Record<string, string>;
	/**
	 * A credential other than OAuth2, as read once for the execution: handed to
	 * n8n with every request, so that n8n does not decrypt it again each time.
	 */
	decrypted?: ICredentialsDecrypted;
	/** The limit on requests per second this process keeps for the provider's API host. */
	throttle?: Throttle;
}

/** What one execution (or one dropdown call) of a node keeps between its requests. */
export interface ExecutionState {
	/** The credential, checked once, however many items and requests follow. */
	connection: Promise<Connection>;
	/** The OAuth2 access token this execution last saw stored. */
	knownToken?: string;
	/**
	 * Token-expired statuses that came back right after a token renewal: the
	 * provider means something else by them, so no further renewal is spent on them.
	 */
	persistent: Set<number>;
	/** The OAuth2 credential as read for an earlier request, and when (see `authContext`). */
	held?: { credentials: Promise<ICredentialDataDecryptedObject>; readAt: number };
	/** The context n8n's OAuth2 code runs in (see `authContext`). */
	authContext?: RequestContext;
}

/** How long an OAuth2 credential read for one request serves the next ones. */
const HOLD_CREDENTIAL_MS = 1000;

const executions = new WeakMap<RequestContext, ExecutionState>();

function credentialTypeOf(ctx: RequestContext, api: ProviderApi): string {
	const types = Object.keys(api.credentials);
	if (!api.authenticationParameter || types.length === 1) return types[0];
	// An execution reads parameters per item; dropdowns, hooks and polls have no items.
	const chosen = (
		'getInputData' in ctx
			? ctx.getNodeParameter(api.authenticationParameter, 0, types[0])
			: (ctx as ILoadOptionsFunctions).getNodeParameter(api.authenticationParameter, types[0])
	) as string;
	return types.includes(chosen) ? chosen : types[0];
}

export function accessTokenOf(credentials: ICredentialDataDecryptedObject): string | undefined {
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	return typeof token.access_token === 'string' ? token.access_token : undefined;
}

async function connect(
	ctx: RequestContext,
	api: ProviderApi,
	state: ExecutionState,
): Promise<Connection> {
	const credentialType = credentialTypeOf(ctx, api);
	const use = api.credentials[credentialType];
	const credentials = await ctx.getCredentials(credentialType);
	const refuse = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `${problem} Nothing was sent.`, {
			description: 'Open the credential and correct it.',
		});
	for (const [field, label] of Object.entries(use.urlFields)) {
		const value = credentials[field];
		// An optional URL field left empty falls back to a default the credential builds.
		if (use.optionalUrlFields?.includes(field) && String(value ?? '').trim() === '') continue;
		const problem = describeInsecureUrl(value);
		if (problem) throw refuse(`The credential's "${label}" ${problem}.`);
	}
	const problem = api.checkCredentials?.(credentials, credentialType);
	if (problem) throw refuse(problem);
	if (use.oauth2) {
		state.knownToken = accessTokenOf(credentials);
		state.held = { credentials: Promise.resolve(credentials), readAt: Date.now() };
	}
	const details = ctx.getNode().credentials?.[credentialType];
	const decrypted: ICredentialsDecrypted | undefined =
		!use.oauth2 && details?.id
			? { id: details.id, name: details.name, type: credentialType, data: credentials }
			: undefined;
	const baseUrls: Record<string, string> = {
		'': trimTrailingSlash(String(credentials[use.baseUrlField])),
	};
	for (const [name, field] of Object.entries(use.otherBaseUrlFields ?? {})) {
		baseUrls[name] = trimTrailingSlash(String(credentials[field] ?? ''));
	}
	const perSecond = api.requestsPerSecond?.(credentials);
	const throttle = perSecond === undefined ? undefined : { key: baseUrls[''], perSecond };
	return { credentialType, baseUrls, decrypted, throttle };
}

export function executionState(ctx: RequestContext, api: ProviderApi): ExecutionState {
	let state = executions.get(ctx);
	if (!state) {
		const created = { persistent: new Set<number>() } as ExecutionState;
		created.connection = connect(ctx, api, created);
		// A refused credential is checked again on the next request (the user may fix it).
		created.connection.catch(() => executions.delete(ctx));
		executions.set(ctx, created);
		state = created;
	}
	return state;
}

/**
 * The context in which n8n's `httpRequestWithAuthentication` runs for an OAuth2
 * credential. n8n's OAuth2 code reads the credential for every request (from its
 * database, decrypted, with its expressions evaluated), which costs n8n more CPU
 * time than the request itself, and it takes no credential already read (as
 * `credentialsDecrypted` is for other credentials). So it runs in the node's own
 * context, except that reading this credential gives the one read for an earlier
 * request of this execution, if that was less than a second ago. n8n stores a token
 * it fetches or renews into that same object, so later requests use the new token;
 * after a failed request (`forgetCredential`) and after a second, the credential is
 * read again, so that a token renewed elsewhere is taken up.
 */
export function authContext(
	ctx: RequestContext,
	state: ExecutionState,
	credentialType: string,
): RequestContext {
	if (!state.authContext) {
		const read = (type: string, itemIndex?: number) =>
			(ctx as IExecuteFunctions).getCredentials(type, itemIndex);
		const getCredentials = async (type: string, itemIndex?: number) => {
			if (type !== credentialType) return await read(type, itemIndex);
			const now = Date.now();
			if (!state.held || now - state.held.readAt > HOLD_CREDENTIAL_MS) {
				const credentials = read(type);
				state.held = { credentials, readAt: now };
				credentials.catch(() => forgetCredential(state));
			}
			return await state.held.credentials;
		};
		state.authContext = Object.create(ctx, { getCredentials: { value: getCredentials } });
	}
	return state.authContext!;
}

/** After a failed request: the next one reads the credential again (see `authContext`). */
export function forgetCredential(state: ExecutionState): void {
	state.held = undefined;
}

export async function secretsOf(
	ctx: RequestContext,
	api: ProviderApi,
	type: string,
): Promise<string[]> {
	try {
		const credentials = await ctx.getCredentials(type);
		const token = (credentials.oauthTokenData ?? {}) as IDataObject;
		return [
			...api.secretFields.map((f) => credentials[f]),
			token.access_token,
			token.refresh_token,
		].filter((v): v is string => typeof v === 'string' && v !== '');
	} catch {
		return [];
	}
}
