import { randomUUID } from 'node:crypto';

import type {
	FlixcheckProvider,
	ThanksIoProvider,
	ThinkificProvider,
	ThroughLineProvider,
} from '../test/sandbox';
import type { SandboxContext } from './spec';
import { expect } from './spec';

/**
 * The example workflows: one per node, each showing the node's main job against
 * the provider sandbox. `npm run dev -- --sandbox` creates them; the browser part
 * of the end-to-end suite opens each in n8n's editor, runs it from the canvas and
 * checks its result with `check`.
 */

export interface ExampleContext extends SandboxContext {
	/** The package's name: node types are `<packageName>.<node>`. */
	packageName: string;
	/** The credential of each type to use, as n8n stores it. */
	credential(type: string): { id: string; name: string };
}

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	alwaysOutputData?: boolean;
}

export interface Example {
	/** The workflow's name in n8n. */
	name: string;
	/** The credential types it uses. */
	credentialTypes: string[];
	/** The nodes after the manual trigger, left to right. */
	nodes(ctx: ExampleContext): ExampleNode[];
	/** Connections by node name: the nodes each output leads to (the trigger is `trigger`). */
	connections: Record<string, string[][]>;
	/** The node whose output `check` reads. */
	resultNode: string;
	/** Throws when the result node's items, or the sandbox, are not as they should be. */
	check(items: Array<Record<string, unknown>>, ctx: SandboxContext): void;
}

export const TRIGGER = 'When clicking ‘Execute workflow’';

function node(
	ctx: ExampleContext,
	name: string,
	type: string,
	credentialType: string,
	parameters: Record<string, unknown>,
	extra: Partial<ExampleNode> = {},
): ExampleNode {
	return {
		name,
		type: `${ctx.packageName}.${type}`,
		typeVersion: 1,
		parameters: { authentication: credentialType, ...parameters },
		credentials: { [credentialType]: ctx.credential(credentialType) },
		...extra,
	};
}

function setFields(name: string, values: Record<string, string>): ExampleNode {
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			assignments: {
				assignments: Object.entries(values).map(([field, value]) => ({
					id: randomUUID(),
					name: field,
					value,
					type: 'string',
				})),
			},
			options: {},
		},
	};
}

const POSTCARD_MESSAGE = 'Thank you for your order, %FIRST_NAME%!';

/** thanks.io: a postcard previewed first (nothing is sent), then sent. */
const thanksIo: Example = {
	name: 'thanks.io: preview a postcard, then send it (sandbox)',
	credentialTypes: ['thanksIoOAuth2Api'],
	nodes: (ctx) => {
		const postcard = {
			resource: 'mailer',
			operation: 'sendPostcard',
			message: POSTCARD_MESSAGE,
			frontImageUrl: 'https://example.com/postcard-front.png',
			// The recipient comes from the "Customer" node, whatever the node before gave.
			recipientName: "={{ $('Customer').item.json.name }}",
			recipientAddress: "={{ $('Customer').item.json.address }}",
			recipientCity: "={{ $('Customer').item.json.city }}",
			recipientProvince: "={{ $('Customer').item.json.province }}",
			recipientPostalCode: "={{ $('Customer').item.json.postal_code }}",
			recipientCountry: "={{ $('Customer').item.json.country }}",
		};
		return [
			setFields('Customer', {
				name: 'Kim Example',
				address: '123 Main Street',
				city: 'Any Town',
				province: 'NY',
				postal_code: '12345',
				country: 'US',
			}),
			node(
				ctx,
				'Preview postcard',
				'thanksIo',
				'thanksIoOAuth2Api',
				{ ...postcard, preview: true },
				{ typeVersion: 1.1 },
			),
			node(ctx, 'Send postcard', 'thanksIo', 'thanksIoOAuth2Api', postcard, { typeVersion: 1.1 }),
		];
	},
	connections: {
		trigger: [['Customer']],
		Customer: [['Preview postcard']],
		'Preview postcard': [['Send postcard']],
	},
	resultNode: 'Send postcard',
	check(items, { sandbox }) {
		expect(items.length === 1, `expected one order, got ${items.length}`);
		expect(items[0].status === 'reviewing', `unexpected order ${JSON.stringify(items[0])}`);
		const sends = sandbox.provider<ThanksIoProvider>('thanksio').sends;
		const last = sends[sends.length - 1] as { message?: string; recipients?: unknown[] };
		expect(
			last?.message === POSTCARD_MESSAGE && JSON.stringify(last.recipients).includes('Kim Example'),
			'the sandbox received no postcard to Kim Example',
		);
	},
};

