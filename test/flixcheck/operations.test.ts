import type { INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { Flixcheck } from '../../nodes/Flixcheck/Flixcheck.node';
import { FLIXCHECK_CLIENT, FLIXCHECK_USERS } from '../sandbox/flixcheck';
import { errorText, flixcheckFixture } from './context';

const t = flixcheckFixture();

const base = {
	resource: 'check',
	operation: 'send',
	subject: 'Schadenmeldung Kfz',
	elements: JSON.stringify([{ type: 'text', label: 'What happened?' }]),
};

const smsPersonal = {
	...base,
	sendBy: 'sms',
	mobile: '+49 170 1234567',
	addressing: 'personal',
	gender: 'female',
	firstname: 'Erika',
	lastname: 'Mustermann',
	informally: true,
};

const emailNeutral = {
	...base,
	sendBy: 'email',
	email: 'schaden@firma.example',
	addressing: 'neutral',
	name: 'Firma Beispiel GmbH',
};

/** Bytes that look like a PDF of the given size. */
function pdfBytes(size: number): Buffer {
	const head = Buffer.from('%PDF-1.7\n');
	const tail = Buffer.from('\n%%EOF\n');
	const body = Buffer.alloc(size - head.length - tail.length);
	for (let i = 0; i < body.length; i++) body[i] = (i * 31 + 7) % 256;
	return Buffer.concat([head, body, tail]);
}

function binaryItem(data: Buffer, fileName: string, mimeType: string): INodeExecutionData {
	return {
		json: { name: fileName },
		binary: { data: { data: data.toString('base64'), fileName, mimeType } },
	};
}

function secretsIn(value: unknown): boolean {
	const text = JSON.stringify(value);
	return (
		text.includes(FLIXCHECK_CLIENT.secret) ||
		text.includes(FLIXCHECK_USERS.agent.apiKey) ||
		/fc_rt_/.test(text) ||
		/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/.test(text)
	);
}

describe('Flixcheck check operations', () => {
	test('send by SMS to a personal, informal recipient', async () => {
		const [items] = await t.run(smsPersonal);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			code: expect.any(String),
			answerLink: expect.any(String),
		});
		const check = t.provider.checks.get(String(items[0].json.id))!;
		expect(check.sendBy).toBe('sms');
		expect(check.recipient).toEqual({
			mobile: '+49 170 1234567',
			gender: 'female',
			firstname: 'Erika',
			lastname: 'Mustermann',
			informally: true,
		});
		expect(check.subject).toBe('Schadenmeldung Kfz');
		expect(check.elements).toEqual([{ type: 'text', label: 'What happened?' }]);
		expect(check.createdBy).toBe(FLIXCHECK_USERS.agent.id);
		const request = t.sandbox.log.find((r) => r.path === '/api/v1/portal/check')!;
		expect(request.headers.authorization).toMatch(/^Bearer eyJ/);
		expect(JSON.parse(request.body)).not.toHaveProperty('sendOptions');
		expect(secretsIn(items)).toBe(false);
	});

	test("the Elements field's example, copied as it stands, sends a check with that element", async () => {
		const field = new Flixcheck().description.properties.find((p) => p.name === 'elements')!;
		expect(field.default).toBe('[]');
		expect(field.description).not.toMatch(/README/);
		const example = String(field.hint).replace(/^e\.g\. /, '');
		const [items] = await t.run({ ...smsPersonal, elements: example });
		const elements = t.provider.checks.get(String(items[0].json.id))!.elements;
		expect(elements).toEqual([
			{
				id: '1',
				type: 'question',
				subtype: 'number',
				options: { text: 'How many rooms were damaged?' },
			},
		]);
	});

	test('send by email to a neutral recipient, with send options', async () => {
		const [items] = await t.run(
			{ ...emailNeutral, sendOptions: '{"sendReminder": true}' },
			{ authentication: 'flixcheckApi' },
		);
		const check = t.provider.checks.get(String(items[0].json.id))!;
		expect(check.sendBy).toBe('email');
		expect(check.recipient).toEqual({
			email: 'schaden@firma.example',
			name: 'Firma Beispiel GmbH',
		});
		expect(check.sendOptions).toEqual({ sendReminder: true });
	});

	test.each([
		[{ ...smsPersonal, mobile: '' }, 'Mobile Number', /SMS needs one/],
		[{ ...smsPersonal, mobile: 'call me' }, 'Mobile Number', /not a phone number/],
		[{ ...emailNeutral, email: '' }, 'Email', /email needs an address/],
		[{ ...emailNeutral, email: 'no-at-sign' }, 'Email', /not an email address/],
		[{ ...smsPersonal, lastname: ' ' }, 'Last Name', /personal check needs one/],
		[{ ...smsPersonal, gender: '' }, 'Gender', /informal personal check needs it/],
		[{ ...emailNeutral, name: '' }, 'Name', /neutral check needs a name/],
		[{ ...smsPersonal, subject: '' }, 'Subject', /empty/],
		[{ ...smsPersonal, elements: '{"not": "a list"}' }, 'Elements (JSON)', /JSON array/],
		[{ ...smsPersonal, elements: '[oops' }, 'Elements (JSON)', /not valid JSON/],
	])(
		'bad recipient or content is refused before any request (%#)',
		async (parameters, field, why) => {
			const error = await t.run(parameters).catch((e: Error) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toMatch(
				new RegExp(`^Invalid "${field.replace(/[()]/g, '\\$&')}" in item 0: `),
			);
			expect((error as Error).message).toMatch(why);
			expect(t.sandbox.log).toHaveLength(0);
		},
	);

	test('a personal, formal recipient needs no gender', async () => {
		const [items] = await t.run({ ...smsPersonal, informally: false, gender: '' });
		const check = t.provider.checks.get(String(items[0].json.id))!;
		expect(check.recipient).toEqual({
			mobile: '+49 170 1234567',
			firstname: 'Erika',
			lastname: 'Mustermann',
			informally: false,
		});
	});

	test('with Continue On Fail, a bad item becomes an error item and the others are sent', async () => {
		const [items] = await t.run(
			{ ...smsPersonal, mobile: '={{ $json.mobile }}' },
			{
				items: [{ mobile: '+491701111111' }, { mobile: '' }, { mobile: '+491702222222' }],
				continueOnFail: true,
			},
		);
		expect(items).toHaveLength(3);
		expect(items[1].json.error).toMatch(/^Invalid "Mobile Number" in item 1/);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(t.count('checks sent')).toBe(2);
	});

	test('a send that failed after Flixcheck processed it is reported, not sent again', async () => {
		t.sandbox.inject({
			provider: 'flixcheck',
			route: 'POST /api/v1/portal/check',
			kind: 'drop',
			phase: 'after',
		});
		const error = await t.run(smsPersonal).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).description).toMatch(
			/may have reached the provider; it was not repeated/,
		);
		expect(t.count('POST /api/v1/portal/check')).toBe(1);
		expect(t.count('checks sent')).toBe(1);
	});

	test('with Continue On Fail, a send that may have arrived keeps that in its error item', async () => {
		t.sandbox.inject({
			provider: 'flixcheck',
			route: 'POST /api/v1/portal/check',
			kind: 'drop',
			phase: 'after',
		});
		const [items] = await t.run(smsPersonal, { continueOnFail: true, items: [{}, {}] });
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({
			error:
				'Could not complete the request to Flixcheck: the connection was closed before an answer came',
			description: expect.stringMatching(
				/may have reached the provider; it was not repeated, to avoid doing it twice/,
			),
		});
		expect(items[1].json).toMatchObject({ code: expect.any(String) });
		expect(t.count('checks sent')).toBe(2);
		expect(t.count('POST /api/v1/portal/check')).toBe(2);
	});

	test('get a check', async () => {
		const [sent] = await t.run(smsPersonal);
		const [items] = await t.run({
			resource: 'check',
			operation: 'get',
			checkId: String(sent[0].json.id),
		});
		expect(items[0].json).toMatchObject({
			id: sent[0].json.id,
			subject: 'Schadenmeldung Kfz',
			status: 'sent',
		});
		const error = await t
			.run({ resource: 'check', operation: 'get', checkId: 'missing' })
			.catch((e: Error) => e);
		expect((error as Error).message).toBe('Flixcheck answered 404: Check not found');
		const empty = await t
			.run({ resource: 'check', operation: 'get', checkId: ' ' })
			.catch((e: Error) => e);
		expect((empty as Error).message).toMatch(/^Invalid "Check" in item 0: it is empty/);
	});

	test('get the PDF of a check as binary data', async () => {
		const [sent] = await t.run(smsPersonal);
		const checkId = String(sent[0].json.id);
		const [items] = await t.run({
			resource: 'check',
			operation: 'getPdf',
			checkId,
			binaryPropertyName: 'pdf',
			pdfOptions: { withEvents: true },
		});
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const binary = items[0].binary!.pdf;
		expect(binary.mimeType).toBe('application/pdf');
		expect(binary.fileName).toBe(`flixcheck-check-${checkId}.pdf`);
		const bytes = Buffer.from(binary.data, 'base64');
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect(bytes.toString()).toContain('withEvents=true');
		expect(bytes.toString()).toContain('bigPictures=false');
		expect(items[0].json).toEqual({ checkId, fileName: binary.fileName, size: bytes.length });
	});

	test('the v1 check routes go to the v1 API base URL, the v7 routes to the API base URL', async () => {
		const [sent] = await t.run(smsPersonal);
		const checkId = String(sent[0].json.id);
		await t.run({ resource: 'check', operation: 'get', checkId });
		await t.run({ resource: 'check', operation: 'updateNotes', checkId, notes: 'x' });
		await t.run(
			{ resource: 'file', operation: 'upload', binaryPropertyName: 'data' },
			{ binaryItems: [binaryItem(pdfBytes(2000), 'a.pdf', 'application/pdf')] },
		);
		const api = t.sandbox.log.filter(
			(r) => r.path.startsWith('/api/v1/') || r.path.startsWith('/user/v7/'),
		);
		expect(api.length).toBe(5);
		for (const request of api) {
			expect(request.mount).toBe(
				request.path.startsWith('/api/v1/') ? 'flixcheck-www' : 'flixcheck',
			);
		}
	});

	test.each(['.', '..', ' .. '])(
		'a check ID of %j is refused before any request, so a PUT cannot reach another route',
		async (checkId) => {
			const before = t.sandbox.log.length;
			for (const operation of ['get', 'updateNotes', 'getPdf']) {
				const error = await t
					.run({ resource: 'check', operation, checkId, notes: 'x' })
					.catch((e: Error) => e);
				expect(error).toBeInstanceOf(NodeOperationError);
				expect((error as Error).message).toMatch(
					/^Invalid "Check" in item 0: "\.{1,2}" is not an ID: it would change the path/,
				);
			}
			expect(t.sandbox.log.length).toBe(before);
		},
	);

	test('update the notes of a check', async () => {
		const [sent] = await t.run(smsPersonal, { authentication: 'flixcheckApi' });
		const checkId = String(sent[0].json.id);
		const [items] = await t.run(
			{ resource: 'check', operation: 'updateNotes', checkId, notes: 'Called back on Monday' },
			{ authentication: 'flixcheckApi' },
		);
		expect(items[0].json).toEqual({ id: checkId, notes: 'Called back on Monday' });
		expect(t.provider.checks.get(checkId)!.notes).toBe('Called back on Monday');
		const request = t.sandbox.log.at(-1)!;
		expect(request.method).toBe('PUT');
		expect(JSON.parse(request.body)).toEqual({ check: { notes: 'Called back on Monday' } });
	});
});

