import type { INodeProperties } from 'n8n-workflow';

import type { ResourceMap } from '../../shared/router';
import * as course from './course';
import * as enrollment from './enrollment';
import * as externalOrder from './externalOrder';
import * as user from './user';

export const resources: ResourceMap = {
	user: user.operations,
	enrollment: enrollment.operations,
	course: course.operations,
	externalOrder: externalOrder.operations,
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'API Key', value: 'thinkificApi' },
			{ name: 'OAuth2', value: 'thinkificOAuth2Api' },
		],
		default: 'thinkificApi',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Course', value: 'course' },
			{ name: 'Enrollment', value: 'enrollment' },
			{ name: 'External Order', value: 'externalOrder' },
			{ name: 'User', value: 'user' },
		],
		default: 'user',
	},
	...user.description,
	...enrollment.description,
	...course.description,
	...externalOrder.description,
];
