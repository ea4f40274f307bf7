import { resourceProperties } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';
import * as getChapters from './getChapters';

export const operations = { get, getAll, getChapters };

export const description = resourceProperties('course', operations, 'get');