const LEARNER_EMAIL = 'kim.learner@example.com';

/** Thinkific: the learner is found by email or created, then enrolled in a course. */
const thinkific: Example = {
	name: 'Thinkific: find or create a user, then enroll them (sandbox)',
	credentialTypes: ['thinkificOAuth2Api'],
	nodes: (ctx) => [
		setFields('Learner', { email: LEARNER_EMAIL, first_name: 'Kim', last_name: 'Learner' }),
		node(
			ctx,
			'Find user by email',
			'thinkific',
			'thinkificOAuth2Api',
			{ resource: 'user', operation: 'findByEmail', email: '={{ $json.email }}' },
			// No user found gives an empty item, so that the workflow goes on to create one.
			{ alwaysOutputData: true },
		),
		{
			name: 'Found?',
			type: 'n8n-nodes-base.if',
			typeVersion: 2.2,
			parameters: {
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
					conditions: [
						{
							id: randomUUID(),
							leftValue: '={{ $json.id }}',
							rightValue: '',
							operator: { type: 'number', operation: 'exists', singleValue: true },
						},
					],
					combinator: 'and',
				},
				options: {},
			},
		},
		node(ctx, 'Create user', 'thinkific', 'thinkificOAuth2Api', {
			resource: 'user',
			operation: 'create',
			firstName: "={{ $('Learner').item.json.first_name }}",
			lastName: "={{ $('Learner').item.json.last_name }}",
			email: "={{ $('Learner').item.json.email }}",
		}),
		node(ctx, 'Enroll in course', 'thinkific', 'thinkificOAuth2Api', {
			resource: 'enrollment',
			operation: 'create',
			courseId: {
				__rl: true,
				mode: 'list',
				value: '101',
				cachedResultName: 'Intro to Pottery',
			},
			userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		}),
	],
	connections: {
		trigger: [['Learner']],
		Learner: [['Find user by email']],
		'Find user by email': [['Found?']],
		'Found?': [['Enroll in course'], ['Create user']],
		'Create user': [['Enroll in course']],
	},
	resultNode: 'Enroll in course',
	check(items, { sandbox }) {
		expect(items.length === 1, `expected one enrollment, got ${items.length}`);
		const provider = sandbox.provider<ThinkificProvider>('thinkific');
		const learners = [...provider.users.values()].filter((u) => u.email === LEARNER_EMAIL);
		expect(learners.length === 1, `${learners.length} users with ${LEARNER_EMAIL}`);
		expect(
			items[0].user_id === learners[0].id && items[0].course_name === 'Intro to Pottery',
			`unexpected enrollment ${JSON.stringify(items[0])}`,
		);
	},
};

const COHORT_BUNDLE = { id: '301', name: 'Pottery Bundle' };

/**
 * Thinkific: a group enrollment. A group is created for a cohort, each learner is
 * added to it, and each is enrolled in a bundle (every course of the bundle).
 */
