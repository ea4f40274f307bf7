/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   Test infrastructure, never published: it listens on 127.0.0.1 as n8n's webhook endpoint does. */
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
 *   and the execution it starts.
 *
 * Static data is kept as n8n keeps it in its database, between a fresh Workflow
 * per call, and saved when n8n saves it. Two models, measured on the real
 * servers: `n8n-1` saves what `webhook()` wrote; `n8n-2` drops it when the call
 * starts an execution (n8n 2.x re-wraps the static data when it starts the run).
 * Both save what the execution's steps wrote, and what a poll wrote when it
 * emits (between polls, the active workflow keeps it in memory).
 */

export type StaticDataModel = 'n8n-1' | 'n8n-2';

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
	/** The workflow n8n keeps in memory while the workflow is active (polls run on it). */
	private active?: Workflow;
	private server?: http.Server;
	private baseUrl = 'http://127.0.0.1:5678';
	readonly workflowId: string;

	constructor(private readonly options: TriggerOptions) {
		this.node = buildNode(options.nodeType, options.parameters, options.credentials, false);
		this.node.webhookId = options.webhookId ?? randomUUID();
		this.workflowId = options.workflowId ?? `wf-${randomUUID().slice(0, 8)}`;
	}

	/** The user edits the node: new parameters, the same node (and webhook ID). */
	reconfigure(parameters: INodeParameters): void {
		const rebuilt = buildNode(this.options.nodeType, parameters, this.options.credentials, false);
		this.node.parameters = rebuilt.parameters;
	}

	get model(): StaticDataModel {
		return this.options.model ?? 'n8n-2';
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
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.baseUrl;
	}

	async close(): Promise<void> {
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
	private workflow(): Workflow {
		return new Workflow({
			id: this.workflowId,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesFor(this.options.nodeType),
			staticData: copy(this.stored),
		});
	}

	/** n8n's `saveStaticData`: only when something changed. */
	private save(workflow: Workflow): void {
		if ((workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged) {
			this.stored = copy(workflow.staticData);
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
		const workflow = this.workflow();
		const hook = new HookContext(
			workflow,
			this.node,
			this.additionalData(),
			'trigger',
			'activate',
			this.webhookData(workflow),
		);
		return hook.getNodeWebhookUrl('default')!;
	}

	private hookContext(workflow: Workflow, activation: WorkflowActivateMode) {
		return new HookContext(
			workflow,
			this.node,
			this.additionalData(),
			'trigger',
			activation,
			this.webhookData(workflow),
		);
	}

	private pollContext(workflow: Workflow, mode: WorkflowExecuteMode) {
		return new PollContext(workflow, this.node, this.additionalData(), mode, 'activate');
	}

	/**
	 * Activates the workflow as n8n does: `checkExists`, then `create` if it said
	 * false, saving static data; for a polling node, the first poll right away.
	 * Returns whether `create` ran.
	 */
	async activate(): Promise<{ created: boolean; polled?: INodeExecutionData[] | null }> {
		const methods = this.options.nodeType.webhookMethods?.default;
		let created = false;
		const workflow = this.workflow();
		if (methods && this.hasWebhook(workflow)) {
			const hook = this.hookContext(workflow, 'activate');
			if (!(await methods.checkExists.call(hook))) {
				await methods.create.call(hook);
				created = true;
			}
			this.save(workflow);
		}
		if (!this.options.nodeType.poll) return { created };
		this.active = this.workflow();
		return { created, polled: await this.poll() };
	}

	/** Deactivates: `delete`, saving static data. */
	async deactivate(): Promise<void> {
		this.active = undefined;
		const methods = this.options.nodeType.webhookMethods?.default;
		const workflow = this.workflow();
		if (!methods || !this.hasWebhook(workflow)) return;
		await methods.delete.call(this.hookContext(workflow, 'activate'));
		this.save(workflow);
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

	/** "Execute step" on the trigger in the editor (manual mode). */
	async executeManually(): Promise<INodeExecutionData[]> {
		const workflow = this.workflow();
		const items: INodeExecutionData[] = [{ json: {} }];
		if (this.options.nodeType.execute) {
			return (await this.runStep(workflow, items, 'manual'))[0] ?? [];
		}
		const result = await this.options.nodeType.poll!.call(this.pollContext(workflow, 'manual'));
		return result?.[0] ?? [];
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

	/** An execution: a fresh workflow from the database, the trigger's step, saved static data. */
	private async runExecution(
		items: INodeExecutionData[],
		mode: WorkflowExecuteMode,
	): Promise<INodeExecutionData[]> {
		const workflow = this.workflow();
		const output = (await this.runStep(workflow, items, mode))[0] ?? [];
		if (mode !== 'manual') this.save(workflow);
		this.executions.push(output);
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
			(!isTest && !this.hasWebhook())
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
		const mode: WorkflowExecuteMode = isTest ? 'manual' : 'webhook';
		const workflow = this.workflow();
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
		if (!started || this.model === 'n8n-1') {
			if (!isTest) this.save(workflow);
		}
		if (result.noWebhookResponse) return { status: 0, body: '' };
		if (!started) {
			return {
				status: 200,
				body: JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' }),
			};
		}
		const items = result.workflowData![0] ?? [];
		const execution = await this.runExecution(items, mode);
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
