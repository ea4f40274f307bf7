import type {
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import type { CredentialStore } from './credentials';

/** What n8n gives every node context: its additional data, node types and the node itself. */

const PACKAGE = 'n8n-nodes-oauth-integrations';

export function additionalDataFor(store: CredentialStore): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: store,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		currentNodeParameters: undefined,
		variables: {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
}

export function nodeTypesFor(nodeType: INodeType) {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
}

export function buildNode(
	nodeType: INodeType,
	parameters: INodeParameters,
	credentials: Record<string, INodeCredentialsDetails>,
	continueOnFail: boolean,
	settings: NodeSettings = {},
	typeVersion?: number,
): INode {
	const node: INode = {
		id: 'node-under-test',
		name: nodeType.description.defaults.name ?? nodeType.description.displayName,
		type: `${PACKAGE}.${nodeType.description.name}`,
		typeVersion:
			typeVersion ??
			(Array.isArray(nodeType.description.version)
				? nodeType.description.version.slice(-1)[0]
				: nodeType.description.version),
		position: [0, 0],
		parameters: {},
		credentials,
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...settings,
	};
	// As n8n does when a node is saved: fill in every default the user did not set.
	node.parameters = NodeHelpers.getNodeParameters(
		nodeType.description.properties,
		parameters,
		true,
		false,
		node,
		nodeType.description,
	) as INodeParameters;
	return node;
}

/** Node settings a user can set in the node's Settings tab. */
export type NodeSettings = Partial<Pick<INode, 'retryOnFail' | 'maxTries' | 'alwaysOutputData'>>;
