import type { CredentialSpec, SandboxContext } from '../spec';
import type { N8nClient } from './n8n';
import { followRedirect } from './n8n';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
}

/**
 * Creates a credential through n8n's REST API (or updates the one of that name) and
 * connects it as the spec says: "Connect my account" through n8n's own OAuth2
 * callback for the authorization-code flow; nothing for client credentials (the
 * first request fetches the token).
 */
export async function provisionCredential(
	client: N8nClient,
	spec: CredentialSpec,
	ctx: SandboxContext,
	options: { reuse?: boolean; data?: Record<string, unknown>; name?: string } = {},
): Promise<StoredCredential> {
	const data = options.data ?? spec.data(ctx);
	const name = options.name ?? spec.name;
	let stored: StoredCredential | undefined;
	if (options.reuse) {
		const existing = (await client.listCredentials()).find(
			(c) => c.name === name && c.type === spec.type,
		);
		if (existing) {
			await client.updateCredential(existing.id, name, spec.type, data);
			stored = { id: existing.id, name, type: spec.type };
		}
	}
	if (!stored) {
		const created = await client.createCredential(name, spec.type, data);
		stored = { id: created.id, name, type: spec.type };
	}
	if (spec.connect === 'authorizationCode') {
		spec.register?.(ctx);
		await connect(client, spec, ctx, stored.id);
	}
	return stored;
}

export async function connect(
	client: N8nClient,
	spec: CredentialSpec,
	ctx: SandboxContext,
	id: string,
) {
	return await client.connectOAuth2(id, (url) =>
		spec.consent ? spec.consent(url, ctx) : followRedirect(url),
	);
}

export interface Dropdown {
	/** The property path, `parameters.<name>` (nested collections: `parameters.<a>.<b>`). */
	path: string;
	method: string;
	kind: 'loadOptions' | 'listSearch';
	/** resource/operation under which the property shows. */
	shownWith: Record<string, unknown>;
}

interface Property {
	name: string;
	type?: string;
	typeOptions?: { loadOptionsMethod?: string; searchListMethod?: string };
	displayOptions?: { show?: Record<string, unknown[]> };
	options?: Property[];
	values?: Property[];
	modes?: Array<{ typeOptions?: { searchListMethod?: string } }>;
}

/** Every dropdown (load-options method or list search) in a node type's description. */
export function findDropdowns(properties: Property[]): Dropdown[] {
	const found: Dropdown[] = [];
	const visit = (props: Property[], prefix: string, shownWith: Record<string, unknown>) => {
		for (const prop of props) {
			const show = prop.displayOptions?.show ?? {};
			const context = { ...shownWith };
			for (const key of ['resource', 'operation', 'authentication']) {
				if (Array.isArray(show[key]) && show[key].length) context[key] = show[key][0];
			}
			const path = `${prefix}.${prop.name}`;
			const method = prop.typeOptions?.loadOptionsMethod;
			if (method) found.push({ path, method, kind: 'loadOptions', shownWith: context });
			for (const mode of prop.modes ?? []) {
				const search = mode.typeOptions?.searchListMethod;
				if (search) found.push({ path, method: search, kind: 'listSearch', shownWith: context });
			}
			if (prop.type === 'collection' && prop.options) visit(prop.options, path, context);
			if (prop.type === 'fixedCollection' && prop.options) {
				for (const group of prop.options) {
					if (group.values) visit(group.values, `${path}.${group.name}`, context);
				}
			}
		}
	};
	visit(properties, 'parameters', {});
	const seen = new Set<string>();
	return found.filter((d) => {
		const key = `${d.kind} ${d.method}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** The node's credentials map for a workflow or a REST call: `{<type>: {id, name}}`. */
export function credentialsOf(
	type: string,
	stored: Map<string, StoredCredential>,
): Record<string, { id: string; name: string }> {
	const credential = stored.get(type);
	if (!credential) throw new Error(`no credential of type ${type} was created`);
	return { [type]: { id: credential.id, name: credential.name } };
}
