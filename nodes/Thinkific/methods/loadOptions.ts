import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequestAllItems, listCustomProfileFields } from '../transport';

export async function getCustomProfileFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const definitions = await listCustomProfileFields.call(this);
	return definitions
		.map((d) => ({ name: String(d.label), value: Number(d.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

async function namedOptions(
	ctx: ILoadOptionsFunctions,
	path: string,
): Promise<INodePropertyOptions[]> {
	const items = await apiRequestAllItems.call(ctx, { path });
	return items
		.map((item) => ({ name: String(item.name), value: String(item.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getCourses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await namedOptions(this, '/courses');
}

export async function getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await namedOptions(this, '/products');
}
