import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchList, searchOver } from '../../shared/listSearch';
import { apiRequestPage } from '../transport';
import {
	getGiftCardBrands,
	getHandwritingStyles,
	getImageTemplates,
	getMessageTemplates,
	getSubAccounts,
} from './loadOptions';

/**
 * Mailing lists by name. thanks.io's list of mailing lists takes no name filter:
 * the name is looked for on this side, page after page, until a page holds a match.
 */
export async function searchMailingLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		{
			page: async (page) => await apiRequestPage.call(this, { path: '/mailing-lists/' }, page),
			texts: (list) => [list.description, list.id],
			entry: (list) => ({
				name: `${String(list.description ?? `List ${String(list.id)}`)} (${Number(list.total_recipients ?? 0)} recipients)`,
				value: String(list.id),
			}),
		},
		filter,
		paginationToken,
	);
}

/*
 * The resource locators of version 1.1 on, over the lists thanks.io gives whole
 * (the same lists version 1's dropdowns show), searched by name on this side.
 */
export const searchMessageTemplates = searchOver(getMessageTemplates);
export const searchImageTemplates = searchOver(getImageTemplates);
export const searchHandwritingStyles = searchOver(getHandwritingStyles);
export const searchSubAccounts = searchOver(getSubAccounts);
export const searchGiftCardBrands = searchOver(getGiftCardBrands);
