import { resourceProperties } from '../../../shared/router';
import * as create from './create';
import * as recordPurchase from './recordPurchase';
import * as recordRefund from './recordRefund';

export const operations = { create, recordPurchase, recordRefund };

export const description = resourceProperties('externalOrder', operations, 'create');
