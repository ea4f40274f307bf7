import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RegistrationApi } from '../../shared/registrations';
import {
	deleteRegistrations,
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
		throw new NodeOperationError(hook.getNode(), 'Choose at least one event', {
			description: 'The "Events" parameter is empty: there is nothing to listen for.',
		});
	}
	const unknown = topics.filter((t) => !TOPIC_VALUES.has(t));
	if (unknown.length) {
		throw new NodeOperationError(hook.getNode(), `Unknown Thinkific event "${unknown[0]}"`, {
			description: 'Choose the events from the "Events" list.',
		});
	}
	return topics;
}

function registrationApi(hook: IHookFunctions): RegistrationApi {
	const url = hook.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(hook.getNode(), 'n8n gave no webhook URL for this node');
	return {
		topics: chosenTopics(hook),
		list: async () => await listWebhooks.call(hook),
		create: async (topic) => await createWebhook.call(hook, topic, url),
		remove: async (id) => await deleteWebhook.call(hook, id),
		isOurs: (registration) => registration.url === url,
		isCurrent: () => true,
	};
}

/**
 * n8n's webhook lifecycle. With OAuth2, one Thinkific webhook per chosen event,
 * its ID kept in static data; a webhook removed on Thinkific's side is created
 * again on the next activation. With an API key nothing is registered (the
 * Webhooks API refuses API keys): the user adds the URL in the Thinkific admin,
 * and nothing is pretended here.
 */
export const webhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			if (!registers(this)) return true;
			return await registrationsExist(registrationApi(this), this.getWorkflowStaticData('node'));
		},
		async create(this: IHookFunctions): Promise<boolean> {
			if (!registers(this)) return true;
			await syncRegistrations(registrationApi(this), this.getWorkflowStaticData('node'));
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			if (!registers(this)) return true;
			await deleteRegistrations(
				async (id) => await deleteWebhook.call(this, id),
				this.getWorkflowStaticData('node'),
			);
			return true;
		},
	},
};