describe('Flixcheck file upload', () => {
	test('a 5 MB PDF from the input item is uploaded (temp file, then file) and its ID returned', async () => {
		const pdf = pdfBytes(5 * 1024 * 1024);
		const [items] = await t.run(
			{ resource: 'file', operation: 'upload', binaryPropertyName: 'data' },
			{ binaryItems: [binaryItem(pdf, 'Gutachten.pdf', 'application/pdf')] },
		);
		expect(items).toHaveLength(1);
		const fileId = String(items[0].json.fileId);
		const stored = t.provider.files.get(fileId)!;
		expect(stored.bytes.equals(pdf)).toBe(true);
		expect(stored.filename).toBe('Gutachten.pdf');
		expect(stored.mime).toBe('application/pdf');
		expect(items[0].json).toMatchObject({
			id: fileId,
			filename: 'Gutachten.pdf',
			size: pdf.length,
		});
		expect(items[0].json).not.toHaveProperty('resource');
		const createFile = t.sandbox.log.find((r) => r.path.startsWith('/user/v7/files'))!;
		expect(createFile.path).toBe('/user/v7/files?action=generateImagesOfPdf');
		expect(secretsIn(items)).toBe(false);
		// The file ID can be used in a check.
		const [sent] = await t.run({
			...smsPersonal,
			elements: JSON.stringify([{ type: 'pdf', fileId }]),
		});
		expect(t.provider.checks.get(String(sent[0].json.id))!.elements).toEqual([
			{ type: 'pdf', fileId },
		]);
	});

	test('an upload whose JWT had expired is sent again after the refresh (the body is bytes)', async () => {
		const pdf = pdfBytes(256 * 1024);
		t.provider.expireJwts();
		const [items] = await t.run(
			{
				resource: 'file',
				operation: 'upload',
				binaryPropertyName: 'data',
				fileName: 'renamed.pdf',
			},
			{ binaryItems: [binaryItem(pdf, 'x.pdf', 'application/pdf')] },
		);
		expect(t.count('refreshes')).toBe(1);
		expect(t.count('POST /user/v7/temp-files')).toBe(2);
		expect(t.provider.files.get(String(items[0].json.fileId))!.bytes.equals(pdf)).toBe(true);
		expect(t.provider.files.get(String(items[0].json.fileId))!.filename).toBe('renamed.pdf');
	});

	test('an image is uploaded without the PDF action, with the API key', async () => {
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
		const [items] = await t.run(
			{ resource: 'file', operation: 'upload', binaryPropertyName: 'data' },
			{ binaryItems: [binaryItem(png, 'photo.png', 'image/png')], authentication: 'flixcheckApi' },
		);
		expect(t.provider.files.get(String(items[0].json.fileId))!.mime).toBe('image/png');
		expect(t.sandbox.log.find((r) => r.path.startsWith('/user/v7/files'))!.path).toBe(
			'/user/v7/files',
		);
	});

	test('a missing binary field is refused before any request', async () => {
		const error = await t
			.run(
				{ resource: 'file', operation: 'upload', binaryPropertyName: 'attachment' },
				{ binaryItems: [binaryItem(Buffer.from('x'), 'a.txt', 'text/plain')] },
			)
			.catch((e: Error) => e);
		expect((error as Error).message).toBe(
			'Invalid "Input Binary Field" in item 0: the input item has no binary field "attachment"',
		);
		expect(t.sandbox.log).toHaveLength(0);
	});
});

