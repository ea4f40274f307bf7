/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error --
   Test infrastructure, never published: it listens on 127.0.0.1 as n8n's webhook endpoint does,
   and passes the node's own errors on as n8n does. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

import { ExecuteContext, HookContext, PollContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import type { CredentialStore } from './credentials';
import { fromN8nCore } from './encryption';
import { additionalDataFor, buildNode, nodeTypesFor } from './workflow';

/**
 * Runs a trigger node the way an n8n server does, in n8n-core's real contexts:
 *
 * - `activate()` / `deactivate()`: the webhook lifecycle (`checkExists`, then
 *   `create` when it answers false; `delete`) in a HookContext, and for polling
 *   nodes the poll n8n runs at activation, in a PollContext;
 * - a listener on 127.0.0.1 that plays n8n's webhook endpoint
 *   (`/webhook/<webhookId>/<path>`, `/webhook-test/…` for test events): the
 *   request keeps its raw body as n8n keeps it, the node's `webhook()` runs in a
 *   WebhookContext with the real request and response, and when it returns items
 *   an execution runs: the trigger's own step in an ExecuteContext, then
 *   `downstream` (the rest of the workflow, for the response modes that answer
 *   with the workflow's result);
 * - `poll()`: one scheduled poll in a PollContext, on the activation's workflow,
 *   and the execution it starts;
 * - `listenForTestEvent()`: the editor's "Listen for test event": the lifecycle in
 *   manual mode for the test URL, test calls until one starts an execution, then
 *   `delete` (n8n's TestWebhooks).
 *
 * Static data is kept as n8n keeps it in its database (`stored`): each call and
 * execution reads it afresh, and n8n writes it back whole when it saves (the last
 * writer wins), as n8n-core and the cli do:
 * - activation saves what the lifecycle and the poll at activation wrote (the
 *   active workflow keeps its copy in memory for the following polls);
 * - a scheduled poll saves the active workflow's copy when it emits;
 * - an execution saves what it ended with (when it changed anything), except a
 *   manual one: n8n never saves the static data of manual runs;
 * - a webhook call: `n8n-1` saves what `webhook()` wrote; `n8n-2` drops it when the
 *   call starts an execution (n8n 2.x re-wraps the static data when it starts the
 *   run). Measured on the real servers;
 * - a test event runs on the test static data n8n keeps with the test registration
 *   (empty at first), never on the stored one.
 */

export type StaticDataModel = 'n8n-1' | 'n8n-2';

/** One execution the harness ran: what the trigger's step output, and its static data. */
export interface ExecutionRecord {
	mode: WorkflowExecuteMode;
	output: INodeExecutionData[];
	/** The workflow's static data when the execution ended, whether n8n saved it or not. */
	staticData: IDataObject;
	/** Whether n8n saves it (never for manual runs; whole, last writer wins). */
	saved: boolean;
}

/** An execution held open before it ends (a Wait node, a slow step after the trigger). */
export interface HeldExecution {
	/** Resolves once the trigger's step has run and the execution waits. */
	started: Promise<void>;
	/** Lets the execution end (and n8n save its static data). */
	release(): void;
}

export interface Answer {
	status: number;
	body: string;
	/** The execution the call started: the trigger step's output, or undefined. */
	execution?: INodeExecutionData[];
}

export interface TriggerOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials: Record<string, INodeCredentialsDetails>;
	store: CredentialStore;
	model?: StaticDataModel;
	/** The workflow's and the node's webhook IDs (another harness's, to play the same workflow). */
	workflowId?: string;
	webhookId?: string;
	/** The node's version in the workflow (default: the newest). */
	typeVersion?: number;
	/** The rest of the workflow: receives the trigger's items, returns the last node's. */
	downstream?: (
		items: INodeExecutionData[],
	) => INodeExecutionData[] | Promise<INodeExecutionData[]>;
}

interface RequestWithBody extends http.IncomingMessage {
	rawBody: Buffer;
	body: unknown;
	query: Record<string, string>;
	params: Record<string, string>;
	contentType?: string;
}

interface ResponseLike extends http.ServerResponse {
	status(code: number): ResponseLike;
	json(body: unknown): ResponseLike;
	send(body: unknown): ResponseLike;
}

