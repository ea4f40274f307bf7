import { resourceProperties } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';
import * as getPdf from './getPdf';
import * as send from './send';
import * as updateNotes from './updateNotes';

export const operations = { send, get, getAll, getPdf, updateNotes };

export const description = resourceProperties('check', operations, 'send');
