import { resourceProperties } from '../../../shared/router';
import * as get from './get';
import * as getContents from './getContents';

export const operations = { get, getContents };

export const description = resourceProperties('chapter', operations, 'getContents');
