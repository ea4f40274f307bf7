import type { INodeType } from 'n8n-workflow';
import { NodeHelpers, deepCopy } from 'n8n-workflow';

import { ThanksIo } from '../../nodes/ThanksIo/ThanksIo.node';
import { executeNode } from '../harness';
import { postcard, thanksIoFixture } from './context';

const t = thanksIoFixture();

/** The node's AI-agent tool variant, named as n8n names it (`<name>Tool`). */
function toolVariant(): INodeType {
	const node = new ThanksIo();
	node.description = { ...deepCopy(node.description), name: `${node.description.name}Tool` };
	return node;
}

function defaultsOf(
	nodeType: INodeType,
	chosen: Record<string, string> = { resource: 'mailer', operation: 'sendPostcard' },
): Record<string, unknown> {
	return NodeHelpers.getNodeParameters(
		nodeType.description.properties,
		chosen,
		true,
		false,
		null,
		nodeType.description,
	) as Record<string, unknown>;
}

describe('thanks.io recipient fields in a workflow and as an AI tool', () => {
	test('in a workflow they map the input item; as a tool the model fills them', () => {
		const node = defaultsOf(new ThanksIo());
		expect(node.recipientName).toBe('={{ $json.name }}');
		expect(node.recipientPostalCode).toBe('={{ $json.postal_code }}');
		const tool = defaultsOf(toolVariant());
		expect(tool.recipientName).toBe(
			"={{ $fromAI('name', 'The recipient\\'s full name', 'string') }}",
		);
		expect(tool.recipientAddress2).toMatch(
			/^=\{\{ \$fromAI\('address2', '.*', 'string', ''\) \}\}$/,
		);
		for (const operation of ['create', 'createMany']) {
			const chosen = { resource: 'recipient', operation };
			expect(defaultsOf(new ThanksIo(), chosen).recipientCity).toBe('={{ $json.city }}');
			expect(defaultsOf(toolVariant(), chosen).recipientCity).toBe(
				"={{ $fromAI('city', 'The city', 'string') }}",
			);
		}
	});

	test('optional lines that most items lack start empty in a workflow, not mapped to nothing', () => {
		const node = defaultsOf(new ThanksIo());
		expect(node.recipientCompany).toBe('');
		expect(node.recipientAddress2).toBe('');
		expect(node.recipientCountry).toBe('={{ $json.country }}');
	});

	test('"Send To" names its first choice for each variant: input items, or the agent\'s recipient', () => {
		const sendTo = (nodeType: INodeType) => {
			const shown = nodeType.description.properties.filter(
				(p) =>
					p.name === 'audience' &&
					NodeHelpers.displayParameter(
						{ resource: 'mailer', operation: 'sendPostcard' },
						p,
						null,
						nodeType.description,
					),
			);
			expect(shown).toHaveLength(1);
			return (shown[0].options as Array<{ name: string; value: string }>)[0];
		};
		expect(sendTo(new ThanksIo())).toMatchObject({
			name: 'Recipients From Input Items',
			value: 'recipients',
		});
		expect(sendTo(toolVariant())).toMatchObject({
			name: 'The Recipient Below',
			value: 'recipients',
		});
	});

	test('the tool sends to the recipient the model gave, without any input item fields', async () => {
		// An agent's tool call reaches the node as one item holding the model's values.
		const [items] = await executeNode({
			nodeType: toolVariant(),
			parameters: { authentication: 'thanksIoApi', ...postcard },
			credentials: { thanksIoApi: t.token },
			store: t.store,
			items: [
				{
					query: {
						name: 'Ada Lovelace',
						address: '12 St James Square',
						city: 'London',
						postal_code: 'SW1Y 4JH',
						country: 'GB',
					},
				},
			],
		});
		expect(items[0].json).toMatchObject({ status: 'reviewing', type: 'postcard' });
		expect(t.provider.sends[0].recipients).toEqual([
			expect.objectContaining({
				name: 'Ada Lovelace',
				address: '12 St James Square',
				city: 'London',
				postal_code: 'SW1Y 4JH',
				country: 'GB',
			}),
		]);
	});
});
