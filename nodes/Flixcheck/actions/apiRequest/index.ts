import { resourceProperties } from '../../../shared/router';
import * as send from './send';

export const operations = { send };

export const description = resourceProperties('apiRequest', operations, 'send');