function asExpressResponse(res: http.ServerResponse): ResponseLike {
	const response = res as ResponseLike;
	response.status = (code: number) => {
		res.statusCode = code;
		return response;
	};
	response.json = (body: unknown) => {
		if (!res.headersSent) res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify(body));
		return response;
	};
	response.send = (body: unknown) => {
		res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
		return response;
	};
	return response;
}

function copy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value ?? {})) as T;
}

export class TriggerHarness {
	readonly node: INode;
	/** Static data as n8n's database holds it. */
	stored: IDataObject = {};
	/** Executions started, oldest first: the trigger step's output items. */
	readonly executions: INodeExecutionData[][] = [];
	/** Every execution run, manual runs included, oldest first. */
	readonly runs: ExecutionRecord[] = [];
	/** The workflow n8n keeps in memory while the workflow is active (polls run on it). */
	private active?: Workflow;
	private server?: http.Server;
	private port = 5678;
	/** The host in n8n's public URL (its WEBHOOK_URL); both reach the same listener. */
	private host: '127.0.0.1' | 'localhost' = '127.0.0.1';
	/** The next execution to start waits here before it ends. */
	private hold?: { started: () => void; released: Promise<void> };
	/** Releases of held executions, so that closing never leaves one waiting. */
	private readonly releases: Array<() => void> = [];
	/** A "Listen for test event" in progress: the test static data n8n keeps with it. */
	private listening?: { staticData: IDataObject };
	readonly workflowId: string;

	constructor(private readonly options: TriggerOptions) {
		this.node = buildNode(
			options.nodeType,
			options.parameters,
			options.credentials,
			false,
			{},
			options.typeVersion,
		);
		this.node.webhookId = options.webhookId ?? randomUUID();
		this.workflowId = options.workflowId ?? `wf-${randomUUID().slice(0, 8)}`;
	}

	/** The user edits the node: new parameters, the same node (and webhook ID). */
	reconfigure(parameters: INodeParameters): void {
		const rebuilt = buildNode(
			this.options.nodeType,
			parameters,
			this.options.credentials,
			false,
			{},
			this.node.typeVersion,
		);
		this.node.parameters = rebuilt.parameters;
	}

	get model(): StaticDataModel {
		return this.options.model ?? 'n8n-2';
	}

	private get baseUrl(): string {
		return `http://${this.host}:${this.port}`;
	}

	/**
	 * n8n is restarted with another public URL (WEBHOOK_URL): `localhost` instead of
	 * `127.0.0.1`, or back. The listener is the same; the URLs n8n gives the node change.
	 */
	changePublicUrl(): void {
		this.host = this.host === '127.0.0.1' ? 'localhost' : '127.0.0.1';
	}

