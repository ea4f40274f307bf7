import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Canvas subtitles, as n8n evaluates them in the editor: what a node does, in the
 * words of its options, instead of the raw values it stores.
 */

/** How many chosen options a subtitle names before it counts the rest. */
const NAMED = 3;

/**
 * A JavaScript expression (for a subtitle) that names the options chosen in the
 * multi-options parameter `parameter`: "Enrollment Completed, Order Created and 2
 * more", or `none` when nothing is chosen. A value without an option keeps its value.
 */
export function chosenOptionsText(
	parameter: string,
	options: INodePropertyOptions[],
	none: string,
): string {
	const names = Object.fromEntries(options.map((o) => [String(o.value), o.name]));
	return `((names, chosen) => chosen.length === 0 ? ${JSON.stringify(none)} : chosen.slice(0, ${NAMED}).map((value) => names[value] || value).join(", ") + (chosen.length > ${NAMED} ? " and " + (chosen.length - ${NAMED}) + " more" : ""))(${JSON.stringify(names)}, [].concat($parameter[${JSON.stringify(parameter)}] || []))`;
}

/** A subtitle naming the options chosen in `parameter` (see `chosenOptionsText`). */
export function chosenOptionsSubtitle(
	parameter: string,
	options: INodePropertyOptions[],
	none: string,
): string {
	return `={{ ${chosenOptionsText(parameter, options, none)} }}`;
}
