import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';
import type { RunState } from '../../shared/router';
import { listCountries, listTopics } from '../transport';

/** Parameter checks that need ThroughLine's lists; each list is fetched once per execution. */

export async function countryCodeOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<string> {
	const raw = String(ctx.getNodeParameter('countryCode', itemIndex, '') ?? '').trim();
	if (raw === '') throw invalidParameter(ctx.getNode(), itemIndex, 'Country', 'it is empty');
	if (!/^[A-Za-z]{2}$/.test(raw)) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Country',
			`"${raw}" is not a two-letter ISO 3166 country code`,
		);
	}
	const code = raw.toUpperCase();
	const countries = await state.memo('countries', async () => await listCountries.call(ctx));
	if (!countries.some((c) => String(c.code).toUpperCase() === code)) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Country',
			`"${raw}" is not a country ThroughLine covers`,
		);
	}
	return code;
}

/** Accepts a topic's code or its name; returns the code, or undefined for any topic. */
export async function topicCodeOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<string | undefined> {
	const raw = String(ctx.getNodeParameter('topic', itemIndex, '') ?? '').trim();
	if (raw === '') return undefined;
	const topics = await state.memo('topics', async () => await listTopics.call(ctx));
	const wanted = raw.toLowerCase();
	const topic = topics.find(
		(t) => String(t.code).toLowerCase() === wanted || String(t.name).toLowerCase() === wanted,
	);
	if (!topic) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Topic',
			`"${raw}" is not a ThroughLine topic`,
		);
	}
	return topic.code;
}

export { requiredText } from '../../shared/parameters';
