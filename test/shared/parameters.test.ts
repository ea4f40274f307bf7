/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   Test code, never published: it shows values with Node.js's inspect, which tells types apart. */
import { inspect } from 'node:util';

import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { parameterValue } from '../../nodes/shared/parameters';
import manifest from '../../package.json';
import type { CredentialStore } from '../harness';
import { executeContext } from '../harness';
import { fromN8nCore } from '../harness/encryption';

/**
 * `parameterValue` (nodes/shared/parameters.ts) reads plain values and `={{ $json.field }}`
 * itself, for speed, and everything else with n8n's `getNodeParameter`. This test proves
 * that it reads what n8n reads. For every operation of every action node (found from the
 * package's manifest and the nodes' Resource and Operation options, so a new node or
 * operation is covered without editing this file) it saves node parameters covering each
 * of the operation's parameters, their entries and their locator modes, in many forms
 * (plain values and expressions), and reads every saved parameter for several input items
 * both ways, in n8n-core's real ExecuteContext: the package's way and `getNodeParameter`.
 *
 * `npm test` runs it with the n8n-core and n8n-workflow 2.x this package is developed
 * with; `npm run test:params:n8n1` runs the same file with those of n8n 1.x.
 */

type Value = INodeParameters[string];
type Property = INodeProperties;

/** Reading parameters asks for no credentials: the contexts get no credential store. */
const store = undefined as unknown as CredentialStore;

/**
 * n8n-core starts a clean-up timer for SSH tunnels with its first ExecuteContext and
 * stops it when n8n shuts down (n8n-core 1.x's timer would keep the test process alive).
 */
afterAll(() => {
	const { Container } = fromN8nCore<{ Container: { get(type: unknown): unknown } }>('@n8n/di');
	const { SSHClientsManager } = fromN8nCore<{ SSHClientsManager: unknown }>(
		'n8n-core/dist/execution-engine/ssh-clients-manager',
	);
	(Container.get(SSHClientsManager) as { onShutdown(): void }).onShutdown();
});

/** n8n's luxon DateTime class, as its expressions make them (items can hold them in memory). */
const DateTime = (() => {
	const ctx = executeContext({
		nodeType: actionNodes()[0],
		parameters: {},
		credentials: {},
		store,
	});
	const made = ctx.evaluateExpression('{{ DateTime.fromISO("2024-05-06T07:08:09.000Z") }}', 0);
	return (made as object).constructor as unknown as { fromISO(text: string): IDataObject };
})();

/**
 * Input items, with the kinds of values a field can hold. Made afresh for every context:
 * n8n may change what it reads (it turns DateTimes inside objects into text).
 */
function inputItems(): IDataObject[] {
	return [
		{ field: 'text', x: 'x0', 'some field': 'spaced' },
		{
			field: null,
			x: 1,
			'some field': null,
			locator: { mode: 'list', value: '7' },
			date: new Date('2024-05-06T07:08:09Z'),
		},
		{ field: 7, x: null, 'some field': 0, locator: '12' },
		{
			field: { nested: 'yes', mode: 'id', value: '5', when: DateTime.fromISO('2024-05-06') },
			'some field': { a: [1] },
		},
		{ field: [1, 'two', { three: 3 }], x: '', 'some field': [] },
		{
			// Fields named like Object's members and other odd names, as JSON can have them.
			...(JSON.parse(
				'{"constructor": "own", "__proto__": "own proto", "prototype": 2, "toString": "own", ' +
					'"a.constructor": "dotted", "a }} b": "braces", "line\\nbreak": "newline", ' +
					'"$": "dollar", "class": "reserved"}',
			) as IDataObject),
			x: false,
			'some field': true,
			date: DateTime.fromISO('2024-05-06T07:08:09.000Z'),
			locator: { __rl: true, mode: 'id', value: '9' },
		},
	];
}

const ALL_ITEMS = inputItems().map((_, index) => index);
/** The items the other expressions are read for: one with a Date, and the odd one. */
const EDGE_ITEMS = [1, ALL_ITEMS.length - 1];
/** The items an expression inside a collection or locator is read for: plain, and objects. */
const NESTED_ITEMS = [0, 3];

