import { createHmac } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { sameSecret } from './trigger';

/**
 * A secret in the URL a provider calls, for deliveries that carry no signature:
 * `<n8n webhook URL>?token=<secret>`. It is derived, never stored: the hex
 * HMAC-SHA256 of the workflow's ID, the node's ID and its webhook ID, keyed with a
 * secret of the node's credential (an OAuth2 app's client secret, an API key or a
 * personal access token; never an access token that n8n renews). So it is the same
 * at every activation, in every n8n process and after a restart, and nothing in the
 * workflow's static data can roll it back. Another workflow, another node, or the
 * same node with another credential secret gets another secret.
 */

export const URL_SECRET_PARAMETER = 'token';

/** Which credential field keys the secret, by credential type. */
export type UrlSecretKeys = Record<string, string>;

type TriggerContext = IHookFunctions | IWebhookFunctions;

/** The secret of one node: HMAC-SHA256(key, "url-secret/v1" + workflow, node and webhook IDs). */
export function deriveUrlSecret(
	key: string,
	ids: { workflowId: string; nodeId: string; webhookId: string },
): string {
	return createHmac('sha256', key)
		.update(['url-secret/v1', ids.workflowId, ids.nodeId, ids.webhookId].join('\n'), 'utf8')
		.digest('hex');
}

/**
 * The URL secret of the node in `ctx`, keyed with its credential (the type chosen
 * by `authenticationParameter`); undefined when that credential has no such secret.
 */
export async function urlSecretOf(
	ctx: TriggerContext,
	keys: UrlSecretKeys,
	authenticationParameter = 'authentication',
): Promise<string | undefined> {
	const types = Object.keys(keys);
	const chosen = String(ctx.getNodeParameter(authenticationParameter, types[0]));
	const type = types.includes(chosen) ? chosen : types[0];
	const credentials = await ctx.getCredentials(type);
	const key = credentials[keys[type]];
	const node = ctx.getNode();
	if (typeof key !== 'string' || key.trim() === '') return undefined;
	return deriveUrlSecret(key.trim(), {
		workflowId: String(ctx.getWorkflow().id ?? ''),
		nodeId: node.id,
		webhookId: node.webhookId ?? '',
	});
}

/** `url` with the secret as its `token` query parameter. */
export function withUrlSecret(url: string, secret: string): string {
	const target = new URL(url);
	target.searchParams.set(URL_SECRET_PARAMETER, secret);
	return target.toString();
}

/** Whether the call's URL carries `expected` (compared in constant time). */
export function hasUrlSecret(ctx: IWebhookFunctions, expected: string | undefined): boolean {
	const given = (ctx.getQueryData() as Record<string, unknown>)[URL_SECRET_PARAMETER];
	return expected !== undefined && sameSecret(given, expected);
}
