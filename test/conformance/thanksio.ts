import type { OperationRow, ProviderTable, RequestRow } from './types';

const RECIPIENT =
	'name company address address2 city province postal_code country email phone dob custom1 custom2 custom3 custom4';
const prefixed = (prefix: string, fields: string) =>
	fields
		.split(' ')
		.map((field) => `${prefix}${field}`)
		.join(' ');

/** Exactly one audience per send. */
const AUDIENCE = [
	'mailing_list_ids',
	prefixed('recipients[].', RECIPIENT),
	prefixed(
		'radius_search.',
		'address record_count record_types append_data include_condos use_property_owner',
	),
].join(' ');

const CONTENT =
	'message message_template_id front_image_url image_template_id handwriting_style_id handwriting_color sub_account notification_emails send_standard_mail return_name return_address return_address2 return_city return_state return_postal_code preview metadata*';

const FEATURES: Record<string, string> = {
	size: 'size',
	qrCode: 'qrcode_url',
	letterPages: 'pdf_only_url additional_pages_url',
	customBackground: 'use_custom_background custom_background_image',
	giftCard: 'giftcard_brand giftcard_amount_in_cents',
};

const SEND_DECISION =
	"The vendor's own n8n node sends each field under one name: `mailing_list_ids`, `image_template_id`, `message_template_id`, `handwriting_style_id`, `sub_account`, `notification_emails` (comma-separated text). The docs repo's openapi.json (August 2025) still names `mailing_lists`, `image_template`, `message_template`, `handwriting_style`, `email_additional`; no source says both names in one request are safe, and the vendor never sends both: the vendor's names win. `metadata` (a JSON object the user writes) is in none of these sources; it is sent only when the user fills it.";

/** Looks a handwriting style up by name or ID when one is given. */
const STYLES: RequestRow = {
	method: 'GET',
	route: '/handwriting-styles',
	when: 'a handwriting style is given (its ID is looked up once per execution)',
	sources: ['vendorNode', 'openapi', 'pipedream'],
};

function mailer(
	operation: string,
	route: string,
	features: string[],
	sources: string[],
	options: { extra?: RequestRow[]; decision?: string } = {},
): OperationRow {
	const body = [AUDIENCE, CONTENT, ...features.map((f) => FEATURES[f])].join(' ');
	return {
		resource: 'mailer',
		operation,
		requests: [
			STYLES,
			...(options.extra ?? []),
			{
				method: 'POST',
				route,
				body,
				sources,
				decision: [SEND_DECISION, options.decision].filter(Boolean).join(' '),
			},
		],
	};
}

