import type { IHookFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiError, redact } from './errors';

/**
 * The webhook lifecycle shared by the triggers that register themselves with the
 * provider, one registration per event ("topic"): n8n calls `checkExists` when a
 * workflow is activated, `create` when that answers false, and `delete` when the
 * workflow is deactivated (and after a failed activation).
 *
 * Nothing of it is kept in the workflow's static data: n8n writes static data back
 * whole at the end of every execution, so an execution that began before the
 * workflow was published again would restore registration IDs that no longer
 * exist. The registrations are found on the provider's own list instead, by the
 * URL they point at: a registration is this node's when its URL ends with the
 * node's webhook path (n8n's webhook endpoint, the node's webhook ID and its path),
 * whatever host or base path it names, so that those made for an earlier public
 * URL of n8n are found too. Test registrations ("Listen for test event", on n8n's
 * test endpoint) and production ones are told apart by that endpoint.
 */

/** One registration, as the provider lists it. */
export interface Registration {
	id: string;
	topic: string;
	url: string;
}

export interface RegistrationApi {
	/** The topics this node wants, in order. */
	topics: string[];
	/** The URL every registration of this node must carry now (with its secret, if any). */
	url: string;
	/** Every registration the provider has. */
	list(): Promise<Registration[]>;
	/** Registers `topic` at `url`; returns the provider's ID for it. */
	create(topic: string): Promise<string>;
	/** Removes a registration; one that is already gone counts as removed. */
	remove(id: string): Promise<void>;
	/** Whether a registration at `url` is usable as it is (other settings than the URL). */
	matches?(registration: Registration): boolean;
	/** Secrets of the trigger (its URL secret) to mask in every error. */
	secrets: string[];
}

/** The last three segments of a URL's path: n8n's endpoint, the webhook ID, the node's path. */
function webhookPathOf(url: string): string | undefined {
	try {
		const segments = new URL(url).pathname.split('/').filter((s) => s !== '');
		return segments.length >= 3 ? segments.slice(-3).join('/') : undefined;
	} catch {
		return undefined;
	}
}

/** Whether `url` points at the same n8n webhook as `own` (whatever host, base path or query). */
export function sameWebhook(url: string, own: string): boolean {
	const ownPath = webhookPathOf(own);
	return ownPath !== undefined && webhookPathOf(url) === ownPath;
}

function isOurs(api: RegistrationApi, registration: Registration): boolean {
	return sameWebhook(registration.url, api.url);
}

function isCurrent(api: RegistrationApi, registration: Registration): boolean {
	return (
		registration.url === api.url &&
		api.topics.includes(registration.topic) &&
		(api.matches?.(registration) ?? true)
	);
}

/**
 * Masks the trigger's secrets in an error that is about to leave the lifecycle:
 * its message, description and stack (which repeats the message), in place.
 */
export function maskedError(error: unknown, secrets: readonly string[]): unknown {
	if (!error || typeof error !== 'object' || secrets.length === 0) return error;
	const e = error as { message?: unknown; description?: unknown; stack?: unknown };
	for (const key of ['message', 'description', 'stack'] as const) {
		if (typeof e[key] === 'string') e[key] = redact(e[key], secrets);
	}
	return error;
}

async function guarded<T>(api: RegistrationApi, work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw maskedError(error, api.secrets);
	}
}

/**
 * Whether the provider has exactly what this node wants: one current registration
 * per topic, and none of this node's other than those (no topic no longer chosen,
 * no duplicate, none for an older URL or secret).
 */
export async function registrationsExist(api: RegistrationApi): Promise<boolean> {
	return await guarded(api, async () => {
		const ours = (await api.list()).filter((r) => isOurs(api, r));
		return (
			ours.length === api.topics.length &&
			ours.every((r) => isCurrent(api, r)) &&
			api.topics.every((topic) => ours.some((r) => r.topic === topic))
		);
	});
}

/**
 * Makes the provider's registrations match the topics wanted: keeps one current
 * registration of this node per topic, removes its others, and creates the
 * missing ones. When a creation fails, the registrations this call created are
 * removed again before the error is passed on, so a failed activation leaves
 * nothing behind.
 */