/** Expressions of the item's own fields, as mapped fields are: read for every item. */
const CORE_EXPRESSIONS = [
	'={{ $json.field }}',
	'={{ $json["some field"] }}',
	'={{ $json.x }}',
	'={{ $json.missing }}',
];

/**
 * Computed values, and expressions that look like (or nearly like) an own field: other
 * spacing and quotes, Dates and DateTimes, a locator-shaped object, names n8n refuses
 * or cannot parse, deeper paths and templates.
 */
const EDGE_EXPRESSIONS = [
	'={{ 1 + 1 }}',
	'={{ "a" + $json.x }}',
	'={{$json.field}}',
	"={{ $json['some field'] }}",
	'={{ $json.date }}',
	'={{ $json.locator }}',
	'={{ $json.constructor }}',
	'={{ $json["toString"] }}',
	'={{ $json.__proto__ }}',
	'={{ $json["prototype"] }}',
	'={{ $json["a.constructor"] }}',
	'={{ $json["a }} b"] }}',
	'={{ $json["line\nbreak"] }}',
	'={{ $json.$ }}',
	'={{ $json.class }}',
	'={{ $json.field.nested }}',
	'=Dear {{ $json.x }}',
	'= {{ $json.field }}',
];

const EXPRESSIONS = [...CORE_EXPRESSIONS, ...EDGE_EXPRESSIONS];

/** Values of a dropdown that the provider fills (no options in the description). */
const LOADED_OPTIONS = ['1', '42', 'Some Name'];

function optionValues(property: Property): Value[] {
	const options = (property.options ?? []) as INodePropertyOptions[];
	return options.length ? options.map((option) => option.value) : LOADED_OPTIONS;
}

/** A resource locator mode's plain values. */
function locatorSamples(mode: string): string[] {
	if (mode === 'url') return ['https://example.com/items/42', ''];
	if (mode === 'email') return ['ada@example.com', ''];
	return ['42', ''];
}

/** Plain values a parameter of this kind holds, as n8n's editor saves them. */
function plainValues(property: Property): Value[] {
	switch (property.type) {
		case 'string':
			return ['plain text', '', '  padded  ', 'a "quoted" \\ value', '==not {{ an expression'];
		case 'number':
			return [5, 0, -1.5];
		case 'boolean':
			return [true, false];
		case 'options':
			return optionValues(property);
		case 'multiOptions': {
			const values = optionValues(property);
			return [[], values.slice(0, 1), values] as Value[];
		}
		case 'dateTime':
			return ['2024-05-06T07:08:09.000Z', '2024-05-06', ''];
		case 'json':
			return ['{"a": 1}', '[{"b": 2}]', ''];
		case 'color':
			return ['#112233', ''];
		case 'collection':
			return collectionValues(property);
		case 'fixedCollection':
			return fixedCollectionValues(property);
		case 'resourceLocator':
			return locatorValues(property);
		default:
			throw new Error(
				`The test makes no values for parameter "${property.name}" of type "${property.type}": add them`,
			);
	}
}

/** Every form a parameter is saved in: plain values, then expressions where allowed. */
function formsOf(property: Property): Value[] {
	if (property.type === 'notice') return [];
	const plain = plainValues(property);
	return property.noDataExpression ? plain : [...plain, ...EXPRESSIONS];
}

/** The k-th form of each entry (collections set all their entries at once). */
function entriesAt(properties: Property[], k: number): IDataObject {
	const entries: IDataObject = {};
	for (const property of properties) {
		const forms = formsOf(property);
		if (forms.length) entries[property.name] = forms[k % forms.length] as IDataObject[string];
	}
	return entries;
}

function mostForms(properties: Property[]): number {
	return Math.max(1, ...properties.map((property) => formsOf(property).length));
}

function collectionValues(property: Property): Value[] {
	const options = (property.options ?? []) as Property[];
	const values: Value[] = [{}];
	for (let k = 0; k < mostForms(options); k++) values.push(entriesAt(options, k) as Value);
	return values;
}

