import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';

import { ensureEncryptionKey } from './encryption';
import { oAuth2Api } from './oauth2Api';

/** Hidden OAuth fields that the credential type owns: a stored value never overrides them. */
const OAUTH_PINNED_FIELDS = [
	'grantType',
	'authUrl',
	'accessTokenUrl',
	'scope',
	'authQueryParameters',
	'authentication',
];

const mockNode: INode = {
	id: 'credential-node',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

const mockNodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
} as never;

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	/** Encrypted with n8n-core's Cipher, as n8n stores it. */
	data: string;
}

/**
 * An in-memory credential store that honours n8n's credential-helper contract the
 * way n8n's server does: data encrypted at rest with n8n-core's `Credentials`,
 * defaults and hidden OAuth fields applied, expressions (`$self`) resolved,
 * `authenticate` and `preAuthentication` run, and `oauthTokenData` saved when
 * n8n-core's OAuth2 code fetches or refreshes a token.
 */
export class CredentialStore extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();
	private readonly records = new Map<string, StoredCredential>();
	private nextId = 1;
	/** How often n8n-core saved token data, per credential id. */
	readonly tokenSaves = new Map<string, number>();
	/** How often a credential was read for use (decrypted, defaults applied, expressions resolved), per id. */
	readonly reads = new Map<string, number>();

	constructor(types: ICredentialType[]) {
		super();
		ensureEncryptionKey();
		for (const type of [oAuth2Api, ...types]) this.types.set(type.name, type);
	}

	type(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	/** Saves a credential as a user would in n8n's credential dialog. */
	async add(
		type: string,
		data: ICredentialDataDecryptedObject,
		name = `${type} account`,
	): Promise<INodeCredentialsDetails> {
		const id = String(this.nextId++);
		const credentials = new Credentials({ id, name }, type);
		await credentials.setData(data);
		this.records.set(id, { id, name, type, data: credentials.getDataToSave().data as string });
		return { id, name };
	}

	/** The stored (decrypted, raw) data, as n8n would read it from its database. */
	async stored(id: string): Promise<ICredentialDataDecryptedObject> {
		const record = this.records.get(id);
		if (!record) throw new Error(`No credential ${id}`);
		return await new Credentials({ id, name: record.name }, record.type, record.data).getData();
	}

	/** The encrypted form, to check that secrets are not stored in clear. */
	encrypted(id: string): string {
		return this.records.get(id)!.data;
	}

	async patch(id: string, data: ICredentialDataDecryptedObject): Promise<void> {
		const record = this.records.get(id)!;
		const merged = { ...(await this.stored(id)), ...data };
		const credentials = new Credentials({ id, name: record.name }, record.type);
		await credentials.setData(merged);
		record.data = credentials.getDataToSave().data as string;
	}

	getParentTypes(name: string): string[] {
		const type = this.types.get(name);
		if (!type?.extends) return [];
		return type.extends.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const definition = this.type(type);
		if (!definition.extends) {
			if (type === 'oAuth2Api') {
				return [
					...definition.properties,
					{
						displayName: 'oauthTokenData',
						name: 'oauthTokenData',
						type: 'json',
						required: false,
						default: {},
					},
				];
			}
			return definition.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of definition.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, definition.properties);
		return combined;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		const record = nodeCredentials.id ? this.records.get(nodeCredentials.id) : undefined;
		if (!record || record.type !== type) {
			throw new Error(
				`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`,
			);
		}
		return new Credentials({ id: record.id, name: record.name }, record.type, record.data);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = await (await this.getCredentials(nodeCredentials, type)).getData();
		if (raw === true) return data;
		const id = String(nodeCredentials.id);
		this.reads.set(id, (this.reads.get(id) ?? 0) + 1);
		return this.applyDefaults(
			additionalData,
			data,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	applyDefaults(
		additionalData: IWorkflowExecuteAdditionalData,
		original: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		const stored = { ...original };
		for (const field of OAUTH_PINNED_FIELDS) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete stored[field];
		}
		let data = NodeHelpers.getNodeParameters(
			properties,
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) data.oauthTokenData = original.oauthTokenData;
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			data = expressionResolveValues.workflow.expression.getParameterValue(
				data as INodeParameters,
				expressionResolveValues.runExecutionData,
				expressionResolveValues.runIndex,
				expressionResolveValues.itemIndex,
				expressionResolveValues.node.name,
				expressionResolveValues.connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				data,
			) as ICredentialDataDecryptedObject;
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			data = workflow.expression.getComplexParameterValue(
				mockNode,
				data as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				data,
			) as ICredentialDataDecryptedObject;
		}
		return data;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.type(typeName);
		if (typeof type.authenticate === 'function') {
			return await type.authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (type.authenticate?.type === 'generic') {
			if (!workflow || !node)
				throw new Error('Workflow and node are required for generic authentication');
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, outerValue] of Object.entries(type.authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					target[outerKey] ??= {};
					target[outerKey][this.resolve(key, credentials, workflow, node)] = this.resolve(
						value,
						credentials,
						workflow,
						node,
					);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	private resolve(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const testing = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !testing) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			const nodeCredentials = node.credentials[type.name];
			const storedData = await (await this.getCredentials(nodeCredentials, type.name)).getData();
			await this.updateCredentials(nodeCredentials, type.name, {
				...storedData,
				...(output as ICredentialDataDecryptedObject),
			});
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (
			((await type.preAuthentication.call(
				helpers,
				credentials,
			)) as ICredentialDataDecryptedObject) ?? undefined
		);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const record =
			(await this.getCredentials(nodeCredentials, type)) && this.records.get(nodeCredentials.id!)!;
		const credentials = new Credentials({ id: record.id, name: record.name }, type);
		await credentials.setData(data);
		record.data = credentials.getDataToSave().data as string;
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		await credentials.updateData({ oauthTokenData: data.oauthTokenData });
		const record = this.records.get(nodeCredentials.id!)!;
		record.data = credentials.getDataToSave().data as string;
		this.tokenSaves.set(record.id, (this.tokenSaves.get(record.id) ?? 0) + 1);
	}
}
