import type { IDataObject } from 'n8n-workflow';

/**
 * What the polling mode reports: the changes between the orders list as it was
 * at the last poll and as it is now. The list shows each order's status at the
 * moment it is read, so the changes in between are not seen: an order that went
 * A → B → C between two polls is reported once, as A → C. The cursor is each
 * order's status by ID, for the orders read (the most recent ones); the first poll
 * only fills it.
 */

/** How many of the most recent orders each poll reads (five pages of 100). */
export const POLLED_ORDERS = 500;

export interface OrderCursor {
	/** The filter the cursor was made with: a changed filter starts afresh. */
	scope: string;
	/** Status by order ID. */
	orders: Record<string, string>;
}

/** An order's status as the list shows it (`status`, or `display_status` when that is missing). */
export function statusOf(order: IDataObject): string {
	const status = order.status ?? order.display_status;
	return status === undefined || status === null ? '' : String(status);
}

function isDelivered(status: string): boolean {
	return status.trim().toLowerCase() === 'delivered';
}

export function readCursor(value: unknown, scope: string): OrderCursor | undefined {
	const cursor = value as Partial<OrderCursor> | undefined;
	if (!cursor || cursor.scope !== scope || !cursor.orders || typeof cursor.orders !== 'object') {
		return undefined;
	}
	return { scope, orders: cursor.orders };
}

/**
 * The events since `cursor`, oldest order first, and the cursor to keep. A status
 * that becomes "Delivered" is reported as `order.delivered` when that event is
 * chosen, else as `order.status_changed`: one item per order whose status differs
 * from the last poll's, with the status then (`previous_status`, null for a new
 * order) and now.
 */
export function ordersChanged(
	cursor: OrderCursor | undefined,
	scope: string,
	orders: IDataObject[],
	events: string[],
): { items: IDataObject[]; cursor: OrderCursor } {
	const next: OrderCursor = { scope, orders: {} };
	const items: IDataObject[] = [];
	for (const order of [...orders].reverse()) {
		const id = String(order.id);
		const status = statusOf(order);
		next.orders[id] = status;
		if (!cursor) continue;
		const previous = cursor.orders[id];
		if (previous === undefined) {
			if (events.includes('order.created')) {
				items.push({
					event: 'order.created',
					order_id: order.id,
					previous_status: null,
					status,
					order,
				});
			}
			continue;
		}
		if (previous === status) continue;
		const event =
			isDelivered(status) && events.includes('order.delivered')
				? 'order.delivered'
				: events.includes('order.status_changed')
					? 'order.status_changed'
					: undefined;
		if (event) {
			items.push({ event, order_id: order.id, previous_status: previous, status, order });
		}
	}
	return { items, cursor: next };
}

/** Turns thanks.io's dotted keys (`"order.id"`) into nested objects (`order: {id}`). */
export function nestDottedKeys(data: IDataObject): IDataObject {
	const nested: IDataObject = {};
	for (const [key, value] of Object.entries(data)) {
		const parts = key.split('.');
		let target = nested;
		for (const part of parts.slice(0, -1)) {
			const existing = target[part];
			if (!existing || typeof existing !== 'object' || Array.isArray(existing)) target[part] = {};
			target = target[part] as IDataObject;
		}
		target[parts[parts.length - 1]] = value;
	}
	return nested;
}
