import { resourceProperties } from '../../../shared/router';
import * as recordClick from './recordClick';
import * as recordDisplay from './recordDisplay';

export const operations = { recordDisplay, recordClick };

export const description = resourceProperties('event', operations, 'recordDisplay');
