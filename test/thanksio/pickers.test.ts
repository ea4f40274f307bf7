import type { INodeProperties } from 'n8n-workflow';

import { person, thanksIoFixture } from './context';

const t = thanksIoFixture();

const MAILERS = [
	'sendPostcard',
	'sendLetter',
	'sendWindowlessLetter',
	'sendNotecard',
	'sendGiftCard',
	'sendMagnacard',
];

/** The property `name` shown for a mailer operation. */
function field(operation: string, name: string): INodeProperties | undefined {
	return t.node.description.properties.find(
		(p) =>
			p.name === name &&
			p.displayOptions?.show?.resource?.[0] === 'mailer' &&
			(p.displayOptions?.show?.operation ?? []).includes(operation),
	);
}

function typesAsked(path: string): Array<string | null> {
	return t.sandbox.log
		.filter((r) => r.path.split('?')[0].replace(/\/$/, '') === `/api/v2${path}`)
		.map((r) => new URLSearchParams(r.path.split('?')[1]).get('type'));
}

const giftCard = {
	resource: 'mailer',
	operation: 'sendGiftCard',
	message: 'Enjoy!',
	frontImageUrl: 'https://example.com/card.png',
};

describe('thanks.io gift card pickers', () => {
	test('brands come from the flat brand list, as the vendor node reads them; amounts follow the brand', async () => {
		const at = { resource: 'mailer', operation: 'sendGiftCard' };
		expect(await t.options('getGiftCardBrands', at)).toEqual([
			{ name: 'Amazon.com', value: 'amazonus', description: 'Featured: amazonus' },
			{ name: 'Chipotle', value: 'chipotle', description: 'Food: chipotle' },
			{ name: 'Starbucks', value: 'starbucksus', description: 'Featured: starbucksus' },
		]);
		expect(t.sandbox.count('thanksio', 'GET /api/v2/giftcard-brands-list')).toBe(1);
		expect(t.sandbox.count('thanksio', 'GET /api/v2/giftcard-brands')).toBe(0);
		expect(await t.options('getGiftCardAmounts', { ...at, giftCardBrand: 'starbucksus' })).toEqual([
			{ name: '$5.00', value: 500 },
			{ name: '$10.00', value: 1000 },
			{ name: '$25.00', value: 2500 },
		]);
		expect(await t.options('getGiftCardAmounts', at)).toEqual([]);
	});

	test('the amount picker is reloaded when the brand changes; both take expressions', () => {
		const brand = field('sendGiftCard', 'giftCardBrand')!;
		const amount = field('sendGiftCard', 'giftCardAmount')!;
		expect(brand.typeOptions).toEqual({ loadOptionsMethod: 'getGiftCardBrands' });
		expect(amount.typeOptions).toEqual({
			loadOptionsMethod: 'getGiftCardAmounts',
			loadOptionsDependsOn: ['giftCardBrand'],
		});
		expect(brand.noDataExpression).toBeUndefined();
		expect(amount.noDataExpression).toBeUndefined();
	});

	test('brand and amount from expressions are checked against the brand list and sent', async () => {
		const [out] = await t.run(
			{ ...giftCard, giftCardBrand: '={{ $json.brand }}', giftCardAmount: '={{ $json.cents }}' },
			{
				items: [
					{ ...person(1), brand: 'chipotle', cents: 5000 },
					{ ...person(2), brand: 'amazonus', cents: 1500 },
				],
			},
		);
		expect(out.map((i) => i.json.giftcard_amount)).toEqual([5000, 1500]);
		expect(t.provider.sends.map((s) => [s.giftcard_brand, s.giftcard_amount_in_cents])).toEqual([
			['chipotle', 5000],
			['amazonus', 1500],
		]);
		// One look at the brand list serves every item of the execution.
		expect(t.sandbox.count('thanksio', 'GET /api/v2/giftcard-brands-list')).toBe(1);
	});
});

describe('thanks.io template and handwriting style pickers', () => {
	test('every mailer, the notecard and the magnacard included, picks templates and a handwriting style', () => {
		for (const operation of MAILERS) {
			expect([
				field(operation, 'messageTemplate')?.typeOptions?.loadOptionsMethod,
				field(operation, 'imageTemplate')?.typeOptions?.loadOptionsMethod,
				field(operation, 'handwritingStyle')?.typeOptions?.loadOptionsMethod,
			]).toEqual(['getMessageTemplates', 'getImageTemplates', 'getHandwritingStyles']);
		}
	});

	test("the notecard's and the magnacard's templates are those of their own type", async () => {
		const notecard = await t.options('getImageTemplates', {
			resource: 'mailer',
			operation: 'sendNotecard',
		});
		expect(notecard.map((o) => o.name)).toEqual(['None', 'Thank you front (notecard)']);
		const magnacard = await t.options('getMessageTemplates', {
			resource: 'mailer',
			operation: 'sendMagnacard',
		});
		expect(magnacard.map((o) => o.name)).toEqual(['None', 'Thank you (magnacard)']);
		expect(typesAsked('/image-templates')).toEqual(['notecard']);
		expect(typesAsked('/message-templates')).toEqual(['magnacard']);
	});

	test("a postcard's templates follow its size, as the vendor node documents the types", async () => {
		const names = async (method: string, size?: string) =>
			(
				await t.options(method, {
					resource: 'mailer',
					operation: 'sendPostcard',
					...(size ? { size } : {}),
				})
			).map((o) => o.name);
		expect(await names('getImageTemplates')).toEqual(['None', 'Thank you front (postcard)']);
		expect(await names('getImageTemplates', '6x9')).toEqual([
			'None',
			'Thank you front (postcard)',
			'Thank you front (postcard6x9)',
		]);
		expect(await names('getMessageTemplates', '6x11')).toEqual([
			'None',
			'Thank you (postcard6x11)',
		]);
		expect(typesAsked('/image-templates')).toEqual(['postcard', 'postcard6x9', 'postcard']);
		for (const name of ['messageTemplate', 'imageTemplate']) {
			expect(field('sendPostcard', name)!.typeOptions!.loadOptionsDependsOn).toEqual(['size']);
			expect(field('sendNotecard', name)!.typeOptions!.loadOptionsDependsOn).toBeUndefined();
		}
	});
});