describe('Flixcheck API request', () => {
	test('GET a v7 route: the resource of the envelope is the output', async () => {
		const [uploaded] = await t.run(
			{ resource: 'file', operation: 'upload' },
			{ binaryItems: [binaryItem(pdfBytes(2048), 'a.pdf', 'application/pdf')] },
		);
		const fileId = String(uploaded[0].json.fileId);
		for (const authentication of ['flixcheckOAuth2Api', 'flixcheckApi'] as const) {
			const [items] = await t.run(
				{
					resource: 'apiRequest',
					operation: 'send',
					method: 'GET',
					path: `/user/v7/files/${fileId}`,
				},
				{ authentication },
			);
			expect(items[0].json).toMatchObject({ id: fileId, filename: 'a.pdf' });
		}
	});

	test('POST with a JSON body and query parameters', async () => {
		const [items] = await t.run({
			resource: 'apiRequest',
			operation: 'send',
			method: 'POST',
			path: '/user/v7/oauth-codes',
			queryParameters: { parameter: [{ name: 'lang', value: 'de' }] },
			body: JSON.stringify({ resource: { clientId: FLIXCHECK_CLIENT.id } }),
		});
		expect(items[0].json.code).toMatch(/^fc_code_/);
		const request = t.sandbox.log.at(-1)!;
		expect(request.path).toBe('/user/v7/oauth-codes?lang=de');
		expect(JSON.parse(request.body)).toEqual({ resource: { clientId: FLIXCHECK_CLIENT.id } });
	});

	test.each([
		['user/v7/files', /must start with "\/"/],
		['//evil.example/user/v7/files', /must not start with "\/\/"/],
		['/user/v7/../../elsewhere', /"\." or "\.\." segments/],
		['/user/v7/files?x=1', /must not contain "\?"/],
		['/api/v1/portal/check', /is not a v7 route/],
		['/user/v7/%2e%2e/x', /"\." or "\.\." segments/],
	])('the path %s is refused before anything is sent', async (path, why) => {
		const error = await t
			.run({ resource: 'apiRequest', operation: 'send', method: 'GET', path })
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(/^Invalid "Path" in item 0: /);
		expect((error as Error).message).toMatch(why);
		expect(t.sandbox.log).toHaveLength(0);
	});

	test("an API error is reported with Flixcheck's words and without the token", async () => {
		const error = await t
			.run({
				resource: 'apiRequest',
				operation: 'send',
				method: 'POST',
				path: '/user/v7/oauth-codes',
				body: '{"resource": {}}',
			})
			.catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toBe(
			'Flixcheck answered 400: resource.clientId is not a known OAuth client',
		);
		expect(secretsIn(errorText(error))).toBe(false);
	});
});

