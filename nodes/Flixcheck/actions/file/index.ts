import { resourceProperties } from '../../../shared/router';
import * as upload from './upload';

export const operations = { upload };

export const description = resourceProperties('file', operations, 'upload');