export const THANKSIO_TABLE: ProviderTable = {
	provider: 'thanksio',
	title: 'thanks.io',
	node: 'thanksIo',
	hosts: { api: 'https://api.thanks.io/api/v2' },
	sources: {
		vendorNode: {
			title:
				"thanks.io's own n8n node, nodes/ThanksIo/MailerDescription.ts (commit 41ede20) and ThanksIo.node.ts: the mailer routes and the body it builds",
			kind: "provider's own client",
			where:
				'https://github.com/thanks-io/n8n-nodes-thanks-io/blob/41ede20006fb0b33b5377e4e4255912915341e25/nodes/ThanksIo/MailerDescription.ts',
		},
		openapi: {
			title: 'thanks.io docs repo, api-reference/openapi.json (commit 2b0a70c, August 2025)',
			kind: "provider's OpenAPI file",
			where:
				'https://github.com/thanks-io/thanks.io-api-docs/blob/2b0a70c/api-reference/openapi.json',
		},
		docs: {
			title:
				'thanks.io API reference at docs.thanks.io: the send pages (Send Giftcard names `mailing_list_ids` and comma-separated notification emails), Orders (List, Track, Cancel Order)',
			kind: "provider's docs",
			where: 'https://docs.thanks.io/api-reference/endpoint/send-mailer/send-giftcard',
		},
		createMultiple: {
			title:
				'thanks.io API reference: Create Multiple Recipients (a JSON array of recipients; the answer, one entry per recipient in order, with `error` where refused)',
			kind: "provider's docs",
			where: 'https://docs.thanks.io/api-reference/endpoint/recipients/create-multiple-recipients',
		},
		usage: {
			title:
				'thanks.io docs: Send Mailer usage (the six send routes, magnacard included; it writes windowed letters as `/send/windowed-letter`)',
			kind: "provider's docs",
			where: 'https://docs.thanks.io/api-reference/send-mailer-usage',
		},
		pipedream: {
			title:
				"Pipedream's thanks.io app (mailing lists, recipients, orders list, sub-accounts, gift card brands, handwriting styles)",
			kind: 'production third-party client',
			where:
				'https://github.com/PipedreamHQ/pipedream/blob/master/components/thanks_io/thanks_io.app.mjs',
		},
	},
	operations: [
		mailer(
			'sendPostcard',
			'/send/postcard',
			['size', 'qrCode', 'customBackground'],
			['vendorNode', 'docs', 'usage', 'openapi', 'pipedream'],
		),
		mailer(
			'sendLetter',
			'/send/letter',
			['qrCode', 'letterPages'],
			['vendorNode', 'openapi', 'pipedream'],
			{
				decision:
					'Windowed letters go to `/send/letter`, as the vendor node, the docs page "Send Windowed Letter" and openapi.json send them; the usage page writes `/send/windowed-letter`, and `/send/windowedletter` appears only in one third-party catalogue.',
			},
		),
		mailer(
			'sendWindowlessLetter',
			'/send/windowlessletter',
			['qrCode', 'letterPages'],
			['vendorNode', 'openapi'],
		),
		mailer(
			'sendNotecard',
			'/send/notecard',
			['qrCode', 'customBackground'],
			['vendorNode', 'openapi', 'pipedream'],
		),
		mailer('sendGiftCard', '/send/giftcard', ['giftCard'], ['vendorNode', 'docs', 'pipedream'], {
			extra: [
				{
					method: 'GET',
					route: '/giftcard-brands-list',
					sources: ['vendorNode', 'openapi'],
					decision:
						'Read once per execution to check the brand and the amount before anything is sent, and for the brand and amount pickers: the flat list (`{brands: [{brand_code, title, available_amounts, group}]}`) the vendor node reads for its own pickers. openapi.json also gives the same brands grouped at `/giftcard-brands`, which Pipedream reads.',
				},
			],
		}),
		mailer('sendMagnacard', '/send/magnacard', ['customBackground'], ['vendorNode', 'usage'], {
			decision:
				"The route is in the vendor node and the usage page; openapi.json (August 2025) has no magnacard. The fields are the vendor node's: a custom background, no size and no QR code.",
		}),
		{
			resource: 'mailingList',
			operation: 'create',
			requests: [
				{
					method: 'POST',
					route: '/mailing-lists/',
					body: 'description qrcode_url sub_account_id',
					sources: ['openapi'],
				},
			],
		},
		{
			resource: 'mailingList',
			operation: 'get',
			requests: [{ method: 'GET', route: '/mailing-lists/{id}', sources: ['openapi'] }],
		},
		{
			resource: 'mailingList',
			operation: 'getAll',
			requests: [
				{
					method: 'GET',
					route: '/mailing-lists/',
					query: 'items_per_page page',
					sources: ['openapi', 'pipedream'],
					decision:
						'The route as openapi.json writes it (with the slash). It documents no paging parameters here: `items_per_page` and `page` are those of the other lists; the answer is followed by its `links.next` either way.',
				},
			],
		},
		{
			resource: 'mailingList',
			operation: 'getRecipients',
			requests: [
				{
					method: 'GET',
					route: '/mailing-lists-utils/recipients/{id}',
					query: 'limit page updated_since',
					sources: ['openapi'],
					decision:
						'openapi.json gives `limit` (up to 10,000) and `updated_since`; older clients (Pipedream) read `/mailing-lists/{id}/recipients`.',
				},
			],
		},
		{
			resource: 'mailingList',
			operation: 'delete',
			requests: [{ method: 'DELETE', route: '/mailing-lists/{id}', sources: ['openapi'] }],
		},
		{
			resource: 'recipient',
			operation: 'create',
			requests: [
				{
					method: 'POST',
					route: '/recipients',
					body: `mailing_list_id ${RECIPIENT}`,
					sources: ['vendorNode', 'openapi', 'pipedream'],
				},
			],
		},
		{
			resource: 'recipient',
			operation: 'createMany',
			requests: [
				{
					method: 'POST',
					route: '/recipients-utils/create-multiple',
					body: `[].mailing_list_id ${prefixed('[].', RECIPIENT)}`,
					sources: ['openapi', 'createMultiple'],
					decision:
						"One request for all input items: the reference documents no limit on the array's length. The schema (and the vendor node, for `POST /recipients`) names the list `mailing_list_id`, the example `mailing_list`: only `mailing_list_id` is sent, since no source says how both in one recipient would be merged. The answer, as the example shows it, is one entry per recipient in order, with an `error` where refused.",
				},
			],
		},
		{
			resource: 'recipient',
			operation: 'get',
			requests: [{ method: 'GET', route: '/recipients/{id}', sources: ['openapi', 'vendorNode'] }],
		},
		{
			resource: 'recipient',
			operation: 'update',
			requests: [
				{ method: 'PUT', route: '/recipients/{id}', body: RECIPIENT, sources: ['openapi'] },
			],
		},
		{
			resource: 'recipient',
			operation: 'delete',
			requests: [
				{ method: 'DELETE', route: '/recipients/{id}', sources: ['openapi', 'pipedream'] },
			],
		},
		{
			resource: 'recipient',
			operation: 'deleteByAddress',
			requests: [
				{
					method: 'POST',
					route: '/recipients-utils/delete-by-address',
					body: 'mailing_list_id address postal_code email',
					sources: ['openapi'],
				},
			],
		},
		{
			resource: 'order',
			operation: 'getAll',
			requests: [
				{
					method: 'GET',
					route: '/orders/list',
					query: 'limit items_per_page page sub_account_id',
					sources: ['docs', 'pipedream'],
					decision:
						'The earlier reference gives the page size as `limit` (1–100), the current one and Pipedream as `items_per_page`: both are sent, with the same value (a read, so nothing is done twice).',
				},
			],
		},
		{
			resource: 'order',
			operation: 'track',
			requests: [{ method: 'GET', route: '/orders/{id}/track', sources: ['docs'] }],
		},
		{
			resource: 'order',
			operation: 'cancel',
			requests: [
				{
					method: 'GET',
					route: '/orders/{id}/track',
					sources: ['docs'],
					decision: 'The status is read first: only a Reviewing order is cancelled.',
				},
				{
					method: 'PUT',
					route: '/orders/{id}/cancel',
					sources: ['docs'],
					decision:
						'The current "Cancel Order" page; an older page shows `/order/{order_id}/cancel`.',
				},
			],
		},
	],
	notes: [
		'thanks.io Trigger: `GET|POST /webhooks`, `DELETE /webhooks/{id}` (webhook mode), `GET /orders/list` (polling mode); see the README.',
	],
};
