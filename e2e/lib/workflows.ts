import { randomUUID } from 'node:crypto';

/**
 * Workflow JSON as the editor saves it: a trigger connected to one node of this
 * package (or two, side by side, for the examples).
 */

export interface NodeUnderTest {
	/** Full node type, `<package>.<node>`. */
	type: string;
	version: number;
	name: string;
	parameters: Record<string, unknown>;
	credentials: Record<string, { id: string; name: string }>;
}

function settings() {
	return {
		executionOrder: 'v1',
		saveDataSuccessExecution: 'all',
		saveDataErrorExecution: 'all',
		saveManualExecutions: true,
	};
}

/** Webhook trigger → node; the webhook answers with every item of the last node. */
export function webhookWorkflow(name: string, path: string, node: NodeUnderTest) {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: randomUUID(),
				name: node.name,
				type: node.type,
				typeVersion: node.version,
				position: [260, 0],
				parameters: node.parameters,
				credentials: node.credentials,
			},
		],
		connections: {
			Webhook: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
		settings: settings(),
	};
}

/** Manual trigger → each node, side by side (or one after the other): an example to open and execute. */
export function exampleWorkflow(name: string, nodes: NodeUnderTest[], chain = false) {
	const trigger = 'When clicking ‘Execute workflow’';
	const link = (node: NodeUnderTest) => ({ node: node.name, type: 'main', index: 0 });
	const connections: Record<string, unknown> = chain
		? Object.fromEntries(
				[trigger, ...nodes.map((n) => n.name)]
					.slice(0, nodes.length)
					.map((from, i) => [from, { main: [[link(nodes[i])]] }]),
			)
		: { [trigger]: { main: [nodes.map(link)] } };
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: trigger,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			...nodes.map((node, index) => ({
				id: randomUUID(),
				name: node.name,
				type: node.type,
				typeVersion: node.version,
				position: chain ? [280 * (index + 1), 0] : [280, index * 200 - (nodes.length - 1) * 100],
				parameters: node.parameters,
				credentials: node.credentials,
			})),
		],
		connections,
		settings: settings(),
	};
}

export interface TriggerUnderTest extends NodeUnderTest {
	/** n8n's webhook ID of the node: its URL is `<n8n>/webhook/<webhookId>/<path>`. */
	webhookId: string;
}

/** A trigger of this package, optionally followed by nodes one after the other. */
export function triggerWorkflow(
	name: string,
	trigger: TriggerUnderTest,
	downstream: Array<Record<string, unknown>> = [],
) {
	const nodes: Array<Record<string, unknown>> = [
		{
			id: randomUUID(),
			name: trigger.name,
			type: trigger.type,
			typeVersion: trigger.version,
			position: [0, 0],
			webhookId: trigger.webhookId,
			parameters: trigger.parameters,
			credentials: trigger.credentials,
		},
		...downstream.map((node, index) => ({
			id: randomUUID(),
			position: [260 * (index + 1), 0],
			...node,
		})),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name as string] = {
			main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]],
		};
	}
	return { name, nodes, connections, settings: settings() };
}
