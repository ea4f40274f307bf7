import { resourceProperties } from '../../../shared/router';
import * as create from './create';
import * as expire from './expire';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const operations = { create, expire, get, getAll, update };

export const description = resourceProperties('enrollment', operations, 'create');
