import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import type { OperationModule } from '../../../shared/router';
import { describeUnsafePath } from '../../../shared/url';
import { readJson, requiredText } from '../../../shared/parameters';
import { apiRequest } from '../../transport';

export const option: OperationModule['option'] = {
	name: 'Send',
	value: 'send',
	action: 'Send an API request',
	description: "Call any route of the Flixcheck v7 API with the node's credential",
};

const METHODS: IHttpRequestMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export const description: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: METHODS.map((m) => ({ name: m, value: m })),
		default: 'GET',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/user/v7/files/68763e4754b3fce174ab6961',
		description:
			'A v7 route below the API base URL, such as /user/v7/… or /guest/v7/…. Query parameters go below.',
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['POST', 'PUT', 'PATCH', 'DELETE'] } },
		description: 'The JSON body; v7 routes usually expect {"resource": {…}}',
	},
];

const V7_PATH = /^\/[A-Za-z][A-Za-z0-9-]*\/v7(\/|$)/;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const method = String(this.getNodeParameter('method', itemIndex, 'GET')) as IHttpRequestMethods;
	if (!METHODS.includes(method)) {
		throw invalidParameter(this.getNode(), itemIndex, 'Method', `"${method}" is not supported`);
	}
	const path = requiredText(this, itemIndex, 'path', 'Path');
	const unsafe = describeUnsafePath(path);
	if (unsafe) throw invalidParameter(this.getNode(), itemIndex, 'Path', `"${path}" ${unsafe}`);
	if (!V7_PATH.test(path)) {
		throw invalidParameter(
			this.getNode(),
			itemIndex,
			'Path',
			`"${path}" is not a v7 route (it must look like /user/v7/… or /guest/v7/…)`,
		);
	}
	const qs: IDataObject = {};
	const query = this.getNodeParameter('queryParameters', itemIndex, {}) as {
		parameter?: Array<{ name: string; value: string }>;
	};
	for (const { name, value } of query.parameter ?? []) {
		if (String(name ?? '').trim() === '') {
			throw invalidParameter(this.getNode(), itemIndex, 'Query Parameters', 'a name is empty');
		}
		qs[name.trim()] = value;
	}
	const body =
		method === 'GET' ? undefined : readJson(this, itemIndex, 'body', 'Body (JSON)', 'object', {});
	const answer: unknown = await apiRequest.call(
		this,
		{
			method,
			path,
			qs: Object.keys(qs).length ? qs : undefined,
			body: body && Object.keys(body).length ? body : undefined,
		},
		itemIndex,
	);
	// The v7 envelope {resource, meta}: the resource is the result; a list becomes one item each.
	if (answer && typeof answer === 'object' && !Array.isArray(answer) && 'resource' in answer) {
		const resource = (answer as IDataObject).resource;
		if (Array.isArray(resource)) {
			return resource.map((entry) =>
				entry && typeof entry === 'object' && !Array.isArray(entry)
					? (entry as IDataObject)
					: { value: entry as string },
			);
		}
		if (resource && typeof resource === 'object') return resource as IDataObject;
		return { resource: resource as string };
	}
	if (Array.isArray(answer)) return answer as IDataObject[];
	// An answer without a body (such as 204) reads as {}.
	if (answer && typeof answer === 'object') {
		return Object.keys(answer).length ? (answer as IDataObject) : { success: true };
	}
	return { value: answer as string };
}
