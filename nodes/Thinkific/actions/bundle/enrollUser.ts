import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import { accessFields, readAccess } from '../enrollment/fields';
import { bundleUserFields, sendBundleEnrollment } from './fields';

export const option: OperationModule['option'] = {
	name: 'Enroll User',
	value: 'enrollUser',
	action: 'Enroll a user in a bundle',
	description:
		'Enroll a user in a bundle and each of its courses, fully or as a free trial. Thinkific may do it some minutes later.',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [...bundleUserFields, ...accessFields];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// 201 (enrolled) or 202 (queued): both mean Thinkific took it.
	const sent = await sendBundleEnrollment(this, itemIndex, 'POST', () =>
		readAccess(this, itemIndex),
	);
	return { enrolled: true, ...sent };
}
