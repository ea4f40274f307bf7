import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	acknowledge,
	deliveryKey,
	headerOf,
	jsonBodyOf,
	passDeliveries,
	rawBodyOf,
	refuse,
	seenBefore,
	start,
	verifyHmacSha256Hex,
} from '../../shared/trigger';
import { hasUrlSecret, urlSecretOf } from '../../shared/urlSecret';
import { COURSE_TOPICS, PRODUCT_TOPICS, courseOf, productsOf, topicOf } from './events';
import { URL_SECRET_KEYS } from './lifecycle';

export const SIGNATURE_HEADER = 'x-thinkific-hmac-sha256';

/**
 * The key Thinkific signs deliveries with: the app's client secret for webhooks
 * an OAuth app registered, the site's API key for webhooks registered with it or
 * added in the admin.
 */
async function signingKey(ctx: IWebhookFunctions): Promise<string> {
	const type = ctx.getNodeParameter('authentication', 'thinkificOAuth2Api') as string;
	const credentials = await ctx.getCredentials(type);
	const key = type === 'thinkificApi' ? credentials.apiKey : credentials.clientSecret;
	return typeof key === 'string' ? key : '';
}

function ids(value: unknown): string[] {
	return (Array.isArray(value) ? value : []).map((v) => String(v).trim()).filter((v) => v !== '');
}

/** Whether the event passes the course and product filters (events they do not apply to pass). */
function passesFilters(ctx: IWebhookFunctions, topic: string, payload: IDataObject): boolean {
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	const courses = ids(filters.courseIds);
	if (courses.length && COURSE_TOPICS.has(topic)) {
		const course = courseOf(payload);
		if (course === undefined || !courses.includes(course)) return false;
	}
	const products = ids(filters.productIds);
	if (products.length && PRODUCT_TOPICS.has(topic)) {
		if (!productsOf(payload).some((p) => products.includes(p))) return false;
	}
	return true;
}

export function keyOf(event: IDataObject): string {
	return deliveryKey(event.id, event);
}

/**
 * A delivery is checked before anything else: a signed one by its signature over
 * the raw body; an unsigned one (a webhook added in the Thinkific admin may come
 * unsigned) only when its URL carries this node's URL secret. Anything else is
 * refused with 401 and starts nothing. An event of a topic not chosen, filtered
 * out, or delivered before, is answered without an execution.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = rawBodyOf(this);
	const signature = headerOf(this, SIGNATURE_HEADER);
	if (!body || body.length === 0) return refuse(this, 'Missing body');
	if (signature !== undefined) {
		if (!verifyHmacSha256Hex(body, await signingKey(this), signature)) {
			return refuse(this, 'The X-Thinkific-Hmac-Sha256 signature does not match the body');
		}
	} else if (!hasUrlSecret(this, await urlSecretOf(this, URL_SECRET_KEYS))) {
		return refuse(
			this,
			'Missing X-Thinkific-Hmac-Sha256 signature, and no URL secret of an unsigned webhook',
		);
	}
	const event = jsonBodyOf(this);
	const topic = event ? topicOf(event) : undefined;
	if (!event || !topic) return refuse(this, 'The body is not a Thinkific event', 400);

	const chosen = this.getNodeParameter('events', []) as string[];
	if (!chosen.includes(topic)) return acknowledge(`event ${topic} not chosen`);
	const payload = (event.payload ?? {}) as IDataObject;
	if (!passesFilters(this, topic, payload)) return acknowledge('filtered out');
	if (seenBefore(this, keyOf(event))) return acknowledge('delivered before');
	return start([event]);
}

/** The trigger's step of the execution: remembers the delivery and outputs the event or its payload. */
export function output(this: IExecuteFunctions): INodeExecutionData[][] {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const payloadOnly = options.output === 'payload';
	return passDeliveries(this, keyOf, (event) =>
		payloadOnly ? ((event.payload ?? {}) as IDataObject) : event,
	);
}
