import type { INode, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { Flixcheck } from '../../nodes/Flixcheck/Flixcheck.node';
import { ThanksIo } from '../../nodes/ThanksIo/ThanksIo.node';
import { Thinkific } from '../../nodes/Thinkific/Thinkific.node';
import { ThroughLine } from '../../nodes/ThroughLine/ThroughLine.node';
import { FlixcheckTrigger } from '../../nodes/Flixcheck/FlixcheckTrigger.node';
import { ThanksIoTrigger } from '../../nodes/ThanksIo/ThanksIoTrigger.node';
import { ThinkificTrigger } from '../../nodes/Thinkific/ThinkificTrigger.node';
import { resources as flixcheck } from '../../nodes/Flixcheck/actions';
import { resources as thanksIo } from '../../nodes/ThanksIo/actions';
import { resources as thinkific } from '../../nodes/Thinkific/actions';
import { resources as throughLine } from '../../nodes/ThroughLine/actions';
import type { ResourceMap } from '../../nodes/shared/router';

/** The subtitle as n8n's editor shows it on the canvas, evaluated by n8n-workflow. */
function subtitleOf(nodeType: INodeType, parameters: INodeParameters): unknown {
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
		parameters,
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
		expect(subtitleOf(nodeType, { resource, operation })).toBe(action);
	});
});

describe('trigger subtitles name the chosen events in words', () => {
	test.each<[string, INodeType, INodeParameters, string]>([
		['Thinkific Trigger, none', new ThinkificTrigger(), { events: [] }, 'No events chosen'],
		[
			'Thinkific Trigger, two',
			new ThinkificTrigger(),
			{ events: ['enrollment.completed', 'order.created'] },
			'Enrollment Completed, Order Created',
		],
		[
			'Thinkific Trigger, five',
			new ThinkificTrigger(),
			{
				events: [
					'user.signup',
					'enrollment.created',
					'enrollment.completed',
					'order.created',
					'lesson.completed',
				],
			},
			'User Signed Up, Enrollment Created, Enrollment Completed and 2 more',
		],
		['Flixcheck Trigger, all', new FlixcheckTrigger(), { events: [] }, 'All events'],
		[
			'Flixcheck Trigger, one',
			new FlixcheckTrigger(),
			{ events: ['checkAnswered'] },
			'Check Answered',
		],
		[
			'thanks.io Trigger, webhooks',
			new ThanksIoTrigger(),
			{ mode: 'webhook', events: ['order_item.delivered'] },
			'Order Item Delivered',
		],
		[
			'thanks.io Trigger, polling',
			new ThanksIoTrigger(),
			{ mode: 'poll', pollEvents: ['order.created'] },
			'Polling: New Order',
		],
	])('%s', (_case, nodeType, parameters, expected) => {
		expect(subtitleOf(nodeType, parameters)).toBe(expected);
	});
});

describe('a thanks.io send with Preview Only on', () => {
	test.each([
		['sendPostcard', 'Preview a postcard', 'Send a postcard'],
		['sendLetter', 'Preview a windowed letter', 'Send a windowed letter'],
		['sendMagnacard', 'Preview a magnacard', 'Send a magnacard'],
	])('%s reads "%s", and "%s" when it is off', (operation, preview, send) => {
		const node = new ThanksIo();
		expect(subtitleOf(node, { resource: 'mailer', operation, preview: true })).toBe(preview);
		expect(subtitleOf(node, { resource: 'mailer', operation, preview: false })).toBe(send);
	});
});
