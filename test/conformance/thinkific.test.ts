import { resources } from '../../nodes/Thinkific/actions';
import { THINKIFIC_ROUTES } from '../sandbox/routes';
import { thinkificFixture } from '../thinkific/context';
import type { Example } from './check';
import { describeConformance } from './check';
import { THINKIFIC_TABLE } from './thinkific';
import { thinkificAdminExamples } from './thinkificAdminExamples';
import { THINKIFIC_COMMERCE_EXAMPLES } from './thinkificCommerceExamples';

const t = thinkificFixture();

const locator = (value: string, mode = 'id') => ({ __rl: true, mode, value });

/** A user (user1@example.com, ID 1) to read, change, enroll or sell to. */
function aUser() {
	t.provider.seedUsers(1);
}

/** An enrollment (ID 1) of that user in course 101. */
async function anEnrollment() {
	aUser();
	await t.run({
		resource: 'enrollment',
		operation: 'create',
		courseId: locator('101'),
		userId: '1',
	});
}

/** An external order (ID 1) of that user for product 201. */
async function anOrder() {
	aUser();
	await t.run({
		resource: 'externalOrder',
		operation: 'create',
		paymentProvider: 'Stripe',
		userId: '1',
		productId: locator('201'),
		amount: 1999,
		currency: 'USD',
	});
}

const AFFILIATE = {
	affiliateCode: 'ADA10',
	affiliateCommission: 10,
	affiliateCommissionType: '%',
	affiliatePayoutEmail: 'payouts@example.com',
};

const EXAMPLES: Record<string, Example> = {
	'user.create': {
		parameters: {
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			additionalFields: {
				roles: ['affiliate'],
				bio: 'Mathematician',
				company: 'Analytical Engines',
				headline: 'First programmer',
				password: 'secret-enough',
				sendWelcomeEmail: true,
				skipCustomFieldsValidation: true,
				externalId: 'sso-ada',
				provider: 'SSO',
				...AFFILIATE,
				customProfileFields: { field: [{ definitionId: 1, value: '555 0100' }] },
				customProfileFieldsJson: '{"Membership Level": "Gold"}',
			},
		},
	},
	'user.get': { parameters: { userId: '1' }, prepare: aUser },
	'user.getAll': {
		parameters: {
			returnAll: true,
			filters: {
				email: 'user1@example.com',
				role: 'affiliate',
				externalSource: 'crm',
				customProfileFieldLabel: 'Phone',
				customProfileFieldValue: '555',
				groupId: '7',
			},
		},
		prepare: aUser,
	},
	'user.findByEmail': { parameters: { email: 'user1@example.com' }, prepare: aUser },
	'user.update': {
		parameters: {
			userId: '1',
			updateFields: {
				firstName: 'Augusta',
				lastName: 'King',
				email: 'augusta@example.com',
				password: 'secret-enough',
				roles: ['affiliate'],
				avatarUrl: 'https://example.com/ada.png',
				bio: 'Countess',
				company: 'Analytical Engines',
				headline: 'Programmer',
				externalSource: 'crm',
				...AFFILIATE,
				customProfileFieldsJson: '{"Membership Level": "Gold"}',
			},
		},
		prepare: aUser,
	},
	'user.delete': { parameters: { userId: '1' }, prepare: aUser },
	'enrollment.create': {
		parameters: {
			courseId: locator('101'),
			userId: locator('user1@example.com', 'email'),
			activatedAt: '2026-01-01T00:00:00Z',
			expiryDate: '2027-01-01T00:00:00Z',
		},
		prepare: aUser,
	},
	'enrollment.get': { parameters: { enrollmentId: '1' }, prepare: anEnrollment },
	'enrollment.getAll': {
		parameters: {
			returnAll: true,
			filters: {
				userId: '1',
				courseId: '101',
				email: 'user1@example.com',
				completed: true,
				expired: true,
				freeTrial: true,
				full: true,
				createdAfter: '2020-01-01T00:00:00Z',
				createdBefore: '2030-01-01T00:00:00Z',
				updatedAfter: '2020-01-01T00:00:00Z',
				updatedBefore: '2030-01-01T00:00:00Z',
			},
		},
		prepare: anEnrollment,
	},
	'enrollment.update': {
		parameters: {
			enrollmentId: '1',
			updateFields: { activatedAt: '2026-02-01T00:00:00Z', expiryDate: '2027-02-01T00:00:00Z' },
		},
		prepare: anEnrollment,
	},
	'course.get': { parameters: { courseId: locator('101') } },
	'course.getAll': { parameters: { returnAll: true } },
	'externalOrder.create': {
		parameters: {
			paymentProvider: 'Stripe',
			userId: locator('user1@example.com', 'email'),
			productId: locator('201'),
			orderType: 'subscription',
			amount: 1999,
			currency: 'USD',
			reference: 'ch_123',
		},
		prepare: aUser,
	},
	'externalOrder.recordPurchase': {
		parameters: { externalOrderId: '1', amount: 1999, currency: 'USD', reference: 'ch_124' },
		prepare: anOrder,
	},
	'externalOrder.recordRefund': {
		parameters: { externalOrderId: '1', amount: 500, currency: 'USD', reference: 're_9' },
		prepare: anOrder,
	},
	...thinkificAdminExamples(t, { aUser, anEnrollment }),
	...THINKIFIC_COMMERCE_EXAMPLES,
};

describeConformance({
	table: THINKIFIC_TABLE,
	sandboxRoutes: THINKIFIC_ROUTES,
	hosts: { api: { mount: 'thinkific', prefix: '/api/public/v1' } },
	resources,
	sandbox: () => t.sandbox,
	example: (resource, operation) => EXAMPLES[`${resource}.${operation}`],
	run: async (example, parameters) => await t.run(parameters, { items: example.items }),
});
