import { resourceProperties } from '../../../shared/router';
import * as create from './create';
import * as getAll from './getAll';

export const operations = { create, getAll };

export const description = resourceProperties('courseReview', operations, 'getAll');
