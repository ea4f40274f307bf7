import { resourceProperties } from '../../../shared/router';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const operations = { create, delete: del, get, getAll, update };

export const description = resourceProperties('instructor', operations, 'create');
