import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { apiError } from '../../shared/errors';
import type { Registration } from '../../shared/registrations';
import { registrationError, statusOf } from '../../shared/registrations';
import { apiRequest, apiRequestAllItems } from './index';

/**
 * thanks.io's webhook routes (paid plans only): `GET /webhooks` (Laravel pages,
 * with `can_manage_webhooks`), `POST /webhooks {url, type, verb, description,
 * mailing_list_id}` → 201 with the webhook, `DELETE /webhooks/{id}` → 200
 * `{"status": "success"}`. And the orders list the polling mode reads.
 */

export interface ThanksIoRegistration extends Registration {
	mailingListId: string;
}

const PAID_PLAN_ADVICE =
	"thanks.io offers webhooks on paid plans only, and answers 403 when the account has none (or when the token is refused). Upgrade the plan, or set the trigger's Receive Events By to Polling the Orders List, which reads the orders list instead.";

function explained(
	hook: IHookFunctions,
	error: unknown,
	action: string,
	secrets: string[] = [],
): Error {
	return registrationError(
		hook.getNode(),
		error,
		action,
		{ 401: PAID_PLAN_ADVICE, 403: PAID_PLAN_ADVICE },
		secrets,
	);
}

/** Every webhook of the account. */
export async function listWebhooks(this: IHookFunctions): Promise<ThanksIoRegistration[]> {
	let pages: IDataObject[];
	try {
		// The first page says whether the account may manage webhooks at all.
		const first = await apiRequest.call(this, {
			method: 'GET',
			path: '/webhooks',
			qs: { items_per_page: 100, page: 1 },
		});
		if (first.can_manage_webhooks === false) {
			throw apiError(
				this.getNode(),
				undefined,
				'thanks.io says this account cannot manage webhooks',
				PAID_PLAN_ADVICE,
				403,
				[],
			);
		}
		pages = await apiRequestAllItems.call(this, { path: '/webhooks' });
	} catch (error) {
		throw explained(this, error, 'list the thanks.io webhooks');
	}
	return pages.map((item) => ({
		id: String(item.id),
		topic: String(item.type ?? ''),
		url: String(item.url ?? ''),
		mailingListId:
			item.mailing_list_id === null || item.mailing_list_id === undefined
				? ''
				: String(item.mailing_list_id),
	}));
}

/** Registers `type` for `url` (POSTed to); returns the new webhook's ID. `secrets` are masked in errors. */
export async function createWebhook(
	this: IHookFunctions,
	type: string,
	url: string,
	mailingListId: string,
	description: string,
	secrets: string[] = [],
): Promise<string> {
	const body: IDataObject = { url, type, verb: 'post', description };
	if (mailingListId !== '') body.mailing_list_id = Number(mailingListId);
	let answer: IDataObject;
	try {
		answer = await apiRequest.call(this, { method: 'POST', path: '/webhooks', body });
	} catch (error) {
		throw explained(this, error, `register the thanks.io webhook for ${type}`, secrets);
	}
	const created = (answer.data ?? answer) as IDataObject;
	if (created.id === undefined || created.id === null) {
		throw apiError(
			this.getNode(),
			undefined,
			`thanks.io accepted the webhook for ${type} but sent no ID for it. Remove it in the thanks.io dashboard (Profile → Webhooks), then publish the workflow again.`,
			'Remove the webhook in the thanks.io dashboard (Profile → Webhooks), then publish the workflow again.',
			undefined,
			[],
		);
	}
	return String(created.id);
}

/** Removes a webhook; one that no longer exists (404) counts as removed. */
export async function deleteWebhook(this: IHookFunctions, id: string): Promise<void> {
	try {
		await apiRequest.call(this, { method: 'DELETE', path: `/webhooks/${encodeURIComponent(id)}` });
	} catch (error) {
		if (statusOf(error) === 404) return;
		throw explained(this, error, `remove the thanks.io webhook ${id}`);
	}
}
