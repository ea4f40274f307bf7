import { resourceProperties } from '../../../shared/router';
import * as cancel from './cancel';
import * as getAll from './getAll';
import * as track from './track';

export const operations = { getAll, track, cancel };

export const description = resourceProperties('order', operations, 'getAll');
