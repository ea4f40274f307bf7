import type { INode, INodeType } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { Flixcheck } from '../../nodes/Flixcheck/Flixcheck.node';
import { ThanksIo } from '../../nodes/ThanksIo/ThanksIo.node';
import { Thinkific } from '../../nodes/Thinkific/Thinkific.node';
import { ThroughLine } from '../../nodes/ThroughLine/ThroughLine.node';
import { resources as flixcheck } from '../../nodes/Flixcheck/actions';
import { resources as thanksIo } from '../../nodes/ThanksIo/actions';
import { resources as thinkific } from '../../nodes/Thinkific/actions';
import { resources as throughLine } from '../../nodes/ThroughLine/actions';
import type { ResourceMap } from '../../nodes/shared/router';

/** The subtitle as n8n's editor shows it on the canvas, evaluated by n8n-workflow. */
function subtitleOf(nodeType: INodeType, resource: string, operation: string): unknown {
	const description = nodeType.description;
	const node: INode = {
		id: 'n',
		name: description.displayName,
		type: `n8n-nodes-oauth-integrations.${description.name}`,
		typeVersion: Array.isArray(description.version)
			? description.version.slice(-1)[0]
			: description.version,
		position: [0, 0],
		parameters: {},
	};
	node.parameters = NodeHelpers.getNodeParameters(
		description.properties,
		{ resource, operation },
		true,
		false,
		node,
		description,
	)!;
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
	});
	return workflow.expression.getSimpleParameterValue(
		node,
		description.subtitle!,
		'internal',
		{},
		undefined,
		'',
	);
}

describe.each<[string, INodeType, ResourceMap]>([
	['ThroughLine', new ThroughLine(), throughLine],
	['Thinkific', new Thinkific(), thinkific],
	['thanks.io', new ThanksIo(), thanksIo],
	['Flixcheck', new Flixcheck(), flixcheck],
])('%s subtitle', (_name, nodeType, resources) => {
	const cases = Object.entries(resources).flatMap(([resource, operations]) =>
		Object.values(operations).map(
			(op) => [resource, String(op.option.value), op.option.action] as const,
		),
	);
	test.each(cases)('%s / %s reads "%s"', (resource, operation, action) => {
		expect(subtitleOf(nodeType, resource, operation)).toBe(action);
	});
});
