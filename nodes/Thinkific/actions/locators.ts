import type { INodeProperties } from 'n8n-workflow';

/** Resource locators shared by several operations: a searchable list, or an ID. */

function locator(
	displayName: string,
	name: string,
	searchListMethod: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '123',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'Enter a numeric ID' },
					},
				],
			},
		],
	};
}

export const courseLocator = locator('Course', 'courseId', 'searchCourses', 'The course');

export const productLocator = locator(
	'Product',
	'productId',
	'searchProducts',
	'The product (course or bundle) that was bought',
);