function fixedCollectionValues(property: Property): Value[] {
	const groups = (property.options ?? []) as INodePropertyCollection[];
	const multiple = property.typeOptions?.multipleValues === true;
	const rounds = Math.max(...groups.map((group) => mostForms(group.values)));
	const values: Value[] = [{}];
	for (let k = 0; k < rounds; k++) {
		const value: IDataObject = {};
		for (const group of groups) {
			value[group.name] = multiple
				? [entriesAt(group.values, k), entriesAt(group.values, k + 1)]
				: entriesAt(group.values, k);
		}
		values.push(value as Value);
	}
	return values;
}

function locatorValues(property: Property): Value[] {
	const values: Value[] = [];
	for (const mode of property.modes ?? []) {
		for (const value of [...locatorSamples(mode.name), ...EXPRESSIONS]) {
			values.push({ __rl: true, mode: mode.name, value });
		}
		if (mode.name === 'list') {
			values.push({ __rl: true, mode: 'list', value: '7', cachedResultName: 'Seven' });
		}
	}
	// A plain value, as saved before a parameter became a locator, or by hand.
	values.push('42');
	return values;
}

/** Whether a saved value holds an expression anywhere. */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	return !!value && typeof value === 'object' && Object.values(value).some(hasExpression);
}

/**
 * The items a saved value is read for: every item for the usual expressions, some for
 * the odd ones and for expressions inside a collection or locator (n8n resolves each
 * entry, which takes long), two for plain values.
 */
function itemsFor(value: unknown): number[] {
	if (typeof value === 'string' && value.startsWith('=')) {
		return CORE_EXPRESSIONS.includes(value) ? ALL_ITEMS : EDGE_ITEMS;
	}
	return hasExpression(value) ? NESTED_ITEMS : [0, 1];
}

/** The package's action nodes, as its manifest lists them (not the triggers). */
function actionNodes(): INodeType[] {
	const nodes: INodeType[] = [];
	for (const file of manifest.n8n.nodes) {
		const source = `../../${file.replace(/^dist\//, '').replace(/\.js$/, '')}`;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(source) as Record<string, new () => INodeType>;
		for (const NodeClass of Object.values(exported)) {
			const node = new NodeClass();
			if (!node.description.group.includes('trigger')) nodes.push(node);
		}
	}
	return nodes;
}

function listed(allowed: unknown, value: string): boolean {
	return allowed === undefined || (Array.isArray(allowed) && allowed.includes(value));
}

interface Operation {
	node: INodeType;
	resource: string;
	operation: string;
	/** The parameters shown for it: its own and the node's (such as Authentication). */
	properties: Property[];
}

/** Every operation of a node, from its Resource and Operation options. */
function operationsOf(node: INodeType): Operation[] {
	const all = node.description.properties;
	const name = node.description.displayName;
	const resource = all.find((property) => property.name === 'resource');
	if (!resource) throw new Error(`${name} has no Resource parameter`);
	const operations: Operation[] = [];
	for (const { value: r } of resource.options as INodePropertyOptions[]) {
		const selectors = all.filter(
			(property) =>
				property.name === 'operation' && listed(property.displayOptions?.show?.resource, `${r}`),
		);
		if (!selectors.length) throw new Error(`${name}'s resource "${r}" has no Operation parameter`);
		for (const selector of selectors) {
			for (const { value: o } of selector.options as INodePropertyOptions[]) {
				const properties = all.filter((property) => {
					const shown = property.displayOptions?.show;
					return (
						property.name !== 'resource' &&
						property.name !== 'operation' &&
						property.type !== 'notice' &&
						listed(shown?.resource, `${r}`) &&
						listed(shown?.operation, `${o}`)
					);
				});
				operations.push({ node, resource: `${r}`, operation: `${o}`, properties });
			}
		}
	}
	return operations;
}

/**
 * The values other parameters must have for a parameter to be shown: its `show`
 * conditions besides the resource, the operation, the version and the tool variant.
 */
