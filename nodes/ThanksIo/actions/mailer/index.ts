import { resourceProperties } from '../../../shared/router';
import * as sendGiftCard from './sendGiftCard';
import * as sendLetter from './sendLetter';
import * as sendMagnacard from './sendMagnacard';
import * as sendNotecard from './sendNotecard';
import * as sendPostcard from './sendPostcard';
import * as sendWindowlessLetter from './sendWindowlessLetter';

export const operations = {
	sendPostcard,
	sendLetter,
	sendWindowlessLetter,
	sendNotecard,
	sendGiftCard,
	sendMagnacard,
};

export const description = resourceProperties('mailer', operations, 'sendPostcard');