const thinkificGroup: Example = {
	name: 'Thinkific: create a group, add a cohort, enroll it in a bundle (sandbox)',
	credentialTypes: ['thinkificOAuth2Api'],
	nodes: (ctx) => [
		node(ctx, 'Create group', 'thinkific', 'thinkificOAuth2Api', {
			resource: 'group',
			operation: 'create',
			name: "=Cohort {{ $now.toFormat('yyyy-MM-dd HH:mm:ss') }}",
		}),
		{
			name: 'Cohort',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				mode: 'raw',
				jsonOutput: JSON.stringify({
					learners: [
						{ first_name: 'Ada', last_name: 'Clay' },
						{ first_name: 'Bo', last_name: 'Glaze' },
					],
				}),
				options: {},
			},
		},
		{
			name: 'One item per learner',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'learners', options: {} },
		},
		node(ctx, 'Create user', 'thinkific', 'thinkificOAuth2Api', {
			resource: 'user',
			operation: 'create',
			firstName: '={{ $json.first_name }}',
			lastName: '={{ $json.last_name }}',
			// A new address on each run, so that the example can run again.
			email: '={{ $json.first_name.toLowerCase() }}.{{ $now.toMillis() }}@example.com',
		}),
		node(ctx, 'Add to group', 'thinkific', 'thinkificOAuth2Api', {
			resource: 'group',
			operation: 'addUser',
			groupId: { __rl: true, mode: 'id', value: "={{ $('Create group').first().json.id }}" },
			userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		}),
		node(ctx, 'Enroll in bundle', 'thinkific', 'thinkificOAuth2Api', {
			resource: 'bundle',
			operation: 'enrollUser',
			bundleId: {
				__rl: true,
				mode: 'list',
				value: COHORT_BUNDLE.id,
				cachedResultName: COHORT_BUNDLE.name,
			},
			userId: { __rl: true, mode: 'id', value: '={{ $json.user_id }}' },
		}),
	],
	connections: {
		trigger: [['Create group']],
		'Create group': [['Cohort']],
		Cohort: [['One item per learner']],
		'One item per learner': [['Create user']],
		'Create user': [['Add to group']],
		'Add to group': [['Enroll in bundle']],
	},
	resultNode: 'Enroll in bundle',
	check(items, { sandbox }) {
		expect(items.length === 2, `expected two bundle enrollments, got ${items.length}`);
		expect(
			items.every((item) => item.enrolled === true && String(item.bundle_id) === COHORT_BUNDLE.id),
			`unexpected enrollments ${JSON.stringify(items)}`,
		);
		const provider = sandbox.provider<ThinkificProvider>('thinkific');
		const enrolled = new Set(
			[...provider.enrollments.values()].map((e) => (e as { user_id: number }).user_id),
		);
		expect(
			items.every((item) => enrolled.has(Number(item.user_id))),
			'the learners have no course enrollments at the sandbox',
		);
	},
};

/** ThroughLine: the priority helplines for one country and topic, the whole set. */
const throughLine: Example = {
	name: 'ThroughLine: priority helplines for a country and topic (sandbox)',
	credentialTypes: ['throughLineOAuth2Api'],
	nodes: (ctx) => [
		{
			name: 'Search priority helplines',
			type: `${ctx.packageName}.throughLine`,
			typeVersion: 1.2,
			// One credential type, so no "Authentication" parameter.
			parameters: {
				resource: 'helpline',
				operation: 'search',
				countryCode: {
					__rl: true,
					mode: 'list',
					value: 'US',
					cachedResultName: 'United States (US)',
				},
				topic: {
					__rl: true,
					mode: 'list',
					value: 'Suicidal thoughts',
					cachedResultName: 'Suicidal thoughts',
				},
				priorityOnly: true,
			},
			credentials: { throughLineOAuth2Api: ctx.credential('throughLineOAuth2Api') },
		},
	],
	connections: { trigger: [['Search priority helplines']] },
	resultNode: 'Search priority helplines',
	check(items, { sandbox }) {
		const expected = sandbox
			.provider<ThroughLineProvider>('throughline')
			.helplines.filter(
				(h) => h.country.code === 'US' && h.priority && h.topics.includes('Suicidal thoughts'),
			)
			.map((h) => h.id);
		const got = items.map((i) => String(i.id));
		expect(
			expected.length > 0 && JSON.stringify(got) === JSON.stringify(expected),
			`expected the whole priority set ${expected.join(', ')}, got ${got.join(', ')}`,
		);
	},
};

