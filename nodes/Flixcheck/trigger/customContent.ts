import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { rawBodyOf } from '../../shared/trigger';

/**
 * The event name the trigger gives a call whose body a webhook's "Custom Content
 * (Request Body)" replaced (Flixcheck has no name for it: the body may have no
 * `event` field at all).
 */
export const CUSTOM_CONTENT_EVENT = 'customContent';

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A custom body as it came: its JSON value, the form n8n parsed, or its text. */
function customBodyOf(ctx: IWebhookFunctions, parsed: unknown): IDataObject[string] {
	const text = rawBodyOf(ctx)?.toString('utf8') ?? '';
	if (text.trim() !== '') {
		try {
			return JSON.parse(text) as IDataObject[string];
		} catch {
			// Not JSON: a form n8n has parsed, or plain text.
		}
	}
	if (isObject(parsed) && Object.keys(parsed).length > 0) return parsed;
	if (Array.isArray(parsed)) return parsed as IDataObject[];
	return typeof parsed === 'string' && text === '' ? parsed : text;
}

/**
 * The event a call carries. Flixcheck's standard body is `{event, time, content}`.
 * A webhook's "Custom Content (Request Body)" replaces it with whatever the
 * administrator wrote; such a call is passed on as an event of its own kind,
 * `{event: "customContent", body}`, with the body as it came (its JSON value, or
 * its text when it is not JSON). Answering it with an error would only make
 * Flixcheck pause the webhook.
 */
export function eventOf(ctx: IWebhookFunctions): IDataObject {
	const parsed: unknown = ctx.getBodyData();
	if (isObject(parsed) && typeof parsed.event === 'string' && parsed.event !== '') return parsed;
	return { event: CUSTOM_CONTENT_EVENT, body: customBodyOf(ctx, parsed) };
}

/** "Content Only": a standard event's content; a custom body itself (an object), or `{body}`. */
export function contentOf(event: IDataObject): IDataObject {
	if (event.event !== CUSTOM_CONTENT_EVENT) return (event.content ?? {}) as IDataObject;
	return isObject(event.body) ? event.body : { body: event.body };
}