export async function syncRegistrations(api: RegistrationApi): Promise<void> {
	await guarded(api, async () => {
		const ours = (await api.list()).filter((r) => isOurs(api, r));
		const kept = new Map<string, Registration>();
		for (const registration of ours) {
			if (isCurrent(api, registration) && !kept.has(registration.topic)) {
				kept.set(registration.topic, registration);
			}
		}
		const keptIds = new Set([...kept.values()].map((r) => r.id));
		for (const registration of ours) {
			if (!keptIds.has(registration.id)) await api.remove(registration.id);
		}
		const created: string[] = [];
		try {
			for (const topic of api.topics) {
				if (!kept.has(topic)) created.push(await api.create(topic));
			}
		} catch (error) {
			for (const id of created) await api.remove(id).catch(() => undefined);
			throw maskedError(error, api.secrets);
		}
	});
}

/** Removes every registration of this node, whatever URL or host it points at. */
export async function deleteRegistrations(api: Omit<RegistrationApi, 'topics'>): Promise<void> {
	const full = { ...api, topics: [] };
	await guarded(full, async () => {
		for (const registration of await api.list()) {
			if (isOurs(full, registration)) await api.remove(registration.id);
		}
	});
}

/** The HTTP status of an error the shared transport threw, when the provider answered. */
export function statusOf(error: unknown): number | undefined {
	const status = Number((error as { httpCode?: unknown }).httpCode);
	return Number.isFinite(status) && status > 0 ? status : undefined;
}

/**
 * An error of a provider's webhook routes, saying what could not be done and what
 * the user can do about it, in its message (n8n 2.x shows an activation error's
 * message only): `advice` by status (and for answers that were not JSON, under the
 * key 0), else the transport's own description. The message was built from the
 * provider's answer and masked by the transport; `secrets` (the trigger's own) are
 * masked here.
 */
export function registrationError(
	node: INode,
	error: unknown,
	action: string,
	advice: Record<number, string>,
	secrets: readonly string[] = [],
): Error {
	const { message, description } = error as { message?: unknown; description?: unknown };
	const status = statusOf(error);
	const notJson = /not JSON/i.test(String(message)) ? advice[0] : undefined;
	const said = (status !== undefined ? advice[status] : undefined) ?? notJson ?? description;
	const what = `Could not ${action}: ${String(message).replace(/[.\s]+$/, '')}.`;
	const todo = typeof said === 'string' && said.trim() !== '' ? said.trim() : undefined;
	return apiError(
		node,
		undefined,
		todo && !what.includes(todo) ? `${what} ${todo}` : what,
		todo,
		status,
		secrets,
	);
}

/**
 * An error of the lifecycle's own (bad parameters, no URL), with what to do in its
 * message: n8n 2.x shows nothing else.
 */
export function lifecycleError(node: INode, problem: string, todo: string): Error {
	return new NodeOperationError(node, `${problem}. ${todo}`, { description: todo });
}

/** The node's webhook URL as n8n gives it (the test URL while listening for a test event). */
export function nodeWebhookUrl(hook: IHookFunctions): string {
	const url = hook.getNodeWebhookUrl('default');
	if (!url) {
		throw lifecycleError(
			hook.getNode(),
			'n8n gave no webhook URL for this node',
			'Save the workflow and publish it again',
		);
	}
	return url;
}

/** The events chosen in the node's "Events", each once; refused when empty or unknown. */
export function chosenEvents(hook: IHookFunctions, known: Set<string>, provider: string): string[] {
	const events = [...new Set(hook.getNodeParameter('events', []) as string[])];
	if (events.length === 0) {
		throw lifecycleError(
			hook.getNode(),
			`No ${provider} event is chosen`,
			'Choose at least one event in the trigger\'s "Events" and publish the workflow again',
		);
	}
	const unknown = events.find((e) => !known.has(e));
	if (unknown !== undefined) {
		throw lifecycleError(
			hook.getNode(),
			`"${unknown}" is not a ${provider} event`,
			'Choose the events from the trigger\'s "Events" list and publish the workflow again',
		);
	}
	return events;
}