	/** Starts the webhook listener; returns its base URL. */
	async listen(): Promise<string> {
		this.server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				this.route(req, res, Buffer.concat(chunks)).catch((error: Error) => {
					if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ message: error.message }));
				});
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.port = (this.server.address() as AddressInfo).port;
		return this.baseUrl;
	}

	async close(): Promise<void> {
		for (const release of this.releases.splice(0)) release();
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private additionalData(): IWorkflowExecuteAdditionalData {
		const data = additionalDataFor(this.options.store);
		data.webhookBaseUrl = `${this.baseUrl}/webhook`;
		data.webhookTestBaseUrl = `${this.baseUrl}/webhook-test`;
		data.instanceBaseUrl = `${this.baseUrl}/`;
		return data;
	}

	/** A Workflow as n8n builds one per call: the node, and static data from the database. */
	private workflow(staticData: IDataObject = this.stored): Workflow {
		return new Workflow({
			id: this.workflowId,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesFor(this.options.nodeType),
			staticData: copy(staticData),
		});
	}

	/** n8n's `saveStaticData`: the whole static data, only when something changed. */
	private save(workflow: Workflow): void {
		const data = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (data.__dataChanged) {
			this.stored = copy(workflow.staticData);
			data.__dataChanged = false;
		}
	}

	private description(): IWebhookDescription | undefined {
		return this.options.nodeType.description.webhooks?.[0];
	}

	/** Whether n8n registers the node's webhook (its HTTP method may be an expression that is empty). */
	hasWebhook(workflow = this.workflow()): boolean {
		const description = this.description();
		if (!description) return false;
		const method = workflow.expression.getSimpleParameterValue(
			this.node,
			description.httpMethod,
			'internal',
			{},
		);
		return typeof method === 'string' && method !== '';
	}

	private webhookData(workflow: Workflow, isTest = false): IWebhookData {
		const description = this.description()!;
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/${description.path}`,
			webhookDescription: description,
			workflowId: this.workflowId,
			workflowExecuteAdditionalData: this.additionalData(),
			isTest,
		};
	}

	/** The node's production webhook URL, as n8n shows it. */
	webhookUrl(): string {
		return this.hookContext(this.workflow(), 'activate').getNodeWebhookUrl('default')!;
	}

	/** The node's test webhook URL, as n8n shows it while listening for a test event. */
	testWebhookUrl(): string {
		return this.hookContext(this.workflow(), 'manual', 'manual', true).getNodeWebhookUrl(
			'default',
		)!;
	}

	private hookContext(
		workflow: Workflow,
		activation: WorkflowActivateMode,
		mode: WorkflowExecuteMode = 'trigger',
		isTest = false,
	) {
		return new HookContext(
			workflow,
			this.node,
			this.additionalData(),
			mode,
			activation,
			this.webhookData(workflow, isTest),
		);
	}

	private pollContext(workflow: Workflow, mode: WorkflowExecuteMode) {
		return new PollContext(workflow, this.node, this.additionalData(), mode, 'activate');
	}

	/**
	 * Activates the workflow as n8n does: `checkExists`, then `create` if it said
	 * false; for a polling node, the first poll right away; then the static data is
	 * saved. When `create` fails, n8n calls `delete` (its clearWebhooks) before it
	 * reports the error, unless `withoutCleanup` (as when n8n cannot: the workflow
	 * has no published version yet). Returns whether `create` ran.
	 */
	async activate(
		options: { withoutCleanup?: boolean } = {},
	): Promise<{ created: boolean; polled?: INodeExecutionData[] | null }> {
		const methods = this.options.nodeType.webhookMethods?.default;
		let created = false;
		const workflow = this.workflow();
		if (methods && this.hasWebhook(workflow)) {
			const hook = this.hookContext(workflow, 'activate');
			try {
				if (!(await methods.checkExists.call(hook))) {
					created = true;
					await methods.create.call(hook);
				}
			} catch (error) {
				if (!options.withoutCleanup) await this.deactivate().catch(() => undefined);
				throw error;
			}
			this.save(workflow);
		}
		if (!this.options.nodeType.poll) return { created };
		this.active = workflow;
		const polled = await this.poll();
		this.save(workflow);
		return { created, polled };
	}

	/** Deactivates: `delete` on a workflow from the database, saving static data. */
	async deactivate(): Promise<void> {
		this.active = undefined;
		const methods = this.options.nodeType.webhookMethods?.default;
		const workflow = this.workflow();
		if (!methods || !this.hasWebhook(workflow)) return;
		await methods.delete.call(this.hookContext(workflow, 'update', 'internal'));
		this.save(workflow);
	}

	/** Publishes the workflow again (n8n 2.x: the old version is removed, the new one added). */
	async republish(): Promise<{ created: boolean }> {
		await this.deactivate();
		return await this.activate();
	}

	/** One scheduled poll; the items of the execution it started, or null. */
	async poll(): Promise<INodeExecutionData[] | null> {
		if (!this.active) throw new Error('The workflow is not active');
		const workflow = this.active;
		const result = await this.options.nodeType.poll!.call(this.pollContext(workflow, 'trigger'));
		if (result === null) return null;
		this.save(workflow);
		return await this.runExecution(result[0] ?? [], 'trigger');
	}

	/** "Execute step" on the trigger in the editor (manual mode): never saved. */
	async executeManually(): Promise<INodeExecutionData[]> {
		const workflow = this.workflow();
		let output: INodeExecutionData[];
		if (this.options.nodeType.execute) {
			output = (await this.runStep(workflow, [{ json: {} }], 'manual'))[0] ?? [];
		} else {
			const result = await this.options.nodeType.poll!.call(this.pollContext(workflow, 'manual'));
			output = result?.[0] ?? [];
		}
		this.runs.push({ mode: 'manual', output, staticData: copy(workflow.staticData), saved: false });
		return output;
	}

	/**
	 * "Listen for test event", as n8n's TestWebhooks does it: a workflow with empty
	 * static data, `checkExists` and `create` in manual mode for the test URL (and
	 * `delete` when that fails); the test static data is kept with the registration.
	 * Calls to the test URL then run in manual mode; the first that starts an
	 * execution ends the listening with `delete`.
	 */
	async listenForTestEvent(): Promise<{ created: boolean }> {
		const methods = this.options.nodeType.webhookMethods?.default;
		const workflow = this.workflow({});
		let created = false;
		this.listening = { staticData: workflow.staticData };
		if (methods) {
			const hook = this.hookContext(workflow, 'manual', 'manual', true);
			try {
				if (!(await methods.checkExists.call(hook))) {
					created = true;
					await methods.create.call(hook);
				}
			} catch (error) {
				await this.stopListening().catch(() => undefined);
				throw error;
			}
			this.listening = { staticData: copy(workflow.staticData) };
		}
		return { created };
	}

	/** Ends a "Listen for test event" (after its call, a timeout, or the user's cancel). */
	async stopListening(): Promise<void> {
		const listening = this.listening;
		this.listening = undefined;
		const methods = this.options.nodeType.webhookMethods?.default;
		if (!listening || !methods) return;
		const workflow = this.workflow(listening.staticData);
		await methods.delete.call(this.hookContext(workflow, 'update', 'internal', true));
	}

	get isListening(): boolean {
		return this.listening !== undefined;
	}

	/** Holds the next execution open after the trigger's step, until released. */
	holdNextExecution(): HeldExecution {
		let started!: () => void;
		let release!: () => void;
		const startedPromise = new Promise<void>((resolve) => (started = resolve));
		const released = new Promise<void>((resolve) => (release = resolve));
		this.hold = { started, released };
		this.releases.push(release);
		return { started: startedPromise, release };
	}

	/** The trigger's own step of an execution (its `execute`, or its items as they are). */
	private async runStep(
		workflow: Workflow,
		items: INodeExecutionData[],
		mode: WorkflowExecuteMode,
	): Promise<INodeExecutionData[][]> {
		if (!this.options.nodeType.execute) return [items];
		const executeData: IExecuteData = { node: this.node, data: { main: [items] }, source: null };
		const context = new ExecuteContext(
			workflow,
			this.node,
			this.additionalData(),
			mode,
			createRunExecutionData(),
			0,
			items,
			{ main: [items] },
			executeData,
			[],
		);
		return (await this.options.nodeType.execute.call(context)) as INodeExecutionData[][];
	}

	/**
	 * An execution: a fresh workflow from the database (or the test static data), the
	 * trigger's step, and at its end the whole static data saved when it changed,
	 * unless it is a manual run.
	 */
	private async runExecution(
		items: INodeExecutionData[],
		mode: WorkflowExecuteMode,
		staticData: IDataObject = this.stored,
	): Promise<INodeExecutionData[]> {
		const workflow = this.workflow(staticData);
		const output = (await this.runStep(workflow, items, mode))[0] ?? [];
		this.executions.push(output);
		const hold = this.hold;
		this.hold = undefined;
		if (hold) {
			hold.started();
			await hold.released;
		}
		const saved =
			mode !== 'manual' &&
			(workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged === true;
		if (saved) this.save(workflow);
		this.runs.push({ mode, output, staticData: copy(workflow.staticData), saved });
		return output;
	}

	private async route(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) {
		const url = new URL(req.url ?? '/', this.baseUrl);
		const [, root, webhookId, ...rest] = url.pathname.split('/');
		const description = this.description();
		const isTest = root === 'webhook-test';
		if (
			!description ||
			!['webhook', 'webhook-test'].includes(root) ||
			webhookId !== this.node.webhookId ||
			rest.join('/') !== description.path ||
			req.method !== 'POST' ||
			(isTest ? !this.listening : !this.hasWebhook())
		) {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'The requested webhook is not registered.' }));
			return;
		}
		const request = req as RequestWithBody;
		request.rawBody = raw;
		request.query = Object.fromEntries(url.searchParams.entries());
		request.params = {};
		request.contentType = String(req.headers['content-type'] ?? '').split(';')[0];
		try {
			request.body = request.contentType.includes('json') ? JSON.parse(raw.toString('utf8')) : {};
		} catch {
			request.body = {};
		}
		const answer = await this.handle(request, asExpressResponse(res), isTest);
		if (!res.writableEnded) {
			res.writeHead(answer.status, { 'content-type': 'application/json' });
			res.end(answer.body);
		}
	}

	/** One webhook call, as n8n's webhook helpers handle it. */
	private async handle(
		request: RequestWithBody,
		response: ResponseLike,
		isTest: boolean,
	): Promise<Answer> {
		const answer = await this.handleCall(request, response, isTest);
		// n8n ends the listening after the first test call that starts an execution; a call
		// the node refused or answered without one leaves it listening.
		if (isTest && answer.execution) await this.stopListening();
		return answer;
	}

	private async handleCall(
		request: RequestWithBody,
		response: ResponseLike,
		isTest: boolean,
	): Promise<Answer> {
		const mode: WorkflowExecuteMode = isTest ? 'manual' : 'webhook';
		const staticData = isTest ? this.listening!.staticData : this.stored;
		const workflow = this.workflow(staticData);
		const additionalData = this.additionalData();
		additionalData.httpRequest = request as never;
		additionalData.httpResponse = response as never;
		const context = new WebhookContext(
			workflow,
			this.node,
			additionalData,
			mode,
			this.webhookData(workflow, isTest),
			[],
			null,
		);
		const result: IWebhookResponseData = await this.options.nodeType.webhook!.call(context);
		const started = result.workflowData !== undefined;
		if (!isTest && (!started || this.model === 'n8n-1')) this.save(workflow);
		if (result.noWebhookResponse) return { status: 0, body: '' };
		if (!started) {
			return {
				status: 200,
				body: JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' }),
			};
		}
		const items = result.workflowData![0] ?? [];
		const execution = await this.runExecution(
			items,
			mode,
			isTest ? copy(workflow.staticData) : this.stored,
		);
		const responseMode = workflow.expression.getSimpleParameterValue(
			this.node,
			this.description()!.responseMode ?? 'onReceived',
			mode,
			{},
			undefined,
			'onReceived',
		);
		if (responseMode === 'lastNode') {
			const last = this.options.downstream ? await this.options.downstream(execution) : execution;
			return { status: 200, body: JSON.stringify(last[0]?.json ?? {}), execution };
		}
		// n8n's answer for `onReceived`: the description's `responseData` when it has one,
		// else the node's `webhookResponse`, else a fixed message.
		const responseData = workflow.expression.getSimpleParameterValue(
			this.node,
			this.description()!.responseData ?? '',
			mode,
			{},
		);
		const body =
			responseData && typeof responseData === 'string'
				? responseData
				: JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' });
		return { status: 200, body, execution };
	}
}

/** Trigger harnesses for a test file: each one listens, and is closed after its test. */
export function useTriggers(): (options: TriggerOptions) => Promise<TriggerHarness> {
	const open: TriggerHarness[] = [];
	afterEach(async () => {
		for (const harness of open.splice(0)) await harness.close();
	});
	return async (options) => {
		const harness = new TriggerHarness(options);
		open.push(harness);
		await harness.listen();
		return harness;
	};
}

/**
 * What n8n's logger receives (the Logger n8n-core gives node contexts), as lines of
 * JSON, from now until `restore()`.
 */
export function captureN8nLog(): { lines: string[]; restore(): void } {
	const { Container } = fromN8nCore<{ Container: { get<T>(type: unknown): T } }>('@n8n/di');
	const { Logger } = fromN8nCore<{ Logger: unknown }>('@n8n/backend-common');
	const logger = Container.get<Record<string, (...args: unknown[]) => void>>(Logger);
	const lines: string[] = [];
	const spies = ['error', 'warn', 'info', 'debug'].map((level) =>
		jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
			lines.push(JSON.stringify([level, ...args]));
		}),
	);
	return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

/**
 * A node type from a fresh copy of its module (give `require.resolve(...)`), as
 * another n8n process, or the same after a restart, would load it: nothing kept in
 * the first copy's memory is shared.
 */
export function freshNodeType(modulePath: string, exportName: string): INodeType {
	let NodeClass: (new () => INodeType) | undefined;
	jest.isolateModules(() => {
		NodeClass = (jest.requireActual(modulePath) as Record<string, new () => INodeType>)[exportName];
	});
	return new NodeClass!();
}
