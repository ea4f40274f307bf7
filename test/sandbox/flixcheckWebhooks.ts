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
 * - https for validation events: the sandbox also calls http on 127.0.0.1.
 */

export const VALIDATION_EVENT = 'answerValidation';

export interface PortalWebhook {
	id: number;
	url: string;
	events: string[];
	headers: Record<string, string>;
}

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
	configure(settings: Omit<PortalWebhook, 'id'>): PortalWebhook {
		if (
			settings.events.includes(VALIDATION_EVENT) &&
			!/^https:\/\//.test(settings.url) &&
			!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(settings.url)
		) {
			throw new Error('Validation events need an https URL');
		}
		const webhook = { id: this.nextId++, ...settings };
		this.portal.push(webhook);
		return webhook;
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
		const results = [];
		for (const webhook of this.targets(event, options.to)) {
			results.push(
				await this.deliveries.post(
					event,
					webhook.url,
					JSON.stringify(call),
					options.withoutHeaders ? {} : webhook.headers,
				),
			);
		}
		return results;
	}

	/** Asks every portal webhook with the validation event whether `value` may be accepted. */
	async validate(value: string, options: { to?: string } = {}): Promise<Validation[]> {
		const call = this.call(VALIDATION_EVENT, { elementId: 'element-1', value });
		const results: Validation[] = [];
		for (const webhook of this.targets(VALIDATION_EVENT, options.to)) {
			const delivery = await this.deliveries.post(
				VALIDATION_EVENT,
				webhook.url,
				JSON.stringify(call),
				webhook.headers,
			);
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