describe('Flixcheck check list (unconfirmed route) and check locator', () => {
	test("Get Many lists the user's checks newest first, all or up to a limit", async () => {
		await t.run(emailNeutral);
		await t.run({ ...smsPersonal, subject: 'Fotos vom Wasserschaden' });
		await t.run({ ...emailNeutral, subject: 'Zählerstand' });
		const [all] = await t.run({ resource: 'check', operation: 'getAll', returnAll: true });
		expect(all.map((i) => i.json.subject)).toEqual([
			'Zählerstand',
			'Fotos vom Wasserschaden',
			'Schadenmeldung Kfz',
		]);
		const [two] = await t.run(
			{ resource: 'check', operation: 'getAll', returnAll: false, limit: 2 },
			{ authentication: 'flixcheckApi' },
		);
		expect(two).toHaveLength(2);
		const lists = t.sandbox.log.filter((e) => e.method === 'GET' && e.path === '/user/v7/checks');
		expect(lists.map((e) => e.mount)).toEqual(['flixcheck', 'flixcheck']);
	});

	test('the locator finds a check by subject or recipient and Get reads the one picked', async () => {
		await t.run(emailNeutral);
		await t.run({ ...smsPersonal, subject: 'Fotos vom Wasserschaden' });
		const bySubject = await t.search('searchChecks', 'wasser');
		expect(bySubject.results).toHaveLength(1);
		expect(bySubject.results[0].name).toMatch(
			/^Fotos vom Wasserschaden – Erika Mustermann \(\d{4}-\d{2}-\d{2}\)$/,
		);
		const byRecipient = await t.search('searchChecks', 'firma beispiel', 'flixcheckApi');
		expect(byRecipient.results.map((r) => r.name)).toEqual([
			expect.stringMatching(/^Schadenmeldung Kfz – Firma Beispiel GmbH/),
		]);

		const [items] = await t.run({
			resource: 'check',
			operation: 'get',
			checkId: { __rl: true, mode: 'list', value: bySubject.results[0].value },
		});
		expect(items[0].json).toMatchObject({ subject: 'Fotos vom Wasserschaden' });
	});
});
