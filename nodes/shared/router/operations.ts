import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/**
 * How an operation file describes itself, and how a node's properties and
 * canvas subtitle are built from its operation files.
 */

/** What lives for one execution of a node: lists fetched once and shared by all items. */
export interface RunState {
	memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

/** One operation file exports these (`sendsOnce` only where it applies). */
export interface OperationModule {
	option: INodePropertyOptions & { action: string };
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, state: RunState): Promise<OperationResult>;
	/**
	 * The canvas subtitle while a boolean parameter is on, when that changes what the
	 * operation does (a preview that sends nothing): `action` instead of the option's.
	 */
	subtitleWhen?: { parameter: string; action: string };
	/** The operation sends mail, creates a record or takes payment: it must not run twice. */
	sendsOnce?: boolean;
	/**
	 * The operation only reads one record per item: items may be read side by side
	 * (`PARALLEL_READS` at a time), and the output keeps their order.
	 */
	readsOnly?: boolean;
}

export const RETRY_ON_FAIL_WARNING =
	'"Retry On Fail" (in the node\'s settings) runs the whole node again after an error, so items that were already sent, created or paid would be sent again. Leave it off and set "On Error" to continue instead: this node already waits out rate limits and never repeats a request that may have reached the provider.';

/** The notice on every operation that sends, creates or charges (see `sendsOnce`). */
const sendsOnceNotice: INodeProperties = {
	displayName: RETRY_ON_FAIL_WARNING,
	name: 'sendsOnceNotice',
	type: 'notice',
	default: '',
};

export type ResourceMap = Record<string, Record<string, OperationModule>>;

type ShowConditions = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

function withShow(property: INodeProperties, show: ShowConditions): INodeProperties {
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...show },
		},
	};
}

/** The Operation selector of one resource followed by every operation's fields. */
export function resourceProperties(
	resource: string,
	operations: Record<string, OperationModule>,
	defaultOperation: string,
): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: Object.values(operations).map((op) => op.option),
		default: defaultOperation,
	};
	const fields = Object.values(operations).flatMap((op) =>
		[...(op.sendsOnce ? [sendsOnceNotice] : []), ...op.description].map((p) =>
			withShow(p, { resource: [resource], operation: [op.option.value] }),
		),
	);
	return [selector, ...fields];
}

/**
 * The node's subtitle on the canvas: the chosen operation as users read it
 * ("Get many mailing lists"), from each operation's `action` label, instead of
 * the raw values ("getAll: mailingList").
 */
export function operationSubtitle(resources: ResourceMap): string {
	const labels: Record<string, string> = {};
	const when: Record<string, [string, string]> = {};
	for (const [resource, operations] of Object.entries(resources)) {
		for (const operation of Object.values(operations)) {
			const key = `${resource}:${operation.option.value}`;
			labels[key] = operation.option.action;
			if (operation.subtitleWhen) {
				when[key] = [operation.subtitleWhen.parameter, operation.subtitleWhen.action];
			}
		}
	}
	const key = '$parameter["resource"] + ":" + $parameter["operation"]';
	const label = `(${JSON.stringify(labels)})[${key}] || $parameter["operation"]`;
	if (Object.keys(when).length === 0) return `={{ ${label} }}`;
	return `={{ ((when) => when && $parameter[when[0]] === true ? when[1] : ${label})((${JSON.stringify(when)})[${key}]) }}`;
}
