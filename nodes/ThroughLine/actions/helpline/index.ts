import { resourceProperties } from '../../../shared/router';
import * as get from './get';
import * as search from './search';

export const operations = { search, get };

export const description = resourceProperties('helpline', operations, 'search');
