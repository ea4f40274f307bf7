import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCollection } from '../../../shared/parameters';
import type { OperationModule } from '../../../shared/router';
import { collectionOf } from '../fields';
import { promotionLocator } from '../locators';
import { recordPath, updateRecord } from '../records';
import { requireChanges } from '../validate';
import {
	amountField,
	checkAmount,
	discountTypeField,
	optionalPromotionFields,
	promotionBody,
} from './fields';

export const option: OperationModule['option'] = {
	name: 'Update',
	value: 'update',
	action: 'Update a promotion',
	description:
		'Change a promotion, such as its discount or end date, and return it after the change; a new discount applies to every later purchase',
};

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
};

export const description: INodeProperties[] = [
	promotionLocator,
	collectionOf(
		'update',
		[amountField, discountTypeField, nameField, ...optionalPromotionFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	),
];

/** Thinkific's reference requires these on every change of a promotion. */
const REQUIRED = ['name', 'discount_type', 'amount'];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = recordPath(this, itemIndex, '/promotions/{id}', promotionLocator);
	const fields = readCollection(this, itemIndex, 'updateFields');
	const changes = requireChanges(this, itemIndex, promotionBody(this, itemIndex, fields));
	const check = (body: IDataObject) => {
		// A new amount or type is checked against the other one, as the promotion has it.
		if (changes.amount === undefined && changes.discount_type === undefined) return;
		const context =
			changes.discount_type === undefined
				? ` (the promotion is a ${String(body.discount_type)})`
				: changes.amount === undefined
					? ` (the promotion's amount is ${String(body.amount)})`
					: '';
		checkAmount(this, itemIndex, body.amount, body.discount_type, context);
	};
	return await updateRecord(this, itemIndex, path, changes, { required: REQUIRED, check });
}
