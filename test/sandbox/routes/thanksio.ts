import type { SandboxRoute } from './types';

/**
 * What test/sandbox/thanksio.ts serves below `/thanksio/api/v2`. Its send routes
 * read the same fields for every mailer; each is listed with the fields of its kind.
 * Recipient routes also read a list given as `mailing_list` alone (and refuse a
 * recipient with both names); only `mailing_list_id` is listed, as the node sends it.
 */

const RECIPIENT =
	'name company address address2 city province postal_code country email phone dob custom1 custom2 custom3 custom4'.split(
		' ',
	);
const RADIUS =
	'address record_count record_types append_data include_condos use_property_owner'.split(' ');
const SEND = [
	'mailing_list_ids',
	...RECIPIENT.map((f) => `recipients[].${f}`),
	...RADIUS.map((f) => `radius_search.${f}`),
	'message message_template_id front_image_url image_template_id handwriting_style_id',
	'handwriting_color sub_account notification_emails send_standard_mail preview metadata*',
	'return_name return_address return_address2 return_city return_state return_postal_code',
].join(' ');

function send(route: string, kind: string): SandboxRoute {
	return { method: 'POST', route, body: `${SEND} ${kind}` };
}

export const THANKSIO_ROUTES: SandboxRoute[] = [
	send('/send/postcard', 'size qrcode_url use_custom_background custom_background_image'),
	send('/send/letter', 'qrcode_url pdf_only_url additional_pages_url'),
	send('/send/windowlessletter', 'qrcode_url pdf_only_url additional_pages_url'),
	send('/send/notecard', 'qrcode_url use_custom_background custom_background_image'),
	send('/send/giftcard', 'giftcard_brand giftcard_amount_in_cents'),
	send('/send/magnacard', 'use_custom_background custom_background_image'),
	{ method: 'GET', route: '/handwriting-styles' },
	{ method: 'GET', route: '/giftcard-brands' },
	{ method: 'GET', route: '/giftcard-brands-list' },
	{ method: 'GET', route: '/sub-accounts', query: 'items_per_page page' },
	{ method: 'GET', route: '/message-templates', query: 'items_per_page page type' },
	{ method: 'GET', route: '/image-templates', query: 'items_per_page page type' },
	{ method: 'GET', route: '/mailing-lists/', query: 'items_per_page page' },
	{ method: 'POST', route: '/mailing-lists/', body: 'description qrcode_url sub_account_id' },
	{ method: 'GET', route: '/mailing-lists/{id}' },
	{ method: 'DELETE', route: '/mailing-lists/{id}' },
	{
		method: 'GET',
		route: '/mailing-lists-utils/recipients/{id}',
		query: 'limit page updated_since',
	},
	{ method: 'POST', route: '/recipients', body: `mailing_list_id ${RECIPIENT.join(' ')}` },
	{
		method: 'POST',
		route: '/recipients-utils/create-multiple',
		body: ['mailing_list_id', ...RECIPIENT].map((f) => `[].${f}`).join(' '),
	},
	{ method: 'GET', route: '/recipients/{id}' },
	{ method: 'PUT', route: '/recipients/{id}', body: RECIPIENT.join(' ') },
	{ method: 'DELETE', route: '/recipients/{id}' },
	{
		method: 'POST',
		route: '/recipients-utils/delete-by-address',
		body: 'mailing_list_id address postal_code email',
	},
	{ method: 'GET', route: '/orders/list', query: 'limit items_per_page page sub_account_id' },
	{ method: 'GET', route: '/orders/{id}/track' },
	{ method: 'PUT', route: '/orders/{id}/cancel' },
];
