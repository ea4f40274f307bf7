import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchEntries } from '../../shared/listSearch';
import { getCountries, getTopics } from './loadOptions';

/**
 * The resource locators of version 1.2 on, over the lists ThroughLine gives whole
 * (the same lists the dropdowns of earlier versions show), searched by name here.
 */

export async function searchCountries(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return searchEntries(await getCountries.call(this), filter);
}

export async function searchTopics(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return searchEntries(await getTopics.call(this), filter);
}
