/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   Benchmark tooling, never published: it reads the CPU profiles of the n8n server it started. */
import { readFileSync } from 'node:fs';

/**
 * Reads a V8 CPU profile (`node --cpu-prof`) of the n8n process and sums where
 * its CPU time went within a time window: per function (self time, and total
 * time = samples with the function anywhere on the stack, counted once per
 * sample), and per origin (this package's dist files, n8n-core, n8n-workflow,
 * n8n's server, other modules, Node.js itself, the garbage collector).
 *
 * Times in a profile are V8's monotonic clock in µs, which on Linux is the same
 * CLOCK_MONOTONIC as `process.hrtime` in this script: windows are given in it.
 *
 * Total times follow the synchronous stack only: after an `await`, the rest of an
 * async function runs without its callers on the stack, so the work n8n does for
 * a request after its first `await` is not under the package's frames.
 */

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
}

interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface FunctionTime {
	name: string;
	/** Where it is: the file below node_modules (or Node.js's own module), and the line. */
	where: string;
	origin: string;
	selfMs: number;
	totalMs: number;
}

export interface WindowSummary {
	/** CPU time sampled in the window (idle time left out), in ms. */
	cpuMs: number;
	/** Self time by origin, in ms. */
	byOrigin: Record<string, number>;
	/** Samples with a frame of this package anywhere on the stack, in ms. */
	underPackageMs: number;
	/** Functions by self time, the largest first. */
	topSelf: FunctionTime[];
	/** This package's functions by total time, the largest first. */
	packageFunctions: FunctionTime[];
	/** Self time of the functions that ran below this package's frames, the largest first. */
	calledByPackage: FunctionTime[];
}

/** The time to the next sample is the time of a sample (the last one gets the mean). */
function sampleTimes(profile: CpuProfile): { at: number[]; duration: number[] } {
	const at: number[] = [];
	let t = profile.startTime;
	for (const delta of profile.timeDeltas) {
		t += delta;
		at.push(t);
	}
	const mean = at.length > 1 ? (at[at.length - 1] - at[0]) / (at.length - 1) : 0;
	const duration = at.map((time, i) => (i + 1 < at.length ? at[i + 1] - time : mean));
	return { at, duration };
}

export function originOf(url: string, name: string, packageName: string): string {
	if (name === '(garbage collector)') return 'garbage collector';
	if (name === '(program)' || name === '(root)') return 'V8 / native (program)';
	if (url === '') return 'V8 / native (program)';
	if (url.includes(`/node_modules/${packageName}/`)) return 'this package';
	if (url.startsWith('node:')) return 'Node.js';
	const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(url);
	if (!match) return 'other';
	const module = match[1];
	if (module === 'n8n') return 'n8n (server)';
	return module;
}

function whereOf(url: string, line: number): string {
	const below = url.includes('/node_modules/')
		? url.slice(url.lastIndexOf('/node_modules/') + '/node_modules/'.length)
		: url.replace(/^file:\/\//, '');
	return below ? `${below}:${line + 1}` : '';
}

export function readProfile(file: string): CpuProfile {
	return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

/** The summary of the samples between `fromUs` and `toUs` (V8 / CLOCK_MONOTONIC µs). */
export function summarise(
	profile: CpuProfile,
	packageName: string,
	windows: Array<{ fromUs: number; toUs: number }>,
	top = 15,
): WindowSummary {
	const byId = new Map<number, ProfileNode>();
	const parent = new Map<number, number>();
	for (const node of profile.nodes) {
		byId.set(node.id, node);
		for (const child of node.children ?? []) parent.set(child, node.id);
	}
	const keyOf = (node: ProfileNode) =>
		`${node.callFrame.functionName || '(anonymous)'}\u0000${node.callFrame.url}\u0000${node.callFrame.lineNumber}`;
	const functions = new Map<string, FunctionTime>();
	const fn = (node: ProfileNode): FunctionTime => {
		const key = keyOf(node);
		let entry = functions.get(key);
		if (!entry) {
			const { functionName, url, lineNumber } = node.callFrame;
			entry = {
				name: functionName || '(anonymous)',
				where: whereOf(url, lineNumber),
				origin: originOf(url, functionName, packageName),
				selfMs: 0,
				totalMs: 0,
			};
			functions.set(key, entry);
		}
		return entry;
	};
	// The distinct functions on each node's stack, and whether the package is among them.
	const stacks = new Map<number, { keys: FunctionTime[]; underPackage: boolean }>();
	const stackOf = (id: number) => {
		let stack = stacks.get(id);
		if (stack) return stack;
		const seen = new Set<FunctionTime>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const node = byId.get(at)!;
			if (node.callFrame.functionName === '(root)') continue;
			seen.add(fn(node));
		}
		const keys = [...seen];
		stack = { keys, underPackage: keys.some((k) => k.origin === 'this package') };
		stacks.set(id, stack);
		return stack;
	};
	const calledByPackage = new Map<FunctionTime, number>();
	const byOrigin: Record<string, number> = {};
	let cpuUs = 0;
	let underPackageUs = 0;
	const { at, duration } = sampleTimes(profile);
	for (let i = 0; i < profile.samples.length; i++) {
		if (!windows.some((w) => at[i] >= w.fromUs && at[i] < w.toUs)) continue;
		const node = byId.get(profile.samples[i])!;
		if (node.callFrame.functionName === '(idle)') continue;
		const us = duration[i];
		cpuUs += us;
		const own = fn(node);
		own.selfMs += us / 1000;
		byOrigin[own.origin] = (byOrigin[own.origin] ?? 0) + us / 1000;
		const stack = stackOf(node.id);
		for (const entry of stack.keys) entry.totalMs += us / 1000;
		if (stack.underPackage) {
			underPackageUs += us;
			calledByPackage.set(own, (calledByPackage.get(own) ?? 0) + us / 1000);
		}
	}
	const all = [...functions.values()];
	const round = (ms: number) => Math.round(ms * 10) / 10;
	const rounded = (f: FunctionTime): FunctionTime => ({
		...f,
		selfMs: round(f.selfMs),
		totalMs: round(f.totalMs),
	});
	return {
		cpuMs: round(cpuUs / 1000),
		byOrigin: Object.fromEntries(
			Object.entries(byOrigin)
				.sort((a, b) => b[1] - a[1])
				.map(([origin, ms]) => [origin, round(ms)]),
		),
		underPackageMs: round(underPackageUs / 1000),
		topSelf: all
			.sort((a, b) => b.selfMs - a.selfMs)
			.slice(0, top)
			.map(rounded),
		packageFunctions: all
			.filter((f) => f.origin === 'this package' && f.totalMs > 0)
			.sort((a, b) => b.totalMs - a.totalMs)
			.slice(0, top)
			.map(rounded),
		calledByPackage: [...calledByPackage.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([f, ms]) => ({ ...rounded(f), selfMs: round(ms) })),
	};
}
