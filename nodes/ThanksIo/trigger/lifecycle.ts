import type { IHookFunctions } from 'n8n-workflow';

import type { RegistrationApi } from '../../shared/registrations';
import {
	chosenEvents,
	deleteRegistrations,
	lifecycleError,
	nodeWebhookUrl,
	registrationsExist,
	syncRegistrations,
} from '../../shared/registrations';
import type { UrlSecretKeys } from '../../shared/urlSecret';
import { urlSecretOf, withUrlSecret } from '../../shared/urlSecret';
import { createWebhook, deleteWebhook, listWebhooks } from '../transport/webhooks';
import type { ThanksIoRegistration } from '../transport/webhooks';
import { WEBHOOK_EVENTS } from './description';
import { filterId } from './filters';

/**
 * The webhook lifecycle of webhook mode. thanks.io signs nothing, so each
 * registration's URL carries this node's URL secret, `?token=<secret>`: derived
 * from the workflow, the node and the credential's client secret or personal
 * access token (see urlSecret.ts), never stored. The registrations are found on
 * thanks.io's list by their URL (see registrations.ts).
 */

/** The credential field the URL secret is keyed with, by credential type. */
export const URL_SECRET_KEYS: UrlSecretKeys = {
	thanksIoOAuth2Api: 'clientSecret',
	thanksIoApi: 'accessToken',
};

const KNOWN = new Set(WEBHOOK_EVENTS.map((e) => String(e.value)));

async function registrationApi(hook: IHookFunctions, withTopics = true): Promise<RegistrationApi> {
	const own = nodeWebhookUrl(hook);
	const secret = await urlSecretOf(hook, URL_SECRET_KEYS);
	if (!secret) {
		throw lifecycleError(
			hook.getNode(),
			"The credential has no client secret or personal access token to derive the webhook's URL secret from",
			'Fill it in in the credential and publish the workflow again',
		);
	}
	const url = withUrlSecret(own, secret);
	const mailingList = filterId(
		hook.getNode(),
		'mailingList',
		hook.getNodeParameter('mailingList', '', { extractValue: true }),
	);
	const workflow = hook.getWorkflow();
	const description = `n8n workflow ${workflow.name ?? workflow.id ?? ''}`.trim();
	return {
		topics: withTopics ? chosenEvents(hook, KNOWN, 'thanks.io') : [],
		url,
		list: async () => await listWebhooks.call(hook),
		create: async (type) =>
			await createWebhook.call(hook, type, url, mailingList, description, [secret]),
		remove: async (id) => await deleteWebhook.call(hook, id),
		matches: (registration) => (registration as ThanksIoRegistration).mailingListId === mailingList,
		secrets: [secret],
	};
}

export const webhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return await registrationsExist(await registrationApi(this));
		},
		async create(this: IHookFunctions): Promise<boolean> {
			await syncRegistrations(await registrationApi(this));
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			await deleteRegistrations(await registrationApi(this, false));
			return true;
		},
	},
};
