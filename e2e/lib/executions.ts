/**
 * Reading n8n's saved executions, as the REST API (`GET /rest/executions/:id`)
 * returns them: a failed execution's error, and the run data of a node.
 */

/**
 * n8n stores run data in the "flatted" format: an array whose first entry is the
 * root, where every string value is the index of the entry holding it.
 */
export function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const done = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (done.has(index)) return done.get(index);
		const entry = table[index];
		if (entry === null || typeof entry !== 'object') return entry;
		const copy: Record<string, unknown> | unknown[] = Array.isArray(entry) ? [] : {};
		done.set(index, copy);
		for (const [key, value] of Object.entries(entry)) {
			(copy as Record<string, unknown>)[key] =
				typeof value === 'string' ? revive(Number(value)) : value;
		}
		return copy;
	};
	return revive(0);
}

/** The error message of a failed execution, from its run data. */
export function executionError(text: string): string | undefined {
	try {
		const execution = (JSON.parse(text) as { data: { data: string } }).data;
		const data = unflatten(execution.data) as {
			resultData?: { error?: { message?: string; description?: string } };
		};
		const error = data.resultData?.error;
		return error ? [error.message, error.description].filter(Boolean).join(' — ') : undefined;
	} catch {
		return undefined;
	}
}

/** The JSON of the items a node output on its first run (all outputs), from an execution's text. */
export function nodeOutput(text: string, nodeName: string): Array<Record<string, unknown>> {
	const execution = (JSON.parse(text) as { data: { data: string } }).data;
	const data = unflatten(execution.data) as {
		resultData?: {
			runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: unknown }> | null> } }>>;
		};
	};
	const run = data.resultData?.runData?.[nodeName]?.[0];
	if (!run) throw new Error(`the execution has no run of "${nodeName}"`);
	return (run.data?.main ?? []).flatMap((output) =>
		(output ?? []).map((item) => item.json as Record<string, unknown>),
	);
}
