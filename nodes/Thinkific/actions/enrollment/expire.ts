import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { enrollmentLocator } from '../locators';
import { recordPath, updateRecord } from '../records';

export const option: OperationModule['option'] = {
	name: 'Expire Now',
	value: 'expire',
	action: 'Expire an enrollment now',
	description:
		"End a student's access to the course now, by setting the enrollment's expiry date to the current time; returns the enrollment after the change",
};

export const description: INodeProperties[] = [enrollmentLocator];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = recordPath(this, itemIndex, '/enrollments/{id}', enrollmentLocator);
	return await updateRecord(this, itemIndex, path, { expiry_date: new Date().toISOString() });
}
