import { THINKIFIC_ADMIN_ROWS } from './thinkificAdmin';
import { THINKIFIC_COMMERCE_ROWS } from './thinkificCommerce';
import { PAGES, READ_BACK, USER_BY_EMAIL } from './thinkificRows';
import type { ProviderTable, RequestRow } from './types';

const PROFILE =
	'custom_profile_fields[].custom_profile_field_definition_id custom_profile_fields[].value';
const AFFILIATE =
	'affiliate_code affiliate_commission affiliate_commission_type affiliate_payout_email';
const TRANSACTION = 'amount currency reference action';

/** Custom profile fields given by label are matched to their definitions first. */
const PROFILE_DEFINITIONS: RequestRow = {
	method: 'GET',
	route: '/custom_profile_field_definitions',
	query: PAGES,
	when: 'custom profile fields are given by label (as JSON)',
	sources: ['spec'],
};

/** External IDs: `?provider=SSO|OPENID_CONNECT` makes `{id}` an external ID. */
const PROVIDER_DECISION =
	'`provider` (SSO, OPENID_CONNECT) only when the user is given by an external ID, as the spec documents it for this route.';

export const THINKIFIC_TABLE: ProviderTable = {
	provider: 'thinkific',
	title: 'Thinkific',
	node: 'thinkific',
	hosts: { api: 'https://api.thinkific.com/api/public/v1' },
	sources: {
		spec: {
			title:
				"Thinkific Admin API OpenAPI file (v1), as published in Ballerina's openapi-connectors, openapi/thinkific/openapi.yaml",
			kind: "provider's OpenAPI file",
			where:
				'https://github.com/ballerina-platform/openapi-connectors/blob/a9d171e86644e630a9e1f8e6f55f3b95e82eeb7d/openapi/thinkific/openapi.yaml',
		},
		reference: {
			title: 'Thinkific Admin API reference (users, enrollments, external orders)',
			kind: "provider's docs",
			where: 'https://developers.thinkific.com/api/api-documentation/',
		},
		pipedream: {
			title: "Pipedream's Thinkific app and actions (create user, update user, enroll user)",
			kind: 'production third-party client',
			where:
				'https://github.com/PipedreamHQ/pipedream/blob/master/components/thinkific/thinkific.app.mjs',
		},
		changelog: {
			title: "Thinkific's developer changelog: Delete Group Endpoint",
			kind: "provider's docs",
			where: 'https://developers.thinkific.com/changelog/group-delete-endpoint',
		},
		specTags: {
			title:
				'Thinkific Admin API OpenAPI file (v1), the later copy split per tag in api-evangelist/thinkific, openapi/',
			kind: "provider's OpenAPI file",
			where:
				'https://github.com/api-evangelist/thinkific/tree/225381206be345f8750cfbee62688b564e32fe89/openapi',
		},
		saloon: {
			title:
				'thinkific-saloon, a PHP client of the Admin API (mckltech/thinkific-saloon on Packagist)',
			kind: 'production third-party client',
			where:
				'https://github.com/MCKLtech/thinkific-saloon/tree/9811519b3287aa81a5992258ff7601f01c3c8359/src/Requests',
		},
	},
	operations: [
		{
			resource: 'user',
			operation: 'create',
			requests: [
				PROFILE_DEFINITIONS,
				{
					method: 'POST',
					route: '/users',
					body: `first_name last_name email password roles bio company headline ${AFFILIATE} send_welcome_email skip_custom_fields_validation external_id provider ${PROFILE}`,
					sources: ['spec', 'reference', 'pipedream'],
					decision:
						'`provider` is in the current Admin API reference (for users created with an external ID) but not in the older OpenAPI copy; the node sends it only with an External ID.',
				},
			],
		},
		{
			resource: 'user',
			operation: 'get',
			requests: [
				{
					method: 'GET',
					route: '/users/{id}',
					query: 'provider',
					sources: ['spec'],
					decision: PROVIDER_DECISION,
				},
			],
		},
		{
			resource: 'user',
			operation: 'getAll',
			requests: [
				{
					method: 'GET',
					route: '/users',
					query: `${PAGES} query[email] query[role] query[external_source] query[custom_profile_field_label] query[custom_profile_field_value] query[group_id]`,
					sources: ['spec'],
				},
			],
		},
		{
			resource: 'user',
			operation: 'findByEmail',
			requests: [{ ...USER_BY_EMAIL, when: undefined }],
		},
		{
			resource: 'user',
			operation: 'update',
			requests: [
				PROFILE_DEFINITIONS,
				{
					method: 'PUT',
					route: '/users/{id}',
					query: 'provider',
					body: `first_name last_name email password roles avatar_url bio company headline external_source ${AFFILIATE} ${PROFILE}`,
					sources: ['spec', 'pipedream'],
					decision: PROVIDER_DECISION,
				},
				{
					method: 'GET',
					route: '/users/{id}',
					query: 'provider',
					sources: ['spec'],
					decision: READ_BACK,
				},
			],
		},
		{
			resource: 'user',
			operation: 'delete',
			requests: [
				{
					method: 'DELETE',
					route: '/users/{id}',
					query: 'provider',
					sources: ['spec'],
					decision: PROVIDER_DECISION,
				},
			],
		},
		{
			resource: 'enrollment',
			operation: 'create',
			requests: [
				USER_BY_EMAIL,
				{
					method: 'POST',
					route: '/enrollments',
					body: 'course_id user_id activated_at expiry_date',
					sources: ['spec', 'pipedream'],
				},
			],
		},
		{
			resource: 'enrollment',
			operation: 'get',
			requests: [{ method: 'GET', route: '/enrollments/{id}', sources: ['spec'] }],
		},
		{
			resource: 'enrollment',
			operation: 'getAll',
			requests: [
				{
					method: 'GET',
					route: '/enrollments',
					query: `${PAGES} query[user_id] query[course_id] query[email] query[completed] query[expired] query[free_trial] query[full] query[created_after] query[created_before] query[updated_after] query[updated_before]`,
					sources: ['spec'],
				},
			],
		},
		{
			resource: 'enrollment',
			operation: 'update',
			requests: [
				{
					method: 'PUT',
					route: '/enrollments/{id}',
					body: 'activated_at expiry_date',
					sources: ['spec'],
				},
				{
					method: 'GET',
					route: '/enrollments/{id}',
					sources: ['spec'],
					decision: READ_BACK,
				},
			],
		},
		{
			resource: 'course',
			operation: 'get',
			requests: [{ method: 'GET', route: '/courses/{id}', sources: ['spec'] }],
		},
		{
			resource: 'course',
			operation: 'getAll',
			requests: [
				{ method: 'GET', route: '/courses', query: PAGES, sources: ['spec', 'pipedream'] },
			],
		},
		{
			resource: 'externalOrder',
			operation: 'create',
			requests: [
				USER_BY_EMAIL,
				{
					method: 'POST',
					route: '/external_orders',
					body: `payment_provider user_id product_id order_type ${TRANSACTION.split(' ')
						.map((f) => `transaction.${f}`)
						.join(' ')}`,
					sources: ['spec', 'reference'],
				},
			],
		},
		{
			resource: 'externalOrder',
			operation: 'recordPurchase',
			requests: [
				{
					method: 'POST',
					route: '/external_orders/{id}/transactions/purchase',
					body: TRANSACTION,
					sources: ['spec', 'reference'],
				},
			],
		},
		{
			resource: 'externalOrder',
			operation: 'recordRefund',
			requests: [
				{
					method: 'POST',
					route: '/external_orders/{id}/transactions/refund',
					body: TRANSACTION,
					sources: ['spec', 'reference'],
				},
			],
		},
		...THINKIFIC_ADMIN_ROWS,
		...THINKIFIC_COMMERCE_ROWS,
	],
	notes: [
		"Thinkific Trigger: `GET|POST /webhooks`, `DELETE /webhooks/{id}` on the Webhooks API v2 (`https://api.thinkific.com/api/v2`), body `topic target_url`, with the OAuth2 token or, for the API-key credential, `Authorization: Bearer <API key>` (Thinkific's Webhooks API page; Pipedream and Make register the same way); on a 401/403 the API-key trigger falls back to webhooks added in the admin (see the README).",
	],
};
