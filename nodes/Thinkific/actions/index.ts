import type { INodeProperties } from 'n8n-workflow';

import type { ResourceMap } from '../../shared/router';
import * as bundle from './bundle';
import * as category from './category';
import * as chapter from './chapter';
import * as coupon from './coupon';
import * as course from './course';
import * as courseReview from './courseReview';
import * as enrollment from './enrollment';
import * as externalOrder from './externalOrder';
import * as group from './group';
import * as instructor from './instructor';
import * as order from './order';
import * as product from './product';
import * as promotion from './promotion';
import * as user from './user';

export const resources: ResourceMap = {
	user: user.operations,
	enrollment: enrollment.operations,
	course: course.operations,
	externalOrder: externalOrder.operations,
	group: group.operations,
	bundle: bundle.operations,
	chapter: chapter.operations,
	instructor: instructor.operations,
	courseReview: courseReview.operations,
	product: product.operations,
	category: category.operations,
	order: order.operations,
	promotion: promotion.operations,
	coupon: coupon.operations,
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
			{ name: 'Bundle', value: 'bundle' },
			{ name: 'Category', value: 'category' },
			{ name: 'Chapter', value: 'chapter' },
			{ name: 'Coupon', value: 'coupon' },
			{ name: 'Course', value: 'course' },
			{ name: 'Course Review', value: 'courseReview' },
			{ name: 'Enrollment', value: 'enrollment' },
			{ name: 'External Order', value: 'externalOrder' },
			{ name: 'Group', value: 'group' },
			{ name: 'Instructor', value: 'instructor' },
			{ name: 'Order', value: 'order' },
			{ name: 'Product', value: 'product' },
			{ name: 'Promotion', value: 'promotion' },
			{ name: 'User', value: 'user' },
		],
		default: 'user',
	},
	...user.description,
	...enrollment.description,
	...course.description,
	...externalOrder.description,
	...group.description,
	...bundle.description,
	...chapter.description,
	...instructor.description,
	...courseReview.description,
	...product.description,
	...category.description,
	...order.description,
	...promotion.description,
	...coupon.description,
];
