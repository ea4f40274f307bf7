import { CredentialTestContext, ExecuteContext, LoadOptionsContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IRunExecutionData,
	NodeExecutionHint,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import type { CredentialStore } from './credentials';
import type { NodeSettings } from './workflow';
import { additionalDataFor, buildNode, nodeTypesFor } from './workflow';

export { CredentialStore } from './credentials';
export { N8N_CALLBACK_URL, connectOAuth2 } from './oauth2Connect';
export { useSandbox } from './sandbox';
export { TriggerHarness, captureN8nLog, freshNodeType, useTriggers } from './trigger';
export { additionalDataFor, buildNode, nodeTypesFor } from './workflow';
export type { NodeSettings } from './workflow';
export type {
	Answer,
	ExecutionRecord,
	HeldExecution,
	StaticDataModel,
	TriggerOptions,
} from './trigger';

export interface RunOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials: Record<string, INodeCredentialsDetails>;
	store: CredentialStore;
	/** Input items as JSON. */
	items?: IDataObject[];
	/** Input items as n8n passes them, with binary data; used instead of `items`. */
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	settings?: NodeSettings;
	/** Receives the execution hints the node added (shown with its output in n8n). */
	hints?: NodeExecutionHint[];
	/** The node's version, as a saved workflow holds it (default: the newest). */
	typeVersion?: number;
	/** The execution's cancel signal, which n8n aborts when the user presses Stop. */
	signal?: AbortSignal;
}

/**
 * Runs a node's `execute()` inside n8n-core's real ExecuteContext: parameters and
 * expressions are resolved by n8n-workflow, credentials come from the store, and
 * `httpRequestWithAuthentication` is n8n-core's own (OAuth2 included).
 */
export async function executeNode(options: RunOptions): Promise<INodeExecutionData[][]> {
	const context = executeContext(options);
	try {
		return (await options.nodeType.execute!.call(context)) as INodeExecutionData[][];
	} finally {
		options.hints?.push(...(context as unknown as { hints: NodeExecutionHint[] }).hints);
	}
}

/** The ExecuteContext that `executeNode` runs the node in, for a node and its input items. */
export function executeContext(options: RunOptions): ExecuteContext {
	const { nodeType, store } = options;
	const node = buildNode(
		nodeType,
		options.parameters,
		options.credentials,
		options.continueOnFail ?? false,
		options.settings,
		options.typeVersion,
	);
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(nodeType),
	});
	const items: INodeExecutionData[] =
		options.inputItems ?? (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData: IRunExecutionData = createRunExecutionData();
	const executeData: IExecuteData = { node, data: { main: [items] }, source: null };
	return new ExecuteContext(
		workflow,
		node,
		additionalDataFor(store),
		'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		executeData,
		[],
		options.signal,
	);
}

type EditorCallOptions = Omit<
	RunOptions,
	'items' | 'inputItems' | 'continueOnFail' | 'settings' | 'hints'
> & { method: string };

/** A LoadOptionsContext as n8n's editor makes one for a dropdown or a list search. */
function editorContext(options: EditorCallOptions): LoadOptionsContext {
	const { nodeType, store } = options;
	const node = buildNode(nodeType, options.parameters, options.credentials, false);
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(nodeType),
	});
	const additionalData = additionalDataFor(store);
	additionalData.currentNodeParameters = node.parameters;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}

/** Calls a `methods.loadOptions` method as n8n's editor does, in a LoadOptionsContext. */
export async function loadOptions(options: EditorCallOptions): Promise<INodePropertyOptions[]> {
	const method = options.nodeType.methods?.loadOptions?.[options.method];
	if (!method) throw new Error(`No load-options method ${options.method}`);
	return await method.call(editorContext(options));
}

/**
 * Calls a `methods.listSearch` method (a resource locator's "From List") as n8n's
 * editor does, in a LoadOptionsContext, with the search term and the page token.
 */
export async function listSearch(
	options: EditorCallOptions & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const method = options.nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`No list search method ${options.method}`);
	return await method.call(editorContext(options), options.filter, options.paginationToken);
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Runs a credential's `test` request as n8n's Test button does: a temporary
 * node whose only property routes the test request, executed by n8n-core's
 * RoutingNode with the credential.
 */
export async function testCredential(
	store: CredentialStore,
	type: string,
	details: INodeCredentialsDetails,
): Promise<CredentialTestResult> {
	const credentialType = store.type(type);
	if (!credentialType.test)
		return { status: 'Error', message: 'No testing function found for this credential.' };
	const data: ICredentialDataDecryptedObject = store.applyDefaults(
		additionalDataFor(store),
		await store.stored(details.id!),
		type,
		'internal',
	);
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'n8n-nodes-base.noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: credentialType.test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type]: details },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(nodeType),
	});
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(store),
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: details.id!,
		name: details.name,
		type,
		data,
	});
	try {
		await routingNode.runNode();
	} catch (error) {
		const e = error as {
			cause?: { response?: { status: number; statusText?: string }; code?: string };
			message: string;
		};
		if (e.cause?.response) {
			const { status, statusText } = e.cause.response;
			for (const rule of credentialType.test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
		}
		if (e.cause?.code) return { status: 'Error', message: e.cause.code };
		return { status: 'Error', message: e.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * Runs a credential's Test that a node provides (`testedBy` in the node's
 * credentials, a function in its `methods.credentialTest`), as n8n's credential
 * tester does: in n8n-core's CredentialTestContext, with the decrypted data.
 */
export async function testCredentialWithNode(
	store: CredentialStore,
	nodeType: INodeType,
	type: string,
	details: INodeCredentialsDetails,
): Promise<CredentialTestResult> {
	const entry = nodeType.description.credentials?.find((c) => c.name === type);
	const method =
		typeof entry?.testedBy === 'string'
			? nodeType.methods?.credentialTest?.[entry.testedBy]
			: undefined;
	if (!method)
		return { status: 'Error', message: 'No testing function found for this credential.' };
	const data = store.applyDefaults(
		additionalDataFor(store),
		await store.stored(details.id!),
		type,
		'internal',
	);
	const result = await method.call(new CredentialTestContext(additionalDataFor(store)), {
		id: details.id!,
		name: details.name,
		type,
		data,
	});
	return { status: result.status, message: result.message };
}
