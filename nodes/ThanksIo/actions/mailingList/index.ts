import { resourceProperties } from '../../../shared/router';
import * as create from './create';
import * as deleteList from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as getRecipients from './getRecipients';

export const operations = { create, get, getAll, getRecipients, delete: deleteList };

export const description = resourceProperties('mailingList', operations, 'getAll');
