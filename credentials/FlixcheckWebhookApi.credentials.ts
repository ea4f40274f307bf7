import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret of a Flixcheck webhook. Flixcheck signs nothing; its portal
 * lets an administrator add headers to a webhook (Settings → Webhooks → Headers),
 * so the webhook sends this header and the Flixcheck Trigger refuses calls
 * without it. The user types or pastes a secret of their own making (n8n saves no
 * empty required field); its Test (run by the Flixcheck Trigger) checks that the
 * header name can be used and the secret is long enough.
 */
export class FlixcheckWebhookApi implements ICredentialType {
	name = 'flixcheckWebhookApi';

	displayName = 'Flixcheck Webhook API';

	icon = {
		light: 'file:../icons/flixcheck.svg',
		dark: 'file:../icons/flixcheck.dark.svg',
	} as const;

	documentationUrl = 'https://docs.flixcheck.com/Webhook-31581c5ea868453a987186eb2168cf81';

	properties: INodeProperties[] = [
		{
			displayName:
				'Make a secret of at least 16 characters, for example with "openssl rand -hex 32" in a terminal, and paste it below. Add the same header, with the same value, to the webhook in Flixcheck: Settings → Webhooks → Headers.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Flixcheck-Webhook-Secret',
			required: true,
			description: 'The name of the header Flixcheck sends with every call',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The header\'s value: at least 16 characters (spaces around it are dropped), best random, such as the output of "openssl rand -hex 32"',
		},
	];
}
