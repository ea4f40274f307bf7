import type { ThinkificProvider } from '../../test/sandbox';
import type { NodeSpec, SandboxContext, WorkflowSpec } from '../spec';
import { expect } from '../spec';

/** One operation of each resource that came with groups, bundles, content, instructors and reviews. */

function thinkific({ sandbox }: SandboxContext): ThinkificProvider {
	return sandbox.provider<ThinkificProvider>('thinkific');
}

const pick = (value: string, mode = 'list') => ({ __rl: true, mode, value });

function one(items: Array<Record<string, unknown>>) {
	expect(items.length === 1, `expected one item, got ${items.length}`);
	return items[0];
}

export const thinkificAdminWorkflows: WorkflowSpec[] = [
	{
		name: 'Create a group',
		kind: 'write',
		parameters: { resource: 'group', operation: 'create', name: 'Evening class' },
		check(items, ctx) {
			const stored = thinkific(ctx).admin.groups.get(Number(one(items).id));
			expect(stored?.name === 'Evening class', `the sandbox has no group ${String(items[0].id)}`);
		},
	},
	{
		name: 'Get a bundle',
		kind: 'read',
		parameters: { resource: 'bundle', operation: 'get', bundleId: pick('301') },
		check(items) {
			expect(one(items).name === 'Pottery Bundle', `got ${JSON.stringify(items[0])}`);
		},
	},
	{
		name: 'Get the contents of a chapter',
		kind: 'read',
		parameters: {
			resource: 'chapter',
			operation: 'getContents',
			chapterId: pick('1', 'id'),
			returnAll: true,
		},
		check(items) {
			const names = items.map((i) => i.name).join(', ');
			expect(names === 'Clay lesson 1, Clay lesson 2', `got ${names}`);
		},
	},
	{
		name: 'Get instructors',
		kind: 'read',
		parameters: { resource: 'instructor', operation: 'getAll', returnAll: true },
		check(items, ctx) {
			const count = thinkific(ctx).admin.instructors.size;
			expect(items.length === count, `expected all ${count} instructors, got ${items.length}`);
		},
	},
	{
		name: 'Create a course review',
		kind: 'write',
		// By the first user: the "Create a user" workflow ran before this one.
		parameters: (ctx) => ({
			resource: 'courseReview',
			operation: 'create',
			courseId: pick('101'),
			userId: String([...thinkific(ctx).users.keys()][0]),
			rating: 4,
			title: 'Good',
			reviewText: 'Clear lessons',
		}),
		check(items, ctx) {
			const stored = thinkific(ctx).admin.reviews.get(Number(one(items).id));
			expect(stored?.rating === 4, `the sandbox has no review ${String(items[0].id)}`);
		},
	},
];

/** The chapter list needs its course; no enrollment exists in the end-to-end run. */
export const thinkificAdminDropdowns: NodeSpec['loadOptions'] = {
	searchChapters: { parameters: { courseId: pick('101', 'id') } },
	searchEnrollments: { atLeast: 0 },
};
