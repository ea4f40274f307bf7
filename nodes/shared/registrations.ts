import type { IDataObject, INode } from 'n8n-workflow';

import { apiError } from './errors';

/**
 * The webhook lifecycle shared by the triggers that register themselves with the
 * provider, one registration per event ("topic"): n8n calls `checkExists` when a
 * workflow is activated, `create` when that answers false, and `delete` when the
 * workflow is deactivated. The provider's registration IDs are kept in the node's
 * static data, by topic.
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
	/** Every registration the provider has. */
	list(): Promise<Registration[]>;
	/** Registers `topic`; returns the provider's ID for it. */
	create(topic: string): Promise<string>;
	/** Removes a registration; one that is already gone counts as removed. */
	remove(id: string): Promise<void>;
	/** Whether a registration points at this node (whatever secret its URL carries). */
	isOurs(registration: Registration): boolean;
	/** Whether a registration of ours is usable as it is (the secret it carries is the current one). */
	isCurrent(registration: Registration): boolean;
}

interface StoredRegistrations {
	registrations?: Record<string, string>;
}

/** The registration IDs kept in static data, by topic. */
export function storedRegistrations(staticData: IDataObject): Record<string, string> {
	const stored = (staticData as StoredRegistrations).registrations;
	return stored && typeof stored === 'object' ? { ...stored } : {};
}

/**
 * Whether every topic wanted has its stored registration, still there on the
 * provider's side and current, and nothing else is stored (a topic no longer
 * wanted must be removed by `syncRegistrations`).
 */
export async function registrationsExist(
	api: RegistrationApi,
	staticData: IDataObject,
): Promise<boolean> {
	const stored = storedRegistrations(staticData);
	const storedTopics = Object.keys(stored);
	if (
		storedTopics.length !== api.topics.length ||
		api.topics.some((topic) => stored[topic] === undefined)
	) {
		return false;
	}
	const remote = await api.list();
	return api.topics.every((topic) =>
		remote.some(
			(r) => r.id === stored[topic] && r.topic === topic && api.isOurs(r) && api.isCurrent(r),
		),
	);
}

/**
 * Makes the provider's registrations match the topics wanted: keeps one current
 * registration of ours per topic, removes the others of ours (topics no longer
 * wanted, duplicates, registrations carrying an old secret), and creates the
 * missing ones. Stores the IDs as it goes, so that a failure half-way leaves
 * static data naming what exists and `deleteRegistrations` can remove it.
 */
export async function syncRegistrations(
	api: RegistrationApi,
	staticData: IDataObject,
): Promise<Record<string, string>> {
	const remote = await api.list();
	const ours = remote.filter((r) => api.isOurs(r));
	const kept: Record<string, string> = {};
	const keptIds = new Set<string>();
	for (const topic of api.topics) {
		const usable = ours.find((r) => r.topic === topic && api.isCurrent(r) && !keptIds.has(r.id));
		if (usable) {
			kept[topic] = usable.id;
			keptIds.add(usable.id);
		}
	}
	const store = () => {
		(staticData as StoredRegistrations).registrations = { ...kept };
	};
	store();
	for (const registration of ours) {
		if (!keptIds.has(registration.id)) await api.remove(registration.id);
	}
	for (const topic of api.topics) {
		if (kept[topic] !== undefined) continue;
		kept[topic] = await api.create(topic);
		store();
	}
	return kept;
}

/** Removes every stored registration and forgets them. */
export async function deleteRegistrations(
	remove: (id: string) => Promise<void>,
	staticData: IDataObject,
): Promise<void> {
	const stored = storedRegistrations(staticData);
	for (const [topic, id] of Object.entries(stored)) {
		await remove(id);
		delete stored[topic];
		(staticData as StoredRegistrations).registrations = { ...stored };
	}
	delete (staticData as StoredRegistrations).registrations;
}

/** The HTTP status of an error the shared transport threw, when the provider answered. */
export function statusOf(error: unknown): number | undefined {
	const status = Number((error as { httpCode?: unknown }).httpCode);
	return Number.isFinite(status) && status > 0 ? status : undefined;
}

/**
 * An error of a provider's webhook routes, saying what could not be done and what
 * the user can do about it: `advice` by status (and for answers that were not
 * JSON, under the key 0), else the transport's own description. The message was
 * built from the provider's answer and masked by the transport.
 */
export function registrationError(
	node: INode,
	error: unknown,
	action: string,
	advice: Record<number, string>,
): Error {
	const { message, description } = error as { message?: unknown; description?: unknown };
	const status = statusOf(error);
	const notJson = /not JSON/i.test(String(message)) ? advice[0] : undefined;
	const said = (status !== undefined ? advice[status] : undefined) ?? notJson ?? description;
	return apiError(
		node,
		undefined,
		`Could not ${action}: ${String(message)}`,
		typeof said === 'string' && said !== '' ? said : undefined,
		status,
		[],
	);
}
