import { resourceProperties } from '../../../shared/router';
import * as enrollUser from './enrollUser';
import * as get from './get';
import * as getCourses from './getCourses';
import * as getEnrollments from './getEnrollments';
import * as updateEnrollments from './updateEnrollments';

export const operations = { enrollUser, get, getCourses, getEnrollments, updateEnrollments };

export const description = resourceProperties('bundle', operations, 'enrollUser');
