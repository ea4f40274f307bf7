import { resourceProperties } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';

export const operations = { get, getAll };

export const description = resourceProperties('order', operations, 'get');
