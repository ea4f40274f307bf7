import { resourceProperties } from '../../../shared/router';
import * as getAll from './getAll';

export const operations = { getAll };

export const description = resourceProperties('country', operations, 'getAll');
