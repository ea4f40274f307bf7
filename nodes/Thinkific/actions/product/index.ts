import { resourceProperties } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';
import * as getRelated from './getRelated';

export const operations = { get, getAll, getRelated };

export const description = resourceProperties('product', operations, 'get');
