import type { IExecuteFunctions, NodeExecutionHint } from 'n8n-workflow';

/** Shows a hint with the node's output (n8n versions without execution hints skip it). */
export function addHint(ctx: IExecuteFunctions, hint: NodeExecutionHint): void {
	if (typeof ctx.addExecutionHints === 'function') ctx.addExecutionHints(hint);
}
