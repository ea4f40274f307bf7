import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listCustomProfileFields } from '../transport';

export async function getCustomProfileFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const definitions = await listCustomProfileFields.call(this);
	return definitions
		.map((d) => ({ name: String(d.label), value: Number(d.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
