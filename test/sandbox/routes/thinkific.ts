import type { SandboxRoute } from './types';

const PROMOTION = 'name discount_type amount description starts_at expires_at product_ids duration';

/** What test/sandbox/thinkific.ts serves below `/thinkific/api/public/v1`. */
export const THINKIFIC_ROUTES: SandboxRoute[] = [
	{
		method: 'GET',
		route: '/users',
		query:
			'page limit query[email] query[role] query[external_source] query[custom_profile_field_label] query[custom_profile_field_value] query[group_id]',
	},
	{
		method: 'POST',
		route: '/users',
		body: 'first_name last_name email password roles bio company headline affiliate_code affiliate_commission affiliate_commission_type affiliate_payout_email send_welcome_email skip_custom_fields_validation external_id provider custom_profile_fields[].custom_profile_field_definition_id custom_profile_fields[].value',
	},
	{ method: 'GET', route: '/users/{id}', query: 'provider' },
	{
		method: 'PUT',
		route: '/users/{id}',
		query: 'provider',
		body: 'first_name last_name email password roles avatar_url bio company headline external_source affiliate_code affiliate_commission affiliate_commission_type affiliate_payout_email custom_profile_fields[].custom_profile_field_definition_id custom_profile_fields[].value',
	},
	{ method: 'DELETE', route: '/users/{id}', query: 'provider' },
	{ method: 'GET', route: '/custom_profile_field_definitions', query: 'page limit' },
	{ method: 'GET', route: '/courses', query: 'page limit' },
	{ method: 'GET', route: '/courses/{id}' },
	{
		method: 'GET',
		route: '/enrollments',
		query:
			'page limit query[user_id] query[course_id] query[email] query[completed] query[expired] query[free_trial] query[full] query[created_after] query[created_before] query[updated_after] query[updated_before]',
	},
	{ method: 'POST', route: '/enrollments', body: 'course_id user_id activated_at expiry_date' },
	{ method: 'GET', route: '/enrollments/{id}' },
	{ method: 'PUT', route: '/enrollments/{id}', body: 'activated_at expiry_date' },
	{
		method: 'POST',
		route: '/external_orders',
		body: 'payment_provider user_id product_id order_type transaction.amount transaction.currency transaction.reference transaction.action',
	},
	{
		method: 'POST',
		route: '/external_orders/{id}/transactions/purchase',
		body: 'amount currency reference action',
	},
	{
		method: 'POST',
		route: '/external_orders/{id}/transactions/refund',
		body: 'amount currency reference action',
	},
	// Groups, bundles, course content, instructors and reviews (thinkificAdmin.ts).
	{ method: 'GET', route: '/groups', query: 'page limit' },
	{ method: 'POST', route: '/groups', body: 'name' },
	{ method: 'GET', route: '/groups/{id}' },
	{ method: 'DELETE', route: '/groups/{id}' },
	{ method: 'POST', route: '/group_users', body: 'user_id group_names' },
	{ method: 'GET', route: '/groups/{id}/analysts', query: 'page limit' },
	{ method: 'POST', route: '/groups/{id}/analysts', body: 'user_ids' },
	{ method: 'DELETE', route: '/groups/{id}/analysts/{user_id}' },
	{ method: 'GET', route: '/bundles/{id}' },
	{ method: 'GET', route: '/bundles/{id}/courses', query: 'page limit' },
	{
		method: 'GET',
		route: '/bundles/{id}/enrollments',
		query:
			'page limit query[user_id] query[email] query[completed] query[expired] query[created_after] query[created_before] query[updated_after] query[updated_before]',
	},
	{ method: 'POST', route: '/bundles/{id}/enrollments', body: 'user_id activated_at expiry_date' },
	{ method: 'PUT', route: '/bundles/{id}/enrollments', body: 'user_id activated_at expiry_date' },
	{ method: 'GET', route: '/courses/{id}/chapters', query: 'page limit' },
	{ method: 'GET', route: '/chapters/{id}' },
	{ method: 'GET', route: '/chapters/{id}/contents', query: 'page limit' },
	{ method: 'GET', route: '/instructors', query: 'page limit' },
	{
		method: 'POST',
		route: '/instructors',
		body: 'first_name last_name slug title bio avatar_url email user_id',
	},
	{ method: 'GET', route: '/instructors/{id}' },
	{
		method: 'PUT',
		route: '/instructors/{id}',
		body: 'first_name last_name slug title bio avatar_url email user_id',
	},
	{ method: 'DELETE', route: '/instructors/{id}' },
	{ method: 'GET', route: '/course_reviews', query: 'course_id page limit approved' },
	{
		method: 'POST',
		route: '/course_reviews',
		query: 'course_id',
		body: 'rating title review_text user_id approved',
	},
	// Products, categories, orders, promotions and coupons (thinkificCommerce.ts).
	{ method: 'GET', route: '/products', query: 'page limit' },
	{ method: 'GET', route: '/products/{id}' },
	{ method: 'GET', route: '/products/{id}/related', query: 'page limit' },
	{ method: 'GET', route: '/collections', query: 'page limit' },
	{ method: 'GET', route: '/collections/{id}' },
	{ method: 'GET', route: '/collections/{id}/products', query: 'page limit' },
	{ method: 'GET', route: '/orders', query: 'page limit' },
	{ method: 'GET', route: '/orders/{id}' },
	{ method: 'GET', route: '/promotions', query: 'page limit' },
	{ method: 'POST', route: '/promotions', body: PROMOTION },
	{ method: 'GET', route: '/promotions/by_coupon', query: 'product_id coupon_code' },
	{ method: 'GET', route: '/promotions/{id}' },
	{ method: 'PUT', route: '/promotions/{id}', body: PROMOTION },
	{ method: 'DELETE', route: '/promotions/{id}' },
	{ method: 'GET', route: '/coupons', query: 'promotion_id page limit' },
	{ method: 'POST', route: '/coupons', query: 'promotion_id', body: 'code note quantity' },
	{
		method: 'POST',
		route: '/coupons/bulk_create',
		query: 'promotion_id',
		body: 'bulk_quantity bulk_coupon_code_length bulk_quantity_per_coupon',
	},
	{ method: 'GET', route: '/coupons/{id}' },
	{ method: 'PUT', route: '/coupons/{id}', body: 'code note quantity quantity_used' },
	{ method: 'DELETE', route: '/coupons/{id}' },
];
