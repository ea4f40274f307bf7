import { resourceProperties } from '../../../shared/router';
import * as addAnalyst from './addAnalyst';
import * as addUser from './addUser';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as getAnalysts from './getAnalysts';
import * as removeAnalyst from './removeAnalyst';

export const operations = {
	addAnalyst,
	addUser,
	create,
	delete: del,
	get,
	getAll,
	getAnalysts,
	removeAnalyst,
};

export const description = resourceProperties('group', operations, 'addUser');
