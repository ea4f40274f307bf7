import type { IHookFunctions } from 'n8n-workflow';

import type { RegistrationApi } from '../../shared/registrations';
import {
	deleteRegistrations,
	lifecycleError,
	registrationsExist,
	syncRegistrations,
} from '../../shared/registrations';
import { createWebhook, deleteWebhook, listWebhooks } from '../transport/webhooks';
import { TOPIC_VALUES } from './events';

/** Whether the node registers its own webhooks: only OAuth2 apps may use the Webhooks API. */
function registers(hook: IHookFunctions): boolean {
	return hook.getNodeParameter('authentication', 'thinkificOAuth2Api') === 'thinkificOAuth2Api';
}

function chosenTopics(hook: IHookFunctions): string[] {
	const events = hook.getNodeParameter('events', []) as string[];
	const topics = [...new Set(events)];
	if (topics.length === 0) {
		throw lifecycleError(
			hook.getNode(),
			'No Thinkific event is chosen',
			'Choose at least one event in the trigger\'s "Events" and publish the workflow again',
		);
	}
	const unknown = topics.filter((t) => !TOPIC_VALUES.has(t));
	if (unknown.length) {
		throw lifecycleError(
			hook.getNode(),
			`"${unknown[0]}" is not a Thinkific event`,
			'Choose the events from the trigger\'s "Events" list and publish the workflow again',
		);
	}
	return topics;
}

function registrationApi(hook: IHookFunctions, withTopics = true): RegistrationApi {
	const url = hook.getNodeWebhookUrl('default');
	if (!url) {
		throw lifecycleError(
			hook.getNode(),
			'n8n gave no webhook URL for this node',
			'Save the workflow and publish it again',
		);
	}
	return {
		topics: withTopics ? chosenTopics(hook) : [],
		url,
		list: async () => await listWebhooks.call(hook),
		create: async (topic) => await createWebhook.call(hook, topic, url),
		remove: async (id) => await deleteWebhook.call(hook, id),
		secrets: [],
	};
}

/**
 * n8n's webhook lifecycle. With OAuth2, one Thinkific webhook per chosen event,
 * found again on Thinkific's list by its URL; a webhook removed on Thinkific's side
 * is created again on the next activation. With an API key nothing is registered (the
 * Webhooks API refuses API keys): the user adds the URL in the Thinkific admin,
 * and nothing is pretended here.
 */
export const webhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			if (!registers(this)) return true;
			return await registrationsExist(registrationApi(this));
		},
		async create(this: IHookFunctions): Promise<boolean> {
			if (!registers(this)) return true;
			await syncRegistrations(registrationApi(this));
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			if (!registers(this)) return true;
			await deleteRegistrations(registrationApi(this, false));
			return true;
		},
	},
};
