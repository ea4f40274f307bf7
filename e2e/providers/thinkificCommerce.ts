import type { ThinkificProvider } from '../../test/sandbox';
import type { NodeSpec, SandboxContext, WorkflowSpec } from '../spec';
import { expect } from '../spec';

/** One operation per selling resource of the Thinkific node, run in real n8n. */

function commerce({ sandbox }: SandboxContext) {
	return sandbox.provider<ThinkificProvider>('thinkific').commerce;
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export const commerceWorkflows: WorkflowSpec[] = [
	{
		name: 'Get products',
		kind: 'read',
		parameters: { resource: 'product', operation: 'getAll', returnAll: true },
		check(items) {
			// The three courses' products and the bundle's.
			const ids = items.map((i) => i.id).join();
			expect(ids === '201,202,203,401', `expected products 201, 202, 203 and 401, got ${ids}`);
		},
	},
	{
		name: 'Get a category',
		kind: 'read',
		parameters: { resource: 'category', operation: 'get', categoryId: byId('2') },
		check(items) {
			expect(items.length === 1 && items[0].name === 'Glazing', 'not the category "Glazing"');
		},
	},
	{
		name: 'Get orders',
		kind: 'read',
		parameters: { resource: 'order', operation: 'getAll', returnAll: true },
		check(items, ctx) {
			const orders = commerce(ctx).orders.length;
			expect(items.length === orders, `expected all ${orders} orders, got ${items.length}`);
		},
	},
	{
		name: 'Create a promotion',
		kind: 'write',
		parameters: {
			resource: 'promotion',
			operation: 'create',
			name: 'End-to-end Sale',
			discountType: 'percentage',
			amount: 15,
		},
		check(items, ctx) {
			const stored = commerce(ctx).promotions.get(Number(items[0]?.id));
			expect(
				items.length === 1 && stored?.name === 'End-to-end Sale' && stored.amount === 15,
				`the sandbox has no promotion ${String(items[0]?.id)}`,
			);
		},
	},
	{
		name: 'Bulk create coupons',
		kind: 'write',
		parameters: {
			resource: 'coupon',
			operation: 'bulkCreate',
			promotionId: byId('1'),
			numberOfCoupons: 3,
			codeLength: 8,
		},
		check(items, ctx) {
			const stored = items.filter((i) => {
				const coupon = commerce(ctx).coupons.get(Number(i.id));
				return coupon?.promotion_id === 1 && coupon.code === i.code && String(i.code).length === 8;
			});
			expect(
				items.length === 3 && stored.length === 3,
				`expected 3 new coupons of promotion 1, got ${items.length} items, ${stored.length} in the sandbox`,
			);
		},
	},
];

/** The coupon list needs the promotion chosen above it. */
export const commerceDropdowns: NodeSpec['loadOptions'] = {
	searchCoupons: { parameters: { promotionId: byId('1') } },
};
