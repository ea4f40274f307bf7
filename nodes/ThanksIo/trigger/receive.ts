import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { RequestContext } from '../../shared/transport';
import {
	acknowledge,
	deliveryKey,
	jsonBodyOf,
	passDeliveries,
	refuse,
	seenBefore,
	start,
} from '../../shared/trigger';
import { hasUrlSecret, urlSecretOf } from '../../shared/urlSecret';
import { listOrders } from '../transport/orders';
import { filterId } from './filters';
import { URL_SECRET_KEYS } from './lifecycle';
import { POLLED_ORDERS, nestDottedKeys, ordersChanged, readCursor, statusOf } from './orders';

export function keyOf(event: IDataObject): string {
	return deliveryKey(event.event_id, event);
}

/**
 * A webhook delivery: the URL's secret is checked first (in constant time, against
 * the node's URL secret derived again); a call without it gets 401 and starts
 * nothing. Events not chosen, or delivered before, are answered without an
 * execution. There is no sub-account filter here: thanks.io sends a sub-account's
 * events only to the webhooks made in that sub-account's context (with its
 * credential), and no event names its sub-account.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (!hasUrlSecret(this, await urlSecretOf(this, URL_SECRET_KEYS))) {
		return refuse(this, 'Missing or wrong webhook token');
	}
	const event = jsonBodyOf(this);
	const type = event?.event_type;
	if (!event || typeof type !== 'string')
		return refuse(this, 'The body is not a thanks.io event', 400);
	const chosen = this.getNodeParameter('events', []) as string[];
	if (!chosen.includes(type)) return acknowledge(`event ${type} not chosen`);
	if (seenBefore(this, keyOf(event))) return acknowledge('delivered before');
	return start([event]);
}

/**
 * One poll of the orders list, of one sub-account ('' for all accounts). In manual
 * mode (the panel's "Execute step") it gives the most recent order as a sample and leaves
 * the cursor alone.
 */
export async function pollOrders(
	ctx: RequestContext,
	settings: { events: string[]; subAccount: string; manual: boolean },
	staticData: IDataObject,
): Promise<INodeExecutionData[][] | null> {
	if (settings.manual) {
		const [latest] = await listOrders.call(ctx, { limit: 1, subAccount: settings.subAccount });
		if (!latest) return null;
		const sample = {
			event: 'order.status_changed',
			order_id: latest.id,
			previous_status: null,
			status: statusOf(latest),
			order: latest,
		};
		return [[{ json: sample }]];
	}
	const orders = await listOrders.call(ctx, {
		limit: POLLED_ORDERS,
		subAccount: settings.subAccount,
	});
	const scope = `sub-account:${settings.subAccount}`;
	const { items, cursor } = ordersChanged(
		readCursor(staticData.cursor, scope),
		scope,
		orders,
		settings.events,
	);
	staticData.cursor = cursor as unknown as IDataObject;
	return items.length ? [items.map((json) => ({ json }))] : null;
}

/**
 * n8n's poll. Only polling mode polls: in webhook mode n8n still calls it once at
 * activation, and it answers nothing, asks nothing and reads no polling field (the
 * _Sub-Account_ picker is hidden then, and n8n reads a hidden picker's value as an
 * error).
 */
export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	if (this.getNodeParameter('mode', 'webhook') !== 'poll') return null;
	return await pollOrders(
		this,
		{
			events: this.getNodeParameter('pollEvents', []) as string[],
			subAccount: filterId(
				this.getNode(),
				'subAccount',
				this.getNodeParameter('subAccount', '', { extractValue: true }),
			),
			manual: this.getMode() === 'manual',
		},
		this.getWorkflowStaticData('node'),
	);
}

/**
 * The trigger's step of each execution: in webhook mode it remembers the delivery
 * and outputs the event; in polling mode it passes the poll's items on, and when
 * the user runs the node by hand it polls for a sample itself (n8n runs this step,
 * not `poll`, for a node that has both).
 */
export async function output(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const mode = String(this.getNodeParameter('mode', 0, 'webhook'));
	if (mode === 'poll') {
		if (this.getMode() !== 'manual') return [this.getInputData()];
		const sample = await pollOrders(
			this,
			{
				events: this.getNodeParameter('pollEvents', 0, []) as string[],
				subAccount: filterId(
					this.getNode(),
					'subAccount',
					this.getNodeParameter('subAccount', 0, '', { extractValue: true }),
				),
				manual: true,
			},
			this.getWorkflowStaticData('node'),
		);
		return sample ?? [[]];
	}
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	return passDeliveries(this, keyOf, (event) =>
		options.nest === true
			? { ...event, data: nestDottedKeys((event.data ?? {}) as IDataObject) }
			: event,
	);
}
