import type { MailerType } from '../../transport';

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

/** The five kinds of mailer, one row each. */
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
};

export function has(type: MailerType, feature: MailerFeature): boolean {
	return MAILER_KINDS[type].features.includes(feature);
}
