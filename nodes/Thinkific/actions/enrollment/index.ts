import { resourceProperties } from '../../../shared/router';
import * as create from './create';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const operations = { create, get, getAll, update };

export const description = resourceProperties('enrollment', operations, 'create');
