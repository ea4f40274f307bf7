import type { Delivery } from './webhooks';
import { Deliveries } from './webhooks';

/**
 * Flixcheck's webhooks as its documentation describes them: set up by an
 * administrator in the portal (Settings → Webhooks; there is no API for them),
 * each with a URL, events (`all` = every notification event; validation events
 * must be added by name, and need https) and custom headers sent with every call.
 * A call is a POST of UTF-8 JSON `{event, time, content: {checkId, userId,
 * accountId, …}}`; the answer is read as JSON.
 *
 * What is not documented, and what the sandbox assumes (the README says so too):
 * - the names of events other than `checkOpened` and `checkAnswered`;
 * - validation events: their names and content. The sandbox sends
 *   `answerValidation` with `content.elementId` and `content.value`;
 * - the answer to a validation event: `{"valid": true}` accepts the input,
 *   `{"valid": false, "message": "…"}` refuses it with that message; any other
 *   answer (not JSON, not 2xx, no `valid`) decides nothing;
 * - https for validation events: the sandbox also calls http on 127.0.0.1;
 * - a webhook's "Custom Content (Request Body)", which replaces the standard body:
 *   the portal's placeholder syntax is not published. The sandbox takes a template
 *   in which `{{event}}`, `{{time}}` and `{{content.<key>}}` are replaced (JSON
 *   escaped), sent with the content type the test gives (JSON by default);
 * - pausing: "If a webhook fails too frequently, it will automatically be paused",
 *   and an administrator may set the number of failures. The default number, and
 *   whether failures must come one after the other, are not published. The
 *   sandbox pauses a webhook after `failureThreshold` (default
 *   `DEFAULT_FAILURE_THRESHOLD`) answers in a row that are not 2xx (or no answer);
 *   a 2xx answer starts the count again. While paused it sends nothing and keeps
 *   the events in the webhook's backlog, as the docs say; `resume()` is the
 *   administrator reactivating it (the backlog is not sent: the docs say only that
 *   it is logged).
 */

/** Failures in a row after which the sandbox pauses a webhook (unconfirmed; see above). */
export const DEFAULT_FAILURE_THRESHOLD = 5;

export const VALIDATION_EVENT = 'answerValidation';

export interface PortalWebhook {
	id: number;
	url: string;
	events: string[];
	headers: Record<string, string>;
	/** "Custom Content (Request Body)": a template that replaces the standard body. */
	customBody?: string;
	/** The content type the custom body is sent with (default application/json). */
	customContentType?: string;
	/** Failures in a row after which the webhook is paused. */
	failureThreshold: number;
	/** Failures since the last 2xx answer. */
	failures: number;
	paused: boolean;
	/** Calls not sent while the webhook was paused. */
	backlog: FlixcheckCall[];
}

/** What the administrator sets in the portal. */
export type PortalSettings = Pick<PortalWebhook, 'url' | 'events' | 'headers'> &
	Partial<Pick<PortalWebhook, 'customBody' | 'customContentType' | 'failureThreshold'>>;

export interface FlixcheckCall {
	event: string;
	time: string;
	content: Record<string, unknown>;
}

export interface Validation {
	url: string;
	status: number;
	answer: string;
	decision: 'accept' | 'reject' | 'none';
	message?: string;
}

const USER_ID = '5a33da23c986d50e0be32178';
const ACCOUNT_ID = '5a33da23c986d50e0be32177';

export class FlixcheckWebhooks {
	readonly portal: PortalWebhook[] = [];
	readonly deliveries = new Deliveries();
	readonly validations: Validation[] = [];
	private nextId = 1;
	private checkCounter = 0;
	private readonly lastCalls = new Map<string, FlixcheckCall>();

	reset(): void {
		this.portal.length = 0;
		this.deliveries.clear();
		this.validations.length = 0;
		this.lastCalls.clear();
	}

	/** The administrator adds a webhook in the portal. */
	configure(settings: PortalSettings): PortalWebhook {
		if (
			settings.events.includes(VALIDATION_EVENT) &&
			!/^https:\/\//.test(settings.url) &&
			!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(settings.url)
		) {
			throw new Error('Validation events need an https URL');
		}
		const webhook: PortalWebhook = {
			id: this.nextId++,
			...settings,
			failureThreshold: settings.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD,
			failures: 0,
			paused: false,
			backlog: [],
		};
		this.portal.push(webhook);
		return webhook;
	}

	/** The administrator reactivates a paused webhook. */
	resume(webhook: PortalWebhook): void {
		webhook.paused = false;
		webhook.failures = 0;
	}

