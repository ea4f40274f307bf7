import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * The webhook topics of Thinkific's "Webhooks Documentation" (support.thinkific.dev),
 * `resource.action`. The payments topics fire only for Thinkific Payments, not for
 * Stripe or PayPal.
 */
export const TOPICS: INodePropertyOptions[] = [
	{ name: 'App Uninstalled', value: 'app.uninstalled', description: 'A user uninstalls an app' },
	{ name: 'Course Created', value: 'course.created' },
	{ name: 'Course Deleted', value: 'course.deleted' },
	{
		name: 'Course Updated',
		value: 'course.updated',
		description: "A course's name or settings change",
	},
	{
		name: 'Enrollment Completed',
		value: 'enrollment.completed',
		description: 'An enrollment reaches 100% progress',
	},
	{
		name: 'Enrollment Created',
		value: 'enrollment.created',
		description: 'A full enrollment is created in a course',
	},
	{
		name: 'Enrollment Progress',
		value: 'enrollment.progress',
		description: 'A student progresses through a course (with the % completed)',
	},
	{
		name: 'Enrollment Trial',
		value: 'enrollment.trial',
		description: 'A user enrolls for a trial in a course',
	},
	{ name: 'Lead Created', value: 'lead.created' },
	{
		name: 'Lesson Completed',
		value: 'lesson.completed',
		description: 'A student completes a lesson',
	},
	{
		name: 'Order Created',
		value: 'order.created',
		description: 'An order is completed',
	},
	{
		name: 'Order Transaction Failed',
		value: 'order_transaction.failed',
		description: 'A Thinkific Payments transaction failed',
	},
	{
		name: 'Order Transaction Refunded',
		value: 'order_transaction.refunded',
		description: 'A Thinkific Payments transaction was refunded',
	},
	{
		name: 'Order Transaction Succeeded',
		value: 'order_transaction.succeeded',
		description: 'A Thinkific Payments transaction succeeded',
	},
	{
		name: 'Plan Updated',
		value: 'plan.updated',
		description: 'The site changes its Thinkific plan',
	},
	{ name: 'Product Created', value: 'product.created' },
	{ name: 'Product Deleted', value: 'product.deleted' },
	{
		name: 'Product Updated',
		value: 'product.updated',
		description: 'A product or its price changes',
	},
	{
		name: 'Quiz Attempted',
		value: 'quiz.attempted',
		description: 'A student answers the last question of a quiz',
	},
	{
		name: 'Subscription Cancelled',
		value: 'subscription.cancelled',
		description: 'A Thinkific Payments subscription was cancelled',
	},
	{
		name: 'Subscription Past Due',
		value: 'subscription.past_due',
		description: 'A subscription changes from active to past due',
	},
	{
		name: 'Subscription Unpaid',
		value: 'subscription.unpaid',
		description: 'Every renewal payment attempt of a subscription failed',
	},
	{
		name: 'User Signed In',
		value: 'user.signin',
		description: 'A user signs in to the site, in any way',
	},
	{ name: 'User Signed Up', value: 'user.signup', description: 'A new user signs up' },
	{
		name: 'User Updated',
		value: 'user.updated',
		description: "A user's email, name or role changes",
	},
];

export const TOPIC_VALUES = new Set(TOPICS.map((t) => String(t.value)));

/** Topics whose payload names a course: the course filter applies to them. */
export const COURSE_TOPICS = new Set([
	'enrollment.completed',
	'enrollment.created',
	'enrollment.progress',
	'enrollment.trial',
	'lesson.completed',
]);

/** Topics whose payload names the product bought: the product filter applies to them. */
export const PRODUCT_TOPICS = new Set(['order.created']);

/**
 * The topic of a delivered event: `resource.action`. Thinkific's own example of a
 * cancelled subscription spells the action "canceled"; it is read as the topic
 * it was registered for.
 */
export function topicOf(event: IDataObject): string | undefined {
	const { resource, action } = event;
	if (typeof resource !== 'string' || typeof action !== 'string') return undefined;
	const topic = `${resource}.${action}`;
	return topic === 'subscription.canceled' ? 'subscription.cancelled' : topic;
}

function idText(value: unknown): string | undefined {
	return (typeof value === 'number' && Number.isFinite(value)) ||
		(typeof value === 'string' && value !== '')
		? String(value)
		: undefined;
}

/** The course an enrollment or lesson event is about (`payload.course.id`, or `payload.course_id`). */
export function courseOf(payload: IDataObject): string | undefined {
	const course = payload.course as IDataObject | undefined;
	return idText(course?.id) ?? idText(payload.course_id);
}

/** The products an order is for: `payload.product_id` and each `payload.items[].product_id`. */
export function productsOf(payload: IDataObject): string[] {
	const ids = new Set<string>();
	const main = idText(payload.product_id);
	if (main) ids.add(main);
	if (Array.isArray(payload.items)) {
		for (const item of payload.items as IDataObject[]) {
			const id = idText(item?.product_id);
			if (id) ids.add(id);
		}
	}
	return [...ids];
}
