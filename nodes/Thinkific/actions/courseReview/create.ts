import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { wholeNumberOf } from '../../../shared/numbers';
import type { OperationModule } from '../../../shared/router';
import { apiRequest } from '../../transport';
import { courseLocator, readUserId, userLocator } from '../locators';
import { requiredId, requiredText } from '../validate';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	action: 'Create a course review',
	description: "Add a student's review of a course, with a rating from 1 to 5",
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{ ...courseLocator, description: 'The course the review is about' },
	{ ...userLocator, description: 'The student who wrote the review' },
	{
		displayName: 'Rating',
		name: 'rating',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, maxValue: 5, numberPrecision: 0 },
		default: 5,
		description: 'The rating out of 5: a whole number from 1 to 5',
	},
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '' },
	{
		displayName: 'Review Text',
		name: 'reviewText',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
	},
	{
		displayName: 'Approved',
		name: 'approved',
		type: 'boolean',
		default: false,
		description: 'Whether the review is approved, and so shown on the course',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const courseId = requiredId(this, itemIndex, 'courseId', 'Course');
	const rating = wholeNumberOf(
		this,
		itemIndex,
		this.getNodeParameter('rating', itemIndex),
		'Rating',
		{
			min: 1,
			max: 5,
		},
	);
	const title = requiredText(this, itemIndex, 'title', 'Title');
	const reviewText = requiredText(this, itemIndex, 'reviewText', 'Review Text');
	const approved = this.getNodeParameter('approved', itemIndex, false) as boolean;
	// Read last: a user given by email is looked up with a request.
	const userId = await readUserId(this, itemIndex, 'userId', 'User');
	const body = { rating, title, review_text: reviewText, user_id: userId, approved };
	// The spec takes the course in the query, not the body.
	return await apiRequest.call(
		this,
		{ method: 'POST', path: '/course_reviews', qs: { course_id: courseId }, body },
		itemIndex,
	);
}