	/** The body a webhook sends for a call: the standard JSON, or its custom body. */
	bodyOf(webhook: PortalWebhook, call: FlixcheckCall): { body: string; contentType: string } {
		if (webhook.customBody === undefined) {
			return { body: JSON.stringify(call), contentType: 'application/json' };
		}
		const contentType = webhook.customContentType ?? 'application/json';
		const escape = (value: unknown) =>
			contentType.includes('json')
				? JSON.stringify(String(value ?? '')).slice(1, -1)
				: String(value ?? '');
		const body = webhook.customBody.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_all, name: string) => {
			if (name === 'event') return escape(call.event);
			if (name === 'time') return escape(call.time);
			if (name.startsWith('content.')) return escape(call.content[name.slice('content.'.length)]);
			return '';
		});
		return { body, contentType };
	}

	/**
	 * One call to one webhook, as Flixcheck makes it: nothing while the webhook is
	 * paused (the call goes to its backlog); a failure counts towards pausing it.
	 */
	private async deliver(
		webhook: PortalWebhook,
		call: FlixcheckCall,
		headers: Record<string, string>,
	): Promise<Delivery | undefined> {
		if (webhook.paused) {
			webhook.backlog.push(call);
			return undefined;
		}
		const { body, contentType } = this.bodyOf(webhook, call);
		const delivery = await this.deliveries.post(call.event, webhook.url, body, {
			'content-type': contentType,
			...headers,
		});
		if (delivery.status >= 200 && delivery.status < 300) webhook.failures = 0;
		else if (++webhook.failures >= webhook.failureThreshold) webhook.paused = true;
		return delivery;
	}

	/** A new check ID, as Flixcheck's 24-hex-digit IDs look. */
	private checkId(): string {
		this.checkCounter++;
		return `6583d5215b2b2e04${this.checkCounter.toString(16).padStart(8, '0')}`;
	}

	call(event: string, content: Record<string, unknown> = {}): FlixcheckCall {
		const flags: Record<string, unknown> =
			event === 'checkOpened'
				? { alreadyOpened: false }
				: event === 'checkAnswered'
					? { alreadyAnswered: false }
					: {};
		return {
			event,
			time: new Date().toISOString(),
			content: {
				checkId: this.checkId(),
				userId: USER_ID,
				accountId: ACCOUNT_ID,
				...flags,
				...content,
			},
		};
	}

	private targets(event: string, to?: string): PortalWebhook[] {
		return this.portal.filter(
			(w) =>
				(to === undefined || w.url === to) &&
				(w.events.includes(event) || (w.events.includes('all') && event !== VALIDATION_EVENT)),
		);
	}

	/**
	 * Sends a notification event to every portal webhook that has it; `withoutHeaders`
	 * leaves the custom headers out (a call from someone who only knows the URL),
	 * `repeat` sends the last genuine call of that event again.
	 */
	async fire(
		event: string,
		options: {
			content?: Record<string, unknown>;
			to?: string;
			withoutHeaders?: boolean;
			repeat?: boolean;
		} = {},
	) {
		const call =
			options.repeat && this.lastCalls.has(event)
				? this.lastCalls.get(event)!
				: this.call(event, options.content);
		if (!options.withoutHeaders) this.lastCalls.set(event, call);
		const results: Delivery[] = [];
		for (const webhook of this.targets(event, options.to)) {
			// A call without the headers is not Flixcheck's: it neither pauses nor waits.
			const delivery = options.withoutHeaders
				? await this.deliveries.post(event, webhook.url, this.bodyOf(webhook, call).body, {})
				: await this.deliver(webhook, call, webhook.headers);
			if (delivery) results.push(delivery);
		}
		return results;
	}

	/** Asks every portal webhook with the validation event whether `value` may be accepted. */
	async validate(value: string, options: { to?: string } = {}): Promise<Validation[]> {
		const call = this.call(VALIDATION_EVENT, { elementId: 'element-1', value });
		const results: Validation[] = [];
		for (const webhook of this.targets(VALIDATION_EVENT, options.to)) {
			const delivery = await this.deliver(webhook, call, webhook.headers);
			if (!delivery) continue;
			let decision: Validation['decision'] = 'none';
			let message: string | undefined;
			if (delivery.status >= 200 && delivery.status < 300) {
				try {
					const answer = JSON.parse(delivery.answer) as { valid?: unknown; message?: unknown };
					if (answer.valid === true) decision = 'accept';
					if (answer.valid === false) decision = 'reject';
					if (typeof answer.message === 'string' && answer.message !== '') message = answer.message;
				} catch {
					decision = 'none';
				}
			}
			const validation = {
				url: webhook.url,
				status: delivery.status,
				answer: delivery.answer,
				decision,
				message,
			};
			this.validations.push(validation);
			results.push(validation);
		}
		return results;
	}
}
