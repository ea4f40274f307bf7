import type { OperationModule } from '../../../shared/router';
import { resourceProperties } from '../../../shared/router';
import * as sendGiftCard from './sendGiftCard';
import * as sendLetter from './sendLetter';
import * as sendMagnacard from './sendMagnacard';
import * as sendNotecard from './sendNotecard';
import * as sendPostcard from './sendPostcard';
import * as sendWindowlessLetter from './sendWindowlessLetter';

const sends: Record<string, OperationModule> = {
	sendPostcard,
	sendLetter,
	sendWindowlessLetter,
	sendNotecard,
	sendGiftCard,
	sendMagnacard,
};

/** With "Preview Only" on, a send reads "Preview a postcard" on the canvas: nothing is sent. */
export const operations: Record<string, OperationModule> = Object.fromEntries(
	Object.entries(sends).map(([name, send]) => [
		name,
		{
			...send,
			subtitleWhen: {
				parameter: 'preview',
				action: send.option.action.replace(/^Send /, 'Preview '),
			},
		},
	]),
);

export const description = resourceProperties('mailer', operations, 'sendPostcard');
