/**
 * The benchmark's figures per job: medians of wall time, means of CPU time,
 * differences to the floor and ratios, as JSON and as Markdown tables.
 */

export type WayName = 'node' | 'http' | 'floor' | 'fetch';

export const WAY_NAMES: WayName[] = ['node', 'http', 'floor', 'fetch'];

/** What was measured for one way of one job, run after run. */
export interface Samples {
	wallMs: number[];
	/** CPU time of the n8n process tree during each run (fetch loop: none, n8n is idle). */
	n8nCpuMs: number[];
	/** This script's own CPU time during each run: the sandbox answering, and the fetch loop. */
	scriptCpuMs: number[];
	api: number;
	tokens: number;
}

export interface JobInfo {
	name: string;
	description: string;
	/** The items the job handles (users listed, lookups, recipients): the "per item" divisor. */
	inputItems: number;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function mean(values: number[]): number {
	return values.reduce((a, b) => a + b, 0) / values.length;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

/**
 * One job's results. The fields up to `runsMs` are the wall-time figures the
 * benchmark has always printed; `wallAboveFloor` and `cpu` are above the floor
 * (what n8n spends on the items anyway) and per item. CPU time is the mean per
 * run: the kernel counts it in ticks of 10 ms, which a median would round.
 */
export function jobResult(job: JobInfo, samples: Record<WayName, Samples>) {
	const wall = (way: WayName) => median(samples[way].wallMs);
	const n8n = (way: WayName) => mean(samples[way].n8nCpuMs);
	const script = (way: WayName) => mean(samples[way].scriptCpuMs);
	const per = (way: WayName) => {
		const runs = samples[way].wallMs.length;
		return { api: round1(samples[way].api / runs), tokens: round1(samples[way].tokens / runs) };
	};
	const items = job.inputItems;
	const wallNode = wall('node') - wall('floor');
	const wallHttp = wall('http') - wall('floor');
	const cpuNode = n8n('node') - n8n('floor');
	const cpuHttp = n8n('http') - n8n('floor');
	const cpuFetch = script('fetch');
	return {
		description: job.description,
		medianMs: {
			node: round1(wall('node')),
			http: round1(wall('http')),
			floor: round1(wall('floor')),
			fetch: round1(wall('fetch')),
		},
		nodeOverHttp: ratio(wall('node'), wall('http')),
		nodeMinusFloorMs: round1(wallNode),
		httpMinusFloorMs: round1(wallHttp),
		nodeOverFetch: ratio(wall('node'), wall('fetch')),
		requestsPerRun: { node: per('node'), http: per('http'), fetch: per('fetch') },
		runsMs: Object.fromEntries(
			WAY_NAMES.map((way) => [way, samples[way].wallMs.map((t) => Math.round(t))]),
		),
		inputItems: items,
		wallAboveFloor: {
			nodeMs: round1(wallNode),
			httpMs: round1(wallHttp),
			perItemMs: {
				node: round3(wallNode / items),
				http: round3(wallHttp / items),
				fetch: round3(wall('fetch') / items),
			},
			nodeOverHttp: ratio(wallNode, wallHttp),
			nodeOverFetch: ratio(wallNode, wall('fetch')),
		},
		cpu: {
			about:
				"node, http, floor: CPU time (user + system) of the n8n process and its child processes, from /proc; fetch: this script's own CPU time (process.cpuUsage), which includes the sandbox answering the loop. Means per run.",
			meanMsPerRun: {
				node: round1(n8n('node')),
				http: round1(n8n('http')),
				floor: round1(n8n('floor')),
				fetch: round1(cpuFetch),
			},
			nodeMinusFloorMs: round1(cpuNode),
			httpMinusFloorMs: round1(cpuHttp),
			perItemMs: {
				node: round3(cpuNode / items),
				http: round3(cpuHttp / items),
				fetch: round3(cpuFetch / items),
			},
			nodeOverHttp: ratio(cpuNode, cpuHttp),
			nodeOverFetch: ratio(cpuNode, cpuFetch),
			scriptMeanMsPerRun: Object.fromEntries(WAY_NAMES.map((way) => [way, round1(script(way))])),
			runsMs: Object.fromEntries(
				WAY_NAMES.map((way) => [
					way,
					(way === 'fetch' ? samples[way].scriptCpuMs : samples[way].n8nCpuMs).map((t) =>
						Math.round(t),
					),
				]),
			),
		},
	};
}

export type JobResult = ReturnType<typeof jobResult>;

const number = (value: number | null) =>
	value === null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 3 });

function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) =>
		`| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The results as two Markdown tables: wall time (medians) and CPU time (means). */
export function tables(results: Record<string, JobResult>): string {
	const jobs = Object.values(results);
	const wall = table(
		[
			'job',
			'node',
			'HTTP Request node',
			'floor',
			'fetch loop',
			'node − floor',
			'HTTP − floor',
			'(node − floor) ÷ (HTTP − floor)',
			'(node − floor) ÷ fetch',
		],
		jobs.map((job) => [
			job.description,
			number(job.medianMs.node),
			number(job.medianMs.http),
			number(job.medianMs.floor),
			number(job.medianMs.fetch),
			number(job.wallAboveFloor.nodeMs),
			number(job.wallAboveFloor.httpMs),
			number(job.wallAboveFloor.nodeOverHttp),
			number(job.wallAboveFloor.nodeOverFetch),
		]),
	);
	const cpu = table(
		[
			'job',
			'node',
			'HTTP Request node',
			'floor',
			'fetch loop (script)',
			'node − floor',
			'HTTP − floor',
			'per item: node / HTTP / fetch',
			'node ÷ HTTP (above floor)',
			'node ÷ fetch',
		],
		jobs.map((job) => [
			job.description,
			number(job.cpu.meanMsPerRun.node),
			number(job.cpu.meanMsPerRun.http),
			number(job.cpu.meanMsPerRun.floor),
			number(job.cpu.meanMsPerRun.fetch),
			number(job.cpu.nodeMinusFloorMs),
			number(job.cpu.httpMinusFloorMs),
			`${number(job.cpu.perItemMs.node)} / ${number(job.cpu.perItemMs.http)} / ${number(job.cpu.perItemMs.fetch)}`,
			number(job.cpu.nodeOverHttp),
			number(job.cpu.nodeOverFetch),
		]),
	);
	return `Wall time, medians in ms:\n\n${wall}\n\nCPU time, means per run in ms (node, HTTP, floor: the n8n process and its children; fetch loop: this script, sandbox included):\n\n${cpu}\n`;
}
