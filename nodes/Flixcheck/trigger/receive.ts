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
	passDeliveries,
	refuse,
	sameSecret,
	seenBefore,
	start,
} from '../../shared/trigger';
import { contentOf, eventOf } from './customContent';
import { readSecret } from './secret';

/** Events chosen in the node: the list and the other names; empty means every event. */
function chosenEvents(ctx: IWebhookFunctions): string[] {
	const listed = ctx.getNodeParameter('events', []) as string[];
	const others = String(ctx.getNodeParameter('otherEvents', '') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
	return [...listed, ...others];
}

/**
 * Flixcheck's body has no event ID: a delivery is identified by its whole content
 * (event, time, check…), which a retry sends unchanged.
 */
export function keyOf(event: IDataObject): string {
	return deliveryKey(undefined, event);
}

/**
 * A call from Flixcheck: the secret header is checked first, in constant time; a
 * call without it gets 401 and starts nothing. Every call that passes that check
 * gets a 2xx answer, since Flixcheck pauses a webhook that fails too often: a body
 * the portal replaced (custom content) is passed on as its own kind of event, and
 * an event not chosen is answered without an execution. When the node answers
 * immediately, an event delivered before is answered without one too; when the
 * workflow answers (validation events), every call runs it, since Flixcheck waits
 * for that answer.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const credentials = await this.getCredentials('flixcheckWebhookApi');
	const expected = readSecret(credentials);
	if (typeof expected === 'string') {
		// A credential that cannot be used lets nothing in; the reason is not told to the caller.
		return refuse(this, 'Missing or wrong webhook secret header');
	}
	if (!sameSecret(headerOf(this, expected.header), expected.secret)) {
		return refuse(this, 'Missing or wrong webhook secret header');
	}
	const event = eventOf(this);
	const name = String(event.event);
	const chosen = chosenEvents(this);
	if (chosen.length && !chosen.includes(name)) {
		return acknowledge(`event ${name.slice(0, 100)} not chosen`);
	}
	const answersNow = this.getNodeParameter('responseMode', 'onReceived') === 'onReceived';
	if (answersNow && seenBefore(this, keyOf(event))) return acknowledge('delivered before');
	return start([event]);
}

/** The trigger's step of the execution: remembers the delivery, outputs the call or its content. */
export function output(this: IExecuteFunctions): INodeExecutionData[][] {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const contentOnly = options.output === 'content';
	return passDeliveries(this, keyOf, (event) => (contentOnly ? contentOf(event) : event));
}
