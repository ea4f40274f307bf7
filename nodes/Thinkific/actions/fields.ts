import type { INodeProperties } from 'n8n-workflow';

/** Fields that people's records (users, instructors) share, and their collections. */

export const avatarUrlField: INodeProperties = {
	displayName: 'Avatar URL',
	name: 'avatarUrl',
	type: 'string',
	default: '',
	description: 'The full URL of the avatar image',
};

export const bioField: INodeProperties = {
	displayName: 'Bio',
	name: 'bio',
	type: 'string',
	default: '',
};

/** "Additional Fields" of a create, or "Update Fields" of an update. */
export function collectionOf(
	kind: 'additional' | 'update',
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName: kind === 'update' ? 'Update Fields' : 'Additional Fields',
		name: kind === 'update' ? 'updateFields' : 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}
