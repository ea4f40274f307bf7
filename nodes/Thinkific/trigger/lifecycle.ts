import type { IHookFunctions } from 'n8n-workflow';

import { apiError } from '../../shared/errors';
import type { RegistrationApi } from '../../shared/registrations';
import {
	chosenEvents,
	deleteRegistrations,
	lifecycleError,
	nodeWebhookUrl,
	registrationsExist,
	statusOf,
	syncRegistrations,
} from '../../shared/registrations';
import type { UrlSecretKeys } from '../../shared/urlSecret';
import { URL_SECRET_PARAMETER, urlSecretOf } from '../../shared/urlSecret';
import { createWebhook, deleteWebhook, listWebhooks } from '../transport/webhooks';
import { TOPIC_VALUES } from './events';

/**
 * The credential field this node's URL secret is keyed with, by credential type.
 * Webhooks added in the Thinkific admin may come unsigned; their address then
 * carries the URL secret (`?token=<secret>`), which the trigger checks instead.
 */
export const URL_SECRET_KEYS: UrlSecretKeys = {
	thinkificOAuth2Api: 'clientSecret',
	thinkificApi: 'apiKey',
};

function registrationApi(hook: IHookFunctions, withTopics = true): RegistrationApi {
	const url = nodeWebhookUrl(hook);
	return {
		topics: withTopics ? chosenEvents(hook, TOPIC_VALUES, 'Thinkific') : [],
		url,
		list: async () => await listWebhooks.call(hook),
		create: async (topic) => await createWebhook.call(hook, topic, url),
		remove: async (id) => await deleteWebhook.call(hook, id),
		secrets: [],
	};
}

/** Whether Thinkific refused the API key on its Webhooks API (401 or 403). */
function keyRefused(hook: IHookFunctions, error: unknown): boolean {
	return (
		hook.getNodeParameter('authentication', 'thinkificOAuth2Api') === 'thinkificApi' &&
		[401, 403].includes(statusOf(error) ?? 0)
	);
}

/** `work`, or `onRefused` when Thinkific refused the API key on its Webhooks API. */
async function unlessKeyRefused<T>(
	hook: IHookFunctions,
	work: Promise<T>,
	onRefused: (error: unknown) => Promise<T>,
): Promise<T> {
	return await work.catch(async (error: unknown) =>
		keyRefused(hook, error) ? await onRefused(error) : await Promise.reject(error),
	);
}

/**
 * The manual path, when Thinkific refuses the API key on its Webhooks API: the
 * webhooks are added in the Thinkific admin. Publishing goes on without
 * registering anything (nothing else can be registered with this key), and says so
 * in n8n's log. "Listen for test event" is where the user is shown the address to
 * add, with this workflow's URL secret: in the error's description only, which the
 * editor shows under "Show details" to the user who clicked, and which n8n neither
 * logs (it logs the message) nor stores (a test registration is no execution).
 */
async function manualPath(hook: IHookFunctions, error: unknown): Promise<boolean> {
	const refused = `Thinkific refused the API key on its Webhooks API (${statusOf(error)})`;
	if (hook.getActivationMode() !== 'manual') {
		hook.logger.warn(
			`${refused}: the Thinkific Trigger "${hook.getNode().name}" registered no webhook. Add its webhooks in the Thinkific admin; "Listen for test event" on the node shows the address.`,
		);
		return true;
	}
	const secret = await urlSecretOf(hook, URL_SECRET_KEYS);
	if (!secret) {
		throw lifecycleError(
			hook.getNode(),
			refused,
			"Fill in the credential's API key, then try again",
		);
	}
	throw apiError(
		hook.getNode(),
		undefined,
		`${refused}, so this trigger cannot register its webhooks. Add them in your Thinkific admin under Settings → Code & analytics → Webhooks, one for each chosen event, at the address shown under "Show details", and keep it private: it holds a secret of this workflow`,
		`The address to add: the node's Production URL followed by ?${URL_SECRET_PARAMETER}=${secret} (under Webhook URLs → Production URL in this node). The published workflow accepts their deliveries, signed or not.`,
		statusOf(error),
		[],
	);
}

/**
 * n8n's webhook lifecycle: one Thinkific webhook per chosen event, found again on
 * Thinkific's list by its URL; a webhook removed on Thinkific's side is created
 * again on the next activation. With the API key as with OAuth2, through the
 * Webhooks API with the key as a bearer token; when Thinkific refuses the key
 * there, the manual path (see `manualPath`).
 */
export const webhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return await unlessKeyRefused(
				this,
				registrationsExist(registrationApi(this)),
				async (error) => await manualPath(this, error),
			);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return await unlessKeyRefused(
				this,
				syncRegistrations(registrationApi(this)).then(() => true),
				async (error) => await manualPath(this, error),
			);
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			// On the manual path the webhooks were added in the Thinkific admin, and stay.
			return await unlessKeyRefused(
				this,
				deleteRegistrations(registrationApi(this, false)).then(() => true),
				async () => true,
			);
		},
	},
};
