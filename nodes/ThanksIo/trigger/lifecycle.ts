import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RegistrationApi } from '../../shared/registrations';
import {
	deleteRegistrations,
	registrationsExist,
	syncRegistrations,
} from '../../shared/registrations';
import { fingerprint, newSecret, sameSecret } from '../../shared/trigger';
import { createWebhook, deleteWebhook, listWebhooks } from '../transport/trigger';
import type { ThanksIoRegistration } from '../transport/trigger';
import { WEBHOOK_EVENTS } from './description';

/**
 * The webhook lifecycle of webhook mode. thanks.io signs nothing, so each
 * registration's URL carries a random secret of this workflow: `?token=<secret>`.
 * n8n keeps only its SHA-256 fingerprint (in static data, with the registration
 * IDs); the secret itself exists only in thanks.io's copy of the URL. A new secret
 * is made whenever the registrations are made again.
 */

export const TOKEN_PARAMETER = 'token';

interface TokenState {
	tokenFingerprint?: string;
}

const KNOWN = new Set(WEBHOOK_EVENTS.map((e) => String(e.value)));

function chosenTypes(hook: IHookFunctions): string[] {
	const events = [...new Set(hook.getNodeParameter('events', []) as string[])];
	if (events.length === 0) {
		throw new NodeOperationError(hook.getNode(), 'Choose at least one event', {
			description: 'The "Events" parameter is empty: there is nothing to listen for.',
		});
	}
	const unknown = events.find((e) => !KNOWN.has(e));
	if (unknown) {
		throw new NodeOperationError(hook.getNode(), `Unknown thanks.io event "${unknown}"`, {
			description: 'Choose the events from the "Events" list.',
		});
	}
	return events;
}

/** The secret a registration URL carries, when it is this node's URL. */
function tokenIn(url: string, ownUrl: string): string | undefined {
	try {
		const parsed = new URL(url);
		if (`${parsed.origin}${parsed.pathname}` !== ownUrl) return undefined;
		return parsed.searchParams.get(TOKEN_PARAMETER) ?? '';
	} catch {
		return undefined;
	}
}

function registrationApi(hook: IHookFunctions, token?: string): RegistrationApi {
	const url = hook.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(hook.getNode(), 'n8n gave no webhook URL for this node');
	const staticData = hook.getWorkflowStaticData('node') as TokenState;
	const mailingList = String(hook.getNodeParameter('mailingList', '') ?? '').trim();
	const workflow = hook.getWorkflow();
	const description = `n8n workflow ${workflow.name ?? workflow.id ?? ''}`.trim();
	return {
		topics: chosenTypes(hook),
		list: async () => await listWebhooks.call(hook),
		create: async (type) =>
			await createWebhook.call(
				hook,
				type,
				`${url}?${TOKEN_PARAMETER}=${token ?? ''}`,
				mailingList,
				description,
			),
		remove: async (id) => await deleteWebhook.call(hook, id),
		isOurs: (registration) => tokenIn(registration.url, url) !== undefined,
		isCurrent: (registration) =>
			sameSecret(
				fingerprint(tokenIn(registration.url, url) ?? ''),
				staticData.tokenFingerprint ?? '',
			) && (registration as ThanksIoRegistration).mailingListId === mailingList,
	};
}

export const webhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return await registrationsExist(registrationApi(this), this.getWorkflowStaticData('node'));
		},
		async create(this: IHookFunctions): Promise<boolean> {
			const staticData = this.getWorkflowStaticData('node') as IDataObject & TokenState;
			const token = newSecret();
			staticData.tokenFingerprint = fingerprint(token);
			await syncRegistrations(registrationApi(this, token), staticData);
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			const staticData = this.getWorkflowStaticData('node') as IDataObject & TokenState;
			await deleteRegistrations(async (id) => await deleteWebhook.call(this, id), staticData);
			delete staticData.tokenFingerprint;
			return true;
		},
	},
};
