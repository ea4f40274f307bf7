import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ThanksIo } from '../../nodes/ThanksIo/ThanksIo.node';
import { ThanksIoTrigger } from '../../nodes/ThanksIo/ThanksIoTrigger.node';
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
 * A trigger is added by one of its events ("On order item delivered"), and a field
 * it offers (its mode) may change what it shows: each of its modes counts.
 */

function defaultVersion(node: INodeType): number {
	const { version, defaultVersion: preferred } = node.description;
	return preferred ?? (Array.isArray(version) ? Math.max(...version) : version);
}

/**
 * Every action the node panel offers: each resource/operation pair of an action node;
 * each event of a trigger (the field n8n's panel lists them from: labelled "Event",
 * "Events" or "Trigger On"), in each of the trigger's modes.
 */
function actions(node: INodeType): INodeParameters[] {
	const typeVersion = defaultVersion(node);
	const properties = node.description.properties;
	const shown = (p: INodeProperties, values: INodeParameters) =>
		NodeHelpers.displayParameter(values, p, { typeVersion }, node.description);
	if (node.description.group.includes('trigger')) {
		const events = properties.find((p) =>
			['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()),
		);
		const modes = properties.find((p) => p.name === 'mode')?.options ?? [];
		const opened = (events?.options ?? []).map((o) => {
			const value = (o as { value: string }).value;
			return { [events!.name]: events!.type === 'multiOptions' ? [value] : value };
		});
		return modes.length === 0
			? opened
			: modes.flatMap((m) => opened.map((o) => ({ ...o, mode: (m as { value: string }).value })));
	}
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

/** What a fresh node opened with `action` shows, for the failure message. */
function label(action: INodeParameters): string {
	return Object.values(action)
		.map((v) => (Array.isArray(v) ? v.join('+') : String(v)))
		.join('/');
}

describe.each([
	['thanks.io', new ThanksIo()],
	['ThroughLine', new ThroughLine()],
	['thanks.io Trigger', new ThanksIoTrigger()],
])('%s, freshly added from the node panel', (_name, node) => {
	test('every action opens without a dropdown that loads before the credential is set', () => {
		const found = actions(node).flatMap((action) =>
			loadedAtOpen(node, action).map((field) => `${label(action)}: ${field}`),
		);
		expect(actions(node).length).toBeGreaterThan(3);
		expect(found).toEqual([]);
	});
});
