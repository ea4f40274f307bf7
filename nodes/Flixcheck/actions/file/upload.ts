import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../../shared/errors';
import type { OperationModule } from '../../../shared/router';
import { readText, requiredText } from '../../../shared/parameters';
import { apiRequest, multipartFile, unwrap } from '../../transport';

export const option: OperationModule['option'] = {
	name: 'Upload',
	value: 'upload',
	action: 'Upload a file',
	description: 'Upload a file from the input item to use in checks; returns its file ID',
};

export const sendsOnce = true;

export const description: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description: 'The name Flixcheck shows for the file. Empty uses the name of the binary data.',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const field = requiredText(this, itemIndex, 'binaryPropertyName', 'Input Binary Field');
	const item = this.getInputData()[itemIndex];
	if (!item?.binary?.[field]) {
		throw invalidParameter(
			this.getNode(),
			itemIndex,
			'Input Binary Field',
			`the input item has no binary field "${field}"`,
		);
	}
	const binary = this.helpers.assertBinaryData(itemIndex, field);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, field);
	if (data.length === 0) {
		throw invalidParameter(this.getNode(), itemIndex, 'Input Binary Field', 'the file is empty');
	}
	const givenName = readText(this, itemIndex, 'fileName');
	const fileName = givenName || binary.fileName || 'file';
	const mimeType = binary.mimeType || 'application/octet-stream';

	// Step 1: the bytes go to Flixcheck's temporary storage, which answers with a JWT.
	const form = multipartFile('file', fileName, mimeType, data);
	const temp = unwrap(
		await apiRequest.call(
			this,
			{
				method: 'POST',
				path: '/user/v7/temp-files',
				body: form.body,
				headers: { 'Content-Type': form.contentType },
			},
			itemIndex,
		),
	);
	const jwt = temp.resource;
	if (typeof jwt !== 'string' || jwt === '') {
		throw invalidParameter(
			this.getNode(),
			itemIndex,
			'Input Binary Field',
			'Flixcheck stored the file but returned no reference to it',
		);
	}
	// Step 2: the temporary file becomes a file entity; PDFs get their page images.
	const file = unwrap(
		await apiRequest.call(
			this,
			{
				method: 'POST',
				path: '/user/v7/files',
				qs: mimeType === 'application/pdf' ? { action: 'generateImagesOfPdf' } : undefined,
				body: { jwt },
			},
			itemIndex,
		),
	);
	return { fileId: file.id, ...file };
}
