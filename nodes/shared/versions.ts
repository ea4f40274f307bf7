import type { DisplayCondition, INodeProperties } from 'n8n-workflow';

/**
 * Fields that changed in a version of a node. Workflows saved with an older version
 * keep the older field, so they open and run as before.
 */

function shownAt(field: INodeProperties, version: DisplayCondition): INodeProperties {
	return {
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, '@version': [version] },
		},
	};
}

/** A field that only versions before `since` show. */
export function beforeVersion(since: number, field: INodeProperties): INodeProperties {
	return shownAt(field, { _cnd: { lt: since } });
}

/**
 * A field that versions of a node before `since` show as `older`, and later ones as
 * `newer`. Typically a dropdown (options filled by a load-options method) that became
 * a resource locator of the same name: n8n's editor loads a dropdown as soon as the
 * node's panel opens, and a freshly added node's first load can go out before the
 * editor has set its credential; that load fails, and the editor does not load again
 * while one is running, so the credential set meanwhile is never used. A resource
 * locator loads its list when it is opened, and not at all while no credential is set
 * (its plain value reads the same as the dropdown's). Also a field renamed, or one
 * whose options changed.
 */
export function changedAt(
	since: number,
	older: INodeProperties,
	newer: INodeProperties,
): INodeProperties[] {
	return [beforeVersion(since, older), shownAt(newer, { _cnd: { gte: since } })];
}
