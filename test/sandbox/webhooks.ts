/**
 * How the sandbox plays a provider calling a webhook: a POST with the provider's
 * body and headers to the URL registered (or configured in its portal), and a
 * record of each call and its answer, for tests and for `npm run dev -- --sandbox`.
 */

export interface Delivery {
	/** What was delivered (an event type, a topic). */
	event: string;
	url: string;
	headers: Record<string, string>;
	/** The body exactly as sent. */
	body: string;
	/** The receiver's answer; 0 when the call failed without one. */
	status: number;
	answer: string;
	at: number;
}

export class Deliveries {
	readonly sent: Delivery[] = [];

	clear(): void {
		this.sent.length = 0;
	}

	/** Posts `body` to `url` and records the answer. */
	async post(
		event: string,
		url: string,
		body: string,
		headers: Record<string, string>,
	): Promise<Delivery> {
		const delivery: Delivery = {
			event,
			url,
			headers: { 'content-type': 'application/json', ...headers },
			body,
			status: 0,
			answer: '',
			at: Date.now(),
		};
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: delivery.headers,
				body,
				signal: AbortSignal.timeout(60_000),
			});
			delivery.status = response.status;
			delivery.answer = await response.text();
		} catch (error) {
			delivery.answer = (error as Error).message;
		}
		this.sent.push(delivery);
		return delivery;
	}
}

/** The JSON body of a sandbox control request (`POST /<provider>/_sandbox/…`). */
export function controlBody(body: Record<string, unknown> | undefined): Record<string, unknown> {
	return body && typeof body === 'object' ? body : {};
}
