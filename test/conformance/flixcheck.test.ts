import { resources } from '../../nodes/Flixcheck/actions';
import { FLIXCHECK_CLIENT } from '../sandbox/flixcheck';
import { FLIXCHECK_ROUTES } from '../sandbox/routes';
import { flixcheckFixture } from '../flixcheck/context';
import type { Example } from './check';
import { describeConformance } from './check';
import { FLIXCHECK_TABLE } from './flixcheck';

const t = flixcheckFixture();

/** A personal, informal recipient by SMS: every recipient field the node sends. */
const RECIPIENT = {
	sendBy: 'sms',
	mobile: '+49 151 7654321',
	addressing: 'personal',
	gender: 'male',
	firstname: 'Max',
	lastname: 'Muster',
	informally: true,
};

/** A check sent through the sandbox (with the API key), to read, print or annotate. */
async function sentCheck() {
	await t.run(
		{ resource: 'check', operation: 'send', ...RECIPIENT, subject: 'Photos', elements: '[]' },
		{
			authentication: 'flixcheckApi',
		},
	);
	return { checkId: [...t.provider.checks.keys()].at(-1)! };
}

const EXAMPLES: Record<string, Example> = {
	'check.send': {
		parameters: {
			...RECIPIENT,
			subject: 'Photos of the damage',
			elements: JSON.stringify([
				{ id: '1', type: 'question', subtype: 'text', options: { text: 'Where?' } },
			]),
			sendOptions: JSON.stringify({ resend: true, resendAfterDays: 7 }),
		},
	},
	'check.get': { parameters: {}, prepare: sentCheck },
	'check.getAll': { parameters: { returnAll: true } },
	'check.getPdf': {
		parameters: { pdfOptions: { bigPictures: true, withEvents: true, withOtherPdfs: true } },
		prepare: sentCheck,
	},
	'check.updateNotes': { parameters: { notes: 'Called back' }, prepare: sentCheck },
	'file.upload': {
		parameters: { fileName: 'report.pdf' },
		binaryItems: [
			{
				json: {},
				binary: {
					data: {
						data: Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64'),
						fileName: 'report.pdf',
						mimeType: 'application/pdf',
					},
				},
			},
		],
	},
	'apiRequest.send': {
		parameters: {
			method: 'POST',
			path: '/user/v7/oauth-codes',
			body: JSON.stringify({ resource: { clientId: FLIXCHECK_CLIENT.id } }),
		},
	},
};

describeConformance({
	table: FLIXCHECK_TABLE,
	sandboxRoutes: FLIXCHECK_ROUTES,
	hosts: {
		api: { mount: 'flixcheck', prefix: '' },
		v1: { mount: 'flixcheck-www', prefix: '' },
	},
	resources,
	sandbox: () => t.sandbox,
	example: (resource, operation) => EXAMPLES[`${resource}.${operation}`],
	run: async (example, parameters) =>
		await t.run(parameters, {
			authentication: 'flixcheckApi',
			binaryItems: example.binaryItems,
			items: example.items,
		}),
});
