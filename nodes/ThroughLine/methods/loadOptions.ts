import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listCountries, listTopics } from '../transport';

export async function getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const countries = await listCountries.call(this);
	return countries
		.map((c) => ({ name: `${c.name} (${c.code})`, value: c.code }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getTopics(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const topics = await listTopics.call(this);
	return [
		{ name: 'Any Topic', value: '' },
		...topics
			.map((t) => ({ name: t.name, value: t.name }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	];
}
