import type { thinkificFixture } from '../thinkific/context';
import type { Example } from './check';

/**
 * How the conformance test runs each group, bundle, course content, instructor,
 * course review and Expire Now operation against the sandbox (see thinkific.test.ts).
 * The sandbox starts with group 1 ("Staff"), bundle 301 (courses 101 and 102),
 * chapters 1 and 2 of course 101, and instructor 1.
 */

type Fixture = ReturnType<typeof thinkificFixture>;

/** The set-ups thinkific.test.ts makes for the other operations. */
export interface Setups {
	/** A user (user1@example.com, ID 1). */
	aUser(): void;
	/** That user enrolled (enrollment 1) in course 101. */
	anEnrollment(): Promise<void>;
}

const locator = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const byEmail = locator('user1@example.com', 'email');

const FILTER_DATES = {
	createdAfter: '2020-01-01T00:00:00Z',
	createdBefore: '2030-01-01T00:00:00Z',
	updatedAfter: '2020-01-01T00:00:00Z',
	updatedBefore: '2030-01-01T00:00:00Z',
};

export function thinkificAdminExamples(
	t: Fixture,
	{ aUser, anEnrollment }: Setups,
): Record<string, Example> {
	/** A user (user1@example.com, ID 1) with the Group Analyst role. */
	const anAnalystUser = () => {
		t.provider.seedUsers(1, () => ({ roles: ['group_analyst'] }));
	};
	/** The user enrolled in bundle 301. */
	const aBundleEnrollment = async () => {
		aUser();
		await t.run({ resource: 'bundle', operation: 'enrollUser', bundleId: '301', userId: '1' });
	};
	/** That user as an analyst of group 1. */
	const anAnalyst = () => {
		anAnalystUser();
		t.provider.admin.analysts.set(1, new Set([1]));
	};
	return {
		'enrollment.expire': { parameters: { enrollmentId: locator('1') }, prepare: anEnrollment },
		'course.getChapters': { parameters: { courseId: locator('101'), returnAll: true } },
		'group.create': { parameters: { name: 'Sales team' } },
		'group.get': { parameters: { groupId: locator('1') } },
		'group.getAll': { parameters: { returnAll: true } },
		'group.delete': { parameters: { groupId: locator('1') } },
		'group.addUser': { parameters: { groupId: locator('1'), userId: byEmail }, prepare: aUser },
		'group.addAnalyst': {
			parameters: { groupId: locator('1'), userId: byEmail },
			prepare: anAnalystUser,
		},
		'group.getAnalysts': {
			parameters: { groupId: locator('1'), returnAll: true },
			prepare: anAnalyst,
		},
		'group.removeAnalyst': {
			parameters: { groupId: locator('1'), userId: byEmail },
			prepare: anAnalyst,
		},
		'bundle.get': { parameters: { bundleId: locator('301') } },
		'bundle.getCourses': { parameters: { bundleId: locator('301'), returnAll: true } },
		'bundle.getEnrollments': {
			parameters: {
				bundleId: locator('301'),
				returnAll: true,
				filters: {
					userId: '1',
					email: 'user1@example.com',
					completed: true,
					expired: true,
					...FILTER_DATES,
				},
			},
			prepare: aBundleEnrollment,
		},
		'bundle.enrollUser': {
			parameters: {
				bundleId: locator('301'),
				userId: byEmail,
				activatedAt: '2026-01-01T00:00:00Z',
				expiryDate: '2027-01-01T00:00:00Z',
			},
			prepare: aUser,
		},
		'bundle.updateEnrollments': {
			parameters: {
				bundleId: locator('301'),
				userId: byEmail,
				updateFields: {
					activatedAt: '2026-02-01T00:00:00Z',
					expiryDate: '2027-02-01T00:00:00Z',
				},
			},
			prepare: aBundleEnrollment,
		},
		'chapter.get': { parameters: { chapterId: locator('1') } },
		'chapter.getContents': {
			parameters: { courseId: locator('101'), chapterId: locator('1'), returnAll: true },
		},
		'instructor.create': {
			parameters: {
				firstName: 'Grace',
				lastName: 'Hopper',
				userId: byEmail,
				additionalFields: {
					avatarUrl: 'https://example.com/grace.png',
					bio: 'Rear admiral',
					email: 'grace@example.com',
					slug: 'grace',
					title: 'Dr.',
				},
			},
			prepare: aUser,
		},
		'instructor.get': { parameters: { instructorId: locator('1') } },
		'instructor.getAll': { parameters: { returnAll: true } },
		'instructor.update': {
			parameters: {
				instructorId: locator('1'),
				userId: byEmail,
				updateFields: { bio: 'Teaches glazing', title: 'Ms.' },
			},
			prepare: aUser,
		},
		'instructor.delete': { parameters: { instructorId: locator('1') } },
		'courseReview.create': {
			parameters: {
				courseId: locator('101'),
				userId: byEmail,
				rating: 4,
				title: 'Good',
				reviewText: 'Clear and kind',
				approved: true,
			},
			prepare: aUser,
		},
		'courseReview.getAll': {
			parameters: { courseId: locator('101'), returnAll: true, approvedOnly: true },
		},
	};
}
