import type { Sandbox } from '../test/sandbox';

/**
 * What the end-to-end suite and `npm run dev -- --sandbox` need to know of one
 * provider. Everything else (creating credentials through n8n's REST API, the
 * OAuth2 connect flow through n8n's callback, workflows, refresh and secrecy
 * checks, dropdowns) is generic: a new provider adds one spec file under
 * e2e/providers/ and lists it in e2e/providers/index.ts.
 */

export interface SandboxContext {
	sandbox: Sandbox;
	/** The sandbox's base URL, e.g. `http://127.0.0.1:41234`; providers are under `/<name>`. */
	url: string;
	/** The n8n server, e.g. `http://127.0.0.1:5678`. */
	n8nUrl: string;
	/** n8n's "OAuth Redirect URL": `<n8nUrl>/rest/oauth2-credential/callback`. */
	callbackUrl: string;
}

export interface CredentialSpec {
	/** The credential type's `name`. */
	type: string;
	/** The name the credential gets in n8n. */
	name: string;
	/** The fields the user fills in, pointing at the sandbox. */
	data(ctx: SandboxContext): Record<string, unknown>;
	/**
	 * How it gets its first token: `authorizationCode` runs n8n's "Connect my account"
	 * (`/rest/oauth2-credential/auth`, the provider's consent page, n8n's callback);
	 * `clientCredentials` fetches a token on first use; `none` for API keys.
	 */
	connect: 'authorizationCode' | 'clientCredentials' | 'none';
	/** Registers n8n's callback URL with the provider, as a user does in its developer console. */
	register?(ctx: SandboxContext): void;
	/**
	 * Plays the user on the provider's consent page: returns the URL the provider
	 * redirects the browser to. Default: the sandbox's 302 `Location`.
	 */
	consent?(authorizationUrl: string, ctx: SandboxContext): Promise<string>;
	/** Requests to the provider's token endpoint so far. */
	tokenRequests?(ctx: SandboxContext): number;
	/** Makes every access token issued so far expire, in the sandbox. */
	expireTokens?(ctx: SandboxContext): void;
	/** Refresh tokens rotate: the sandbox refuses a refresh token once used. */
	rotatingRefreshTokens?: boolean;
	/** The provider's token route (`METHOD /path` below the provider prefix), for the rotation replay. */
	tokenRoute?: { provider: string; route: string };
	/** Values that must never appear in n8n's execution data, logs or database in plain text. */
	secrets(ctx: SandboxContext): string[];
	/** The credential type has no Test (n8n's generic OAuth2 credential). */
	skipTest?: boolean;
	/** Fields to change so that the credential's Test must fail (e.g. a wrong client secret). */
	broken?: Record<string, unknown>;
}

export interface WorkflowSpec {
	/** What it does, e.g. "Search helplines". */
	name: string;
	kind: 'read' | 'write';
	/** The node's version in this workflow (default: the node spec's), e.g. an older one's fields. */
	version?: number;
	/** The node's parameters (resource, operation, fields). */
	parameters: Record<string, unknown> | ((ctx: SandboxContext) => Record<string, unknown>);
	/** Throws when the node's output items (or the sandbox's state) are not as expected. */
	check(items: Array<Record<string, unknown>>, ctx: SandboxContext): void;
}

export interface NodeSpec {
	/** The node type's `name` inside this package (without the package prefix), or a full type name with a dot. */
	type: string;
	version?: number;
	/** The credential types this node runs with, and the parameters that select each. */
	credentials: Array<{ type: string; parameters?: Record<string, unknown> }>;
	/** At least one read and one write. */
	workflows: WorkflowSpec[];
	/**
	 * Dropdowns are found in the node's description; give extra parameters a
	 * method needs (e.g. the parent it depends on), and how many options at least.
	 */
	loadOptions?: Record<string, { parameters?: Record<string, unknown>; atLeast?: number }>;
}

export interface ProviderSpec {
	name: string;
	/** A sandbox of its own; by default the providers of test/sandbox's createSandbox(). */
	sandbox?: () => Sandbox;
	credentials: CredentialSpec[];
	nodes: NodeSpec[];
	triggers?: TriggerSpec[];
	polling?: PollingSpec[];
	validations?: ValidationSpec[];
}

export function parametersOf(workflow: WorkflowSpec, ctx: SandboxContext) {
	return typeof workflow.parameters === 'function' ? workflow.parameters(ctx) : workflow.parameters;
}