function conditionsOf(property: Property): IDataObject {
	const conditions: IDataObject = {};
	for (const [name, allowed] of Object.entries(property.displayOptions?.show ?? {})) {
		if (name === 'resource' || name === 'operation' || name.startsWith('@')) continue;
		const first = (allowed as unknown[] | undefined)?.[0];
		if (first === undefined || (typeof first === 'object' && first !== null)) {
			throw new Error(`The test cannot show "${property.name}" (condition on "${name}"): add it`);
		}
		conditions[name.replace(/^\//, '')] = first as IDataObject[string];
	}
	return conditions;
}

interface Group {
	conditions: IDataObject;
	/** The parameters saved in every form (not those the conditions fix). */
	targets: Property[];
}

/**
 * An operation's parameters, grouped by the values of other parameters that show them
 * (the first group, with no conditions, also reads the resource and the operation).
 */
function groupsOf(properties: Property[]): Group[] {
	const groups = new Map<string, Group>([['[]', { conditions: {}, targets: [] }]]);
	for (const property of properties) {
		const conditions = conditionsOf(property);
		const key = JSON.stringify(Object.entries(conditions).sort());
		const group = groups.get(key) ?? { conditions, targets: [] };
		// A name twice: a field some versions show in another form (see shownAtVersion).
		const versions = (p: Property) => JSON.stringify(p.displayOptions?.show?.['@version'] ?? null);
		if (
			!group.targets.some(
				(target) => target.name === property.name && versions(target) === versions(property),
			)
		) {
			group.targets.push(property);
		}
		groups.set(key, group);
	}
	for (const group of groups.values()) {
		group.targets = group.targets.filter((target) => !(target.name in group.conditions));
	}
	return [...groups.values()];
}

function mentions(property: Property, key: string): boolean {
	return (
		key in (property.displayOptions?.show ?? {}) || key in (property.displayOptions?.hide ?? {})
	);
}

/**
 * Whether a property's `@version` conditions show it at `version` (a dropdown that a
 * later version shows as a resource locator of the same name is read at its own
 * versions only). Plain values and `_cnd` comparisons, as node descriptions use them.
 */
function shownAtVersion(property: Property, version: number): boolean {
	const matches = (conditions: unknown) =>
		(conditions as unknown[]).some((condition) => {
			if (typeof condition === 'number') return condition === version;
			const cnd = (condition as { _cnd?: Record<string, number> })._cnd ?? {};
			return Object.entries(cnd).every(([op, than]) =>
				op === 'gte'
					? version >= than
					: op === 'gt'
						? version > than
						: op === 'lte'
							? version <= than
							: op === 'lt'
								? version < than
								: op === 'eq'
									? version === than
									: true,
			);
		});
	const show = property.displayOptions?.show?.['@version'];
	const hide = property.displayOptions?.hide?.['@version'];
	return (show === undefined || matches(show)) && (hide === undefined || !matches(hide));
}

interface Variant {
	label: string;
	nodeType: INodeType;
	typeVersion: number;
	/** Which parameters this variant reads (other variants read the rest alike). */
	reads(property: Property): boolean;
}

/**
 * The node's newest version, which reads every parameter; its other versions and its
 * AI-agent tool variant (`<name>Tool`, as n8n names it) read the parameters whose
 * display depends on them.
 */
function variantsOf(node: INodeType): Variant[] {
	const { version } = node.description;
	const versions = Array.isArray(version) ? version : [version];
	const newest = node.description.defaultVersion ?? Math.max(...versions);
	const variants: Variant[] = [
		{ label: '', nodeType: node, typeVersion: newest, reads: () => true },
	];
	for (const older of versions.filter((v) => v !== newest)) {
		variants.push({
			label: ` v${older}`,
			nodeType: node,
			typeVersion: older,
			reads: (property) => mentions(property, '@version'),
		});
	}
	if (node.description.usableAsTool) {
		const tool = Object.create(node) as INodeType;
		tool.description = { ...deepCopy(node.description), name: `${node.description.name}Tool` };
		variants.push({
			label: ' as a tool',
			nodeType: tool,
			typeVersion: newest,
			reads: (property) => mentions(property, '@tool'),
		});
	}
	return variants;
}

/** What a read gave: the value, or the error. */
type Outcome = { value: unknown } | { error: string };

function outcomeOf(read: () => unknown): Outcome {
	try {
		return { value: read() };
	} catch (error) {
		return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
	}
}

/** A value as text that tells types apart (a Date, a DateTime, a text, a number). */
function show(value: unknown): string {
	return inspect(value, { depth: Infinity, breakLength: Infinity });
}

/**
 * The package's ways of reading: the text readers (`readText`, `requiredText`,
 * `requiredId`, …) take a locator's value out; `readCollection` and `readLocator` do not
 * (their fallbacks differ, but only saved parameters are read here).
 */
const READS = [
	{ name: 'readText', fallback: '', options: { extractValue: true } },
	{ name: 'readCollection', fallback: {}, options: {} },
] as const;

interface Report {
	/** Parameter values saved and read (each read for one or more items, both ways). */
	cases: number;
	differences: string[];
	/** Parameters (and their entries and locator modes) that were saved and read. */
	covered: Set<string>;
}

/** Records what a saved value covers: the parameter, its entries, its locator mode. */
function cover(covered: Set<string>, name: string, value: unknown): void {
	covered.add(name);
	if (!value || typeof value !== 'object' || Array.isArray(value)) return;
	const object = value as IDataObject;
	if (object.__rl) {
		covered.add(`${name}#${String(object.mode)}`);
		return;
	}
	for (const [key, entry] of Object.entries(object)) {
		for (const one of Array.isArray(entry) ? entry : [entry]) cover(covered, `${name}.${key}`, one);
	}
}

/** What must be covered of a parameter: itself, each entry, each locator mode. */
function coverageOf(property: Property, prefix = property.name): string[] {
	const names = [prefix];
	if (property.type === 'resourceLocator') {
		names.push(...(property.modes ?? []).map((mode) => `${prefix}#${mode.name}`));
	}
	if (property.type === 'collection') {
		for (const option of (property.options ?? []) as Property[]) {
			if (option.type !== 'notice') names.push(...coverageOf(option, `${prefix}.${option.name}`));
		}
	}
	if (property.type === 'fixedCollection') {
		for (const group of (property.options ?? []) as INodePropertyCollection[]) {
			names.push(`${prefix}.${group.name}`);
			for (const value of group.values) {
				if (value.type !== 'notice') {
					names.push(...coverageOf(value, `${prefix}.${group.name}.${value.name}`));
				}
			}
		}
	}
	return names;
}

/** A parameter's definition, without the resource and operation it is shown for. */
function definitionOf(property: Property): string {
	const show = { ...property.displayOptions?.show };
	delete show.resource;
	delete show.operation;
	return JSON.stringify({ ...property, displayOptions: { ...property.displayOptions, show } });
}

/**
 * Saved values already read, with what they covered and where the reads differed.
 * Operations share parameters (the credential choice, a recipient's fields): one with
 * the same definition, shown under the same conditions and saved in the same form, reads
 * alike and is not read again; every operation that has it reports its outcome.
 */
const done = new Map<string, Outcomes>();

/** What reading a case covered, and where the two reads differed. */
interface Outcomes {
	covered: string[];
	differences: string[];
}

function record(report: Report, outcomes: Outcomes): void {
	outcomes.covered.forEach((entry) => report.covered.add(entry));
	report.differences.push(...outcomes.differences);
}

/** A parameter saved in one form, and the key of that case in `done`. */
interface Case {
	name: string;
	key: string;
}

/**
 * Saves `parameters` as n8n does (defaults filled in, hidden ones dropped) and reads
 * each case's parameter as saved both ways.
 */
function compareReads(
	variant: Variant,
	parameters: INodeParameters,
	cases: Case[],
	report: Report,
	label: string,
): void {
	const ctx = executeContext({
		nodeType: variant.nodeType,
		parameters,
		credentials: {},
		store,
		items: inputItems(),
		typeVersion: variant.typeVersion,
	}) as unknown as IExecuteFunctions;
	const saved = ctx.getNode().parameters;
	for (const { name, key } of cases) {
		const covered = new Set<string>();
		if (name in saved) cover(covered, name, saved[name]);
		const outcomes: Outcomes = { covered: [...covered], differences: [] };
		done.set(key, outcomes);
		if (name in saved) {
			report.cases++;
			compareParameter(ctx, saved, name, outcomes, label);
		}
		record(report, outcomes);
	}
}

/** Reads one saved parameter both ways, for the items `itemsFor` gives. */
function compareParameter(
	ctx: IExecuteFunctions,
	saved: INodeParameters,
	name: string,
	outcomes: Outcomes,
	label: string,
): void {
	for (const itemIndex of itemsFor(saved[name])) {
		for (const read of READS) {
			// Shown as read, before the other read can change a value both share.
			const ours = show(
				outcomeOf(() => parameterValue(ctx, itemIndex, name, read.fallback, { ...read.options })),
			);
			const n8n = show(
				outcomeOf(() => ctx.getNodeParameter(name, itemIndex, read.fallback, { ...read.options })),
			);
			if (ours !== n8n) {
				outcomes.differences.push(
					`${label}: "${name}" saved as ${show(saved[name])}, item ${itemIndex}, ${read.name}: package ${ours}, n8n ${n8n}`,
				);
			}
		}
	}
}

/** Saves the operation's parameters in every form and compares the reads. */
function checkOperation(op: Operation): Report {
	const report: Report = { cases: 0, differences: [], covered: new Set() };
	const node = op.node.description.name;
	for (const variant of variantsOf(op.node)) {
		for (const { conditions, targets: all } of groupsOf(op.properties)) {
			const targets = all.filter(
				(target) => variant.reads(target) && shownAtVersion(target, variant.typeVersion),
			);
			const forms = targets.map(formsOf);
			const rounds = Math.max(1, ...forms.map((list) => list.length));
			const label = `${op.resource}:${op.operation}${variant.label} ${show(conditions)}`;
			for (let k = 0; k < rounds; k++) {
				const parameters: INodeParameters = {
					resource: op.resource,
					operation: op.operation,
					...(conditions as INodeParameters),
				};
				const cases: Case[] = ['resource', 'operation'].map((name) => ({
					name,
					key: `${node}|${variant.label}|${op.resource}:${op.operation}|${show(conditions)}|${name}`,
				}));
				targets.forEach((target, index) => {
					if (!forms[index].length) return;
					const value = forms[index][k % forms[index].length];
					parameters[target.name] = value;
					const key = `${node}|${variant.label}|${show(conditions)}|${definitionOf(target)}|${show(value)}`;
					cases.push({ name: target.name, key });
				});
				const pending = cases.filter((one) => !done.has(one.key));
				for (const one of cases) {
					const outcomes = done.get(one.key);
					if (outcomes) record(report, outcomes);
				}
				if (pending.length) compareReads(variant, parameters, pending, report, label);
			}
		}
	}
	return report;
}

const operations = actionNodes().flatMap(operationsOf);

describe.each(['Thinkific', 'thanks.io', 'ThroughLine', 'Flixcheck'])('%s', (displayName) => {
	test('is an action node with operations to read', () => {
		const names = operations.map((op) => op.node.description.displayName);
		expect(names).toContain(displayName);
	});
});

describe.each(
	operations.map(
		(op) => [`${op.node.description.displayName} ${op.resource}: ${op.operation}`, op] as const,
	),
)('%s', (_title, op) => {
	test('every parameter reads as n8n reads it, in every form, for every item', () => {
		const report = checkOperation(op);
		expect(report.cases).toBeGreaterThan(0);
		const { differences } = report;
		expect(
			differences.length ? [`${differences.length} differences`, ...differences.slice(0, 10)] : [],
		).toEqual([]);
		const expected = [
			'resource',
			'operation',
			...op.properties.flatMap((property) => coverageOf(property)),
		];
		expect(expected.filter((name) => !report.covered.has(name))).toEqual([]);
	});
});
