import { searchOver } from '../../shared/listSearch';
import { getCountries, getTopics } from './loadOptions';

/**
 * The resource locators of version 1.2 on, over the lists ThroughLine gives whole
 * (the same lists the dropdowns of earlier versions show), searched by name here.
 */
export const searchCountries = searchOver(getCountries);
export const searchTopics = searchOver(getTopics);