export function expect(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

/** A trigger workflow as n8n runs it: its ID and the trigger's production webhook URL. */
export interface TriggerHook {
	workflowId: string;
	webhookUrl: string;
	/**
	 * n8n's test URL of the trigger (`/webhook-test/…`): it answers only while the
	 * editor's "Listen for test event" waits, and that one call shows in the panel.
	 */
	testWebhookUrl?: string;
}

/** The receiver's answer to one delivery the sandbox made. */
export interface DeliveryOutcome {
	status: number;
	answer: string;
}

/**
 * A webhook trigger, run in a real n8n: the workflow is activated (and the sandbox
 * must show the registration), the sandbox delivers one genuine event (exactly one
 * execution, holding `marker`), one the provider did not send or sign (refused, no
 * execution) and the genuine one again (no second execution); then the workflow is
 * deactivated (and the sandbox must show the registration removed).
 */
export interface TriggerSpec {
	/** What it shows, e.g. "enrollment completed (OAuth2)". */
	name: string;
	/** The node type's `name` inside this package. */
	type: string;
	/** The node's version in the workflow (default 1, as workflows saved before a later one have it). */
	version?: number;
	credential: { type: string; parameters?: Record<string, unknown> };
	parameters: Record<string, unknown>;
	/** What the user does at the provider before activating (e.g. a portal setting). */
	prepare?(ctx: SandboxContext, hook: TriggerHook): void | Promise<void>;
	/** Throws unless the provider shows what activation registered. */
	registered(ctx: SandboxContext, hook: TriggerHook): void;
	deliver: {
		/**
		 * A genuine event; `marker` must appear in the execution it starts, and
		 * `remembered` (default: `marker`) in the static data n8n saves.
		 */
		genuine(
			ctx: SandboxContext,
			hook: TriggerHook,
		): Promise<DeliveryOutcome & { marker: string; remembered?: string }>;
		/** A call without the signature or secret the provider would send. */
		unauthenticated(ctx: SandboxContext, hook: TriggerHook): Promise<DeliveryOutcome>;
		/** The genuine event once more, as a provider's retry sends it. */
		duplicate(ctx: SandboxContext, hook: TriggerHook): Promise<DeliveryOutcome>;
	};
	/** Throws unless the provider shows the registration removed after deactivation. */
	removed(ctx: SandboxContext, hook: TriggerHook): void;
	/** Values that must never appear in n8n's execution data, logs or database. */
	secrets?(ctx: SandboxContext): string[];
	/**
	 * For `npm run dev -- --sandbox`: how to make the sandbox send a sample event (to the
	 * production URL of `hook`, when given, for a trigger set up at the provider by hand).
	 */
	fire?(ctx: SandboxContext, hook?: TriggerHook): string[];
	/**
	 * For a trigger whose URL the user gives the provider by hand (so n8n cannot
	 * register its test URL): how to make the sandbox send a sample event to the test
	 * URL, set up at the provider as `prepare` does with it. `npm run dev -- --sandbox`
	 * prints these beside `fire`'s, and the browser checks "Listen for test event" with them.
	 */
	fireTest?(ctx: SandboxContext, hook: TriggerHook & { testWebhookUrl: string }): string[];
}

/**
 * A polling trigger, run in a real n8n: activated (its first poll, at activation,
 * must start nothing), then the sandbox makes `changes` changes one after the
 * other, each followed by n8n's next scheduled poll (exactly one more execution,
 * holding the change's marker), and a further poll after the last (no more).
 */
export interface PollingSpec {
	name: string;
	type: string;
	/** The node's version in the workflow (default 1). */
	version?: number;
	credential: { type: string; parameters?: Record<string, unknown> };
	/** The node's parameters; its poll times are set to every minute. */
	parameters: Record<string, unknown>;
	/** Records to exist before activation (the history the first poll must not replay). */
	prepare?(ctx: SandboxContext): void;
	/** How many times the provider was polled (its list requests so far). */
	polls(ctx: SandboxContext): number;
	/** Makes the n-th change (from 1); returns a marker the execution it starts must hold. */
	change(ctx: SandboxContext, n: number): string;
	changes: number;
	/** For `npm run dev -- --sandbox`: how to make a change in the sandbox. */
	fire?(ctx: SandboxContext): string[];
}

/**
 * A trigger whose workflow answers the provider (a Flixcheck validation event):
 * activated with the nodes after it, then the provider asks twice and must read
 * the workflow's accept and its reject.
 */
export interface ValidationSpec {
	name: string;
	type: string;
	/** The node's version in the workflow (default 1). */
	version?: number;
	credential: { type: string; parameters?: Record<string, unknown> };
	parameters: Record<string, unknown>;
	/** n8n nodes after the trigger (without id and position), one after the other. */
	downstream: Array<Record<string, unknown>>;
	prepare?(ctx: SandboxContext, hook: TriggerHook): void | Promise<void>;
	/** Asks the workflow about `input`; returns the provider's reading of the answer. */
	ask(
		ctx: SandboxContext,
		hook: TriggerHook,
		input: string,
	): Promise<DeliveryOutcome & { decision: string }>;
	/** Inputs and the decision the workflow must give for each. */
	cases: Array<{ input: string; decision: string }>;
	fire?(ctx: SandboxContext): string[];
}
