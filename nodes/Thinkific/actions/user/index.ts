import { resourceProperties } from '../../../shared/router';
import * as create from './create';
import * as del from './delete';
import * as findByEmail from './findByEmail';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const operations = { create, delete: del, findByEmail, get, getAll, update };

export const description = resourceProperties('user', operations, 'create');
