import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ThanksIo } from '../../nodes/ThanksIo/ThanksIo.node';
import { ThroughLine } from '../../nodes/ThroughLine/ThroughLine.node';

/**
 * What n8n's editor loads the moment a node added from the node panel opens. The
 * panel sets the resource and operation of the action picked; every dropdown then
 * shown that fills itself from the provider (a load-options method) is requested
 * at once, often before the editor has set the node's credential (seen on n8n
 * 2.40.7: the request fails with "Node does not have any credentials set", and the
 * editor does not ask again while that request runs, so the credential set
 * meanwhile is never used). A resource locator asks for its list only when it is
 * opened. So the current version of a node shows no such dropdown when it opens,
 * except one that waits on another field (it has nothing to ask for until then).
 */

function defaultVersion(node: INodeType): number {
	const { version, defaultVersion: preferred } = node.description;
	return preferred ?? (Array.isArray(version) ? Math.max(...version) : version);
}

/** Every resource/operation pair the node panel offers as an action. */
function actions(node: INodeType): INodeParameters[] {
	const typeVersion = defaultVersion(node);
	const properties = node.description.properties;
	const shown = (p: INodeProperties, values: INodeParameters) =>
		NodeHelpers.displayParameter(values, p, { typeVersion }, node.description);
	const resources = properties.find((p) => p.name === 'resource')?.options ?? [];
	return resources.flatMap((resource) => {
		const values = { resource: (resource as { value: string }).value };
		const operation = properties.find((p) => p.name === 'operation' && shown(p, values));
		return (operation?.options ?? []).map((o) => ({
			...values,
			operation: (o as { value: string }).value,
		}));
	});
}

/** The dropdowns that load from the provider as soon as a fresh node with `action` opens. */
function loadedAtOpen(node: INodeType, action: INodeParameters): string[] {
	const typeVersion = defaultVersion(node);
	const values = NodeHelpers.getNodeParameters(
		node.description.properties,
		action,
		true,
		false,
		{ typeVersion },
		node.description,
	)!;
	return node.description.properties
		.filter(
			(p) =>
				['options', 'multiOptions'].includes(p.type) &&
				p.typeOptions?.loadOptionsMethod !== undefined &&
				p.typeOptions.loadOptionsDependsOn === undefined &&
				NodeHelpers.displayParameter(values, p, { typeVersion }, node.description),
		)
		.map((p) => p.name);
}

describe.each([
	['thanks.io', new ThanksIo()],
	['ThroughLine', new ThroughLine()],
])('%s, freshly added from the node panel', (_name, node) => {
	test('every action opens without a dropdown that loads before the credential is set', () => {
		const found = actions(node).flatMap((action) =>
			loadedAtOpen(node, action).map((field) => `${action.resource}/${action.operation}: ${field}`),
		);
		expect(actions(node).length).toBeGreaterThan(3);
		expect(found).toEqual([]);
	});
});