const CHECK_SUBJECT = 'Photos of the damage';

/**
 * A check's elements, in the shape of the example in Flixcheck's JavaScript SDK
 * (examples/test.js): each with an `id`, a `type` and `subtype`, and `options`.
 */
export const CHECK_ELEMENTS = [
	{
		id: '1',
		type: 'question',
		subtype: 'number',
		options: { text: 'How many rooms were damaged?' },
	},
];

/** Flixcheck: a check sent by email, then read back by its ID. */
const flixcheck: Example = {
	name: 'Flixcheck: send a check and read it back (sandbox)',
	credentialTypes: ['flixcheckOAuth2Api'],
	nodes: (ctx) => [
		node(ctx, 'Send a check', 'flixcheck', 'flixcheckOAuth2Api', {
			resource: 'check',
			operation: 'send',
			sendBy: 'email',
			email: 'kim@example.com',
			addressing: 'neutral',
			name: 'Kim Example',
			subject: CHECK_SUBJECT,
			elements: JSON.stringify(CHECK_ELEMENTS, null, 2),
		}),
		node(ctx, 'Read the check', 'flixcheck', 'flixcheckOAuth2Api', {
			resource: 'check',
			operation: 'get',
			checkId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		}),
	],
	connections: { trigger: [['Send a check']], 'Send a check': [['Read the check']] },
	resultNode: 'Read the check',
	check(items, { sandbox }) {
		expect(items.length === 1, `expected one check, got ${items.length}`);
		const stored = sandbox.provider<FlixcheckProvider>('flixcheck').checks.get(String(items[0].id));
		expect(
			items[0].subject === CHECK_SUBJECT && stored?.subject === CHECK_SUBJECT,
			`unexpected check ${JSON.stringify(items[0])}`,
		);
		expect(
			JSON.stringify(stored?.elements) === JSON.stringify(CHECK_ELEMENTS),
			`the sandbox received the elements ${JSON.stringify(stored?.elements)}`,
		);
	},
};

export const examples: Example[] = [thanksIo, thinkific, thinkificGroup, throughLine, flixcheck];

/** An example as workflow JSON, the way the editor saves it. */
export function exampleWorkflowJson(example: Example, ctx: ExampleContext) {
	const nodes = example.nodes(ctx);
	const link = (name: string) => ({ node: name, type: 'main', index: 0 });
	const connections: Record<string, unknown> = {};
	for (const [from, outputs] of Object.entries(example.connections)) {
		connections[from === 'trigger' ? TRIGGER : from] = {
			main: outputs.map((targets) => targets.map(link)),
		};
	}
	// Left to right in the order given; the "false" branch of an IF below its "true" branch.
	const column = new Map<string, number>([[TRIGGER, 0]]);
	const row = new Map<string, number>([[TRIGGER, 0]]);
	for (const n of nodes) {
		const parents = Object.entries(example.connections).flatMap(([from, outputs]) =>
			outputs.flatMap((targets, output) =>
				targets.includes(n.name) ? [{ from: from === 'trigger' ? TRIGGER : from, output }] : [],
			),
		);
		const first = parents[0];
		column.set(n.name, Math.max(...parents.map((p) => (column.get(p.from) ?? 0) + 1), 1));
		row.set(n.name, first ? (row.get(first.from) ?? 0) + first.output : 0);
	}
	return {
		name: example.name,
		nodes: [
			{
				id: randomUUID(),
				name: TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			...nodes.map((n) => ({
				id: randomUUID(),
				position: [(column.get(n.name) ?? 1) * 240, (row.get(n.name) ?? 0) * 200],
				...n,
			})),
		],
		connections,
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
			saveManualExecutions: true,
		},
	};
}
