import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import type { OperationModule } from '../../../shared/router';
import { requiredText } from '../../../shared/parameters';
import { apiRequest, checkRoutes } from '../../transport';
import { checkIdField, readCheckId } from './fields';

export const option: OperationModule['option'] = {
	name: 'Get PDF',
	value: 'getPdf',
	action: 'Get the PDF of a check',
	description: 'Download the PDF of a check, with its answers, as binary data',
};

/** One record read per item: items are read side by side. */
export const readsOnly = true;

export const description: INodeProperties[] = [
	checkIdField,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the PDF in',
	},
	{
		displayName: 'Options',
		name: 'pdfOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Big Pictures',
				name: 'bigPictures',
				type: 'boolean',
				default: false,
				description: 'Whether pictures are shown large in the PDF',
			},
			{
				displayName: 'With Events',
				name: 'withEvents',
				type: 'boolean',
				default: false,
				description: 'Whether the PDF lists the events of the check (sent, opened, answered…)',
			},
			{
				displayName: 'With Other PDFs',
				name: 'withOtherPdfs',
				type: 'boolean',
				default: false,
				description: 'Whether PDFs attached to the check are appended',
			},
		],
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { checkId, segment } = readCheckId(this, itemIndex);
	const field = requiredText(this, itemIndex, 'binaryPropertyName', 'Put Output File in Field');
	if (!/^[A-Za-z0-9_-]+$/.test(field)) {
		throw invalidParameter(
			this.getNode(),
			itemIndex,
			'Put Output File in Field',
			`"${field}" may contain only letters, digits, "_" and "-"`,
		);
	}
	const options = this.getNodeParameter('pdfOptions', itemIndex, {}) as Record<string, boolean>;
	const qs = {
		bigPictures: options.bigPictures === true,
		withEvents: options.withEvents === true,
		withOtherPdfs: options.withOtherPdfs === true,
	};
	const pdf = (await apiRequest.call(
		this,
		checkRoutes.pdf(segment, qs),
		itemIndex,
	)) as unknown as Buffer;
	const fileName = `flixcheck-check-${checkId.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;
	const binary = await this.helpers.prepareBinaryData(pdf, fileName, 'application/pdf');
	return [
		{
			json: { checkId, fileName, size: pdf.length },
			binary: { [field]: binary },
			pairedItem: { item: itemIndex },
		},
	];
}
