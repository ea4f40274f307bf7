import { resourceProperties } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';
import * as getProducts from './getProducts';

export const operations = { get, getAll, getProducts };

export const description = resourceProperties('category', operations, 'get');
