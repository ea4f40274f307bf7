import { resourceProperties } from '../../../shared/router';
import * as create from './create';
import * as del from './delete';
import * as findByCoupon from './findByCoupon';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const operations = { create, delete: del, findByCoupon, get, getAll, update };

export const description = resourceProperties('promotion', operations, 'create');
