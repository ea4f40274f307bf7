import { randomUUID } from 'node:crypto';

/** Workflow JSON as the editor saves it: a webhook trigger and the nodes it runs. */

function settings() {
	return {
		executionOrder: 'v1',
		saveDataSuccessExecution: 'all',
		saveDataErrorExecution: 'all',
		saveManualExecutions: true,
	};
}

/** One node of a chain: any node type, with its parameters and credentials. */
export interface ChainNode {
	name: string;
	type: string;
	version: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

/** n8n's Split Out node: one item per entry of the list in `field`. */
export function splitOut(field: string): ChainNode {
	return {
		name: 'Split Out',
		type: 'n8n-nodes-base.splitOut',
		version: 1,
		parameters: { fieldToSplitOut: field, include: 'noOtherFields', options: {} },
	};
}

/**
 * Webhook trigger → each node in turn. The webhook answers with the items of the
 * last node: all of them, or (the benchmark's shape, so that the answer stays
 * small whatever the items in between) the first one only, and then successful
 * executions are not saved.
 */
export function webhookChain(
	name: string,
	path: string,
	nodes: ChainNode[],
	answer: 'allEntries' | 'firstEntryJson' = 'firstEntryJson',
) {
	const webhook = 'Webhook';
	const names = [webhook, ...nodes.map((n) => n.name)];
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: webhook,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path,
					responseMode: 'lastNode',
					responseData: answer,
					options: {},
				},
			},
			...nodes.map((node, index) => ({
				id: randomUUID(),
				name: node.name,
				type: node.type,
				typeVersion: node.version,
				position: [260 * (index + 1), 0],
				parameters: node.parameters,
				...(node.credentials ? { credentials: node.credentials } : {}),
			})),
		],
		connections: Object.fromEntries(
			names
				.slice(0, -1)
				.map((from, i) => [from, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
		),
		settings: {
			...settings(),
			saveDataSuccessExecution: answer === 'allEntries' ? 'all' : 'none',
		},
	};
}

/** Webhook trigger → one node; the webhook answers with every item of that node. */
export function webhookWorkflow(name: string, path: string, node: ChainNode) {
	return webhookChain(name, path, [node], 'allEntries');
}

export interface TriggerUnderTest extends ChainNode {
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
			...(trigger.credentials ? { credentials: trigger.credentials } : {}),
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
