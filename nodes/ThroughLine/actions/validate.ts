import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../shared/errors';
import { readText, requiredText } from '../../shared/parameters';
import type { RunState } from '../../shared/router';
import { listTopics } from '../transport';

/**
 * Search parameters, checked here by their form only: ThroughLine counts every
 * call against a daily quota, so the API itself says whether it knows a country
 * or a topic.
 */

/** A two-letter ISO 3166 country code, upper case. */
export function countryCodeOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const given = requiredText(ctx, itemIndex, 'countryCode', 'Country');
	if (!/^[A-Za-z]{2}$/.test(given)) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Country',
			`"${given.slice(0, 40)}" is not a two-letter ISO 3166 country code such as US`,
		);
	}
	return given.toUpperCase();
}

/** Topic codes are words joined by "-" or "_" (suicidal-thoughts); names have spaces or are one word. */
const TOPIC_CODE = /^[a-z0-9]+([-_][a-z0-9]+)+$/;

/**
 * The topic as ThroughLine's documented example sends it: its name
 * (`topic=suicidal thoughts`). The dropdown gives names; a topic typed as a
 * code is turned into its name with the topic list (read once per execution,
 * and only then). Undefined for any topic.
 */
export async function topicNameOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	state: RunState,
): Promise<string | undefined> {
	const given = readText(ctx, itemIndex, 'topic');
	if (given === '') return undefined;
	if (given.length > 100) {
		throw invalidParameter(ctx.getNode(), itemIndex, 'Topic', 'it is longer than a topic name');
	}
	if (!TOPIC_CODE.test(given)) return given;
	const topics = await state.memo('topics', async () => await listTopics.call(ctx));
	const wanted = given.toLowerCase();
	const topic =
		topics.find((t) => String(t.code).toLowerCase() === wanted) ??
		topics.find((t) => String(t.name).toLowerCase() === wanted);
	if (!topic) {
		throw invalidParameter(
			ctx.getNode(),
			itemIndex,
			'Topic',
			`"${given}" is not the code or name of a ThroughLine topic; pick the topic from the list`,
		);
	}
	return topic.name;
}
