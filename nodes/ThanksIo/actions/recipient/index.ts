import { resourceProperties } from '../../../shared/router';
import * as create from './create';
import * as createMany from './createMany';
import * as deleteRecipient from './delete';
import * as deleteByAddress from './deleteByAddress';
import * as get from './get';
import * as update from './update';

export const operations = {
	create,
	createMany,
	get,
	update,
	delete: deleteRecipient,
	deleteByAddress,
};

export const description = resourceProperties('recipient', operations, 'create');
