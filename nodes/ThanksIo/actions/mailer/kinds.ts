import type { MailerType } from '../../transport';

/**
 * What a send request looks like on the wire: the route of each kind of mailer
 * (MAILER_KINDS) and the one name of each field that has had two (SEND_FIELDS);
 * and the one name of each recipient field that has two (RECIPIENT_FIELDS).
 * Every send and every recipient request is built from these tables.
 */

/** Parts of a send request that only some kinds of mailer have. */
export type MailerFeature =
	/** Postcard size: 4x6, 6x9 or 6x11. */
	| 'size'
	/** An image behind the handwritten message. */
	| 'customBackground'
	/** Where the mailer's QR code leads. */
	| 'qrCode'
	/** A PDF as the whole letter, or pages added after the cover letter. */
	| 'letterPages'
	/** The gift card's brand and amount. */
	| 'giftCard';

export interface MailerKind {
	/** The mailer as users name it, in messages. */
	label: string;
	/**
	 * The send route, below the API base URL, as the vendor's own n8n node sends it
	 * (windowed letters: `/send/letter`, also the docs' "Send Windowed Letter" page).
	 */
	path: string;
	/**
	 * `required`: a front image (URL or image template) must be given; `background`:
	 * letters take an optional background image for the cover letter instead.
	 */
	front: 'required' | 'background';
	features: MailerFeature[];
}

/** The six kinds of mailer, one row each. */
export const MAILER_KINDS: Record<MailerType, MailerKind> = {
	postcard: {
		label: 'postcard',
		path: '/send/postcard',
		front: 'required',
		features: ['size', 'customBackground', 'qrCode'],
	},
	letter: {
		label: 'letter',
		path: '/send/letter',
		front: 'background',
		features: ['letterPages', 'qrCode'],
	},
	windowlessletter: {
		label: 'windowless letter',
		path: '/send/windowlessletter',
		front: 'background',
		features: ['letterPages', 'qrCode'],
	},
	notecard: {
		label: 'notecard',
		path: '/send/notecard',
		front: 'required',
		features: ['customBackground', 'qrCode'],
	},
	giftcard: {
		label: 'gift card',
		path: '/send/giftcard',
		front: 'required',
		features: ['giftCard'],
	},
	magnacard: {
		label: 'magnacard',
		path: '/send/magnacard',
		front: 'required',
		features: ['customBackground'],
	},
};

export function has(type: MailerType, feature: MailerFeature): boolean {
	return MAILER_KINDS[type].features.includes(feature);
}

/**
 * The template types that fit a postcard of each size, as the vendor's own n8n node
 * documents them: a 6x9 or 6x11 postcard is its own mailer type, and a 6x9 send also
 * takes a 4x6 (`postcard`) template.
 */
const POSTCARD_TEMPLATE_TYPES: Record<string, string[]> = {
	'4x6': ['postcard'],
	'6x9': ['postcard6x9', 'postcard'],
	'6x11': ['postcard6x11'],
};

/** The template types that fit a mailer (a postcard: of its size; 4x6 when none is given). */
export function templateTypesOf(type: MailerType, size?: string): string[] {
	if (!has(type, 'size')) return [type];
	return POSTCARD_TEMPLATE_TYPES[size || '4x6'] ?? [type];
}

/**
 * The one name each send field goes under: the name the vendor's own n8n node sends.
 * The docs' openapi.json still gives an earlier name for some (`earlier`). A request
 * never carries both: nothing says how thanks.io would merge them, and a mailing list
 * read under both names could be mailed twice.
 */
export const SEND_FIELDS = {
	mailingLists: { name: 'mailing_list_ids', earlier: 'mailing_lists' },
	imageTemplate: { name: 'image_template_id', earlier: 'image_template' },
	messageTemplate: { name: 'message_template_id', earlier: 'message_template' },
	handwritingStyle: { name: 'handwriting_style_id', earlier: 'handwriting_style' },
	subAccount: { name: 'sub_account' },
	/** Email addresses for alerts about the order, comma-separated in one text. */
	notificationEmails: { name: 'notification_emails', earlier: 'email_additional' },
} as const;

/**
 * The one name each recipient field goes under, in `POST /recipients`,
 * `POST /recipients-utils/create-multiple` and `delete-by-address`: the name the vendor's
 * own n8n node sends, and the API reference's schema requires. The create-multiple example
 * names the list `mailing_list` (`other`); a request never carries both, as for sends.
 */
export const RECIPIENT_FIELDS = {
	mailingList: { name: 'mailing_list_id', other: 'mailing_list' },
} as const;
