/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals --
   Benchmark tooling, never published: it reads the CPU time of the n8n server it started. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of a process and its descendants (n8n may run task runners as child
 * processes), from Linux's /proc/<pid>/stat: user + system time in clock ticks
 * (`getconf CLK_TCK`, normally 100 a second), turned into milliseconds.
 */

function clockTicks(): number {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
}

export const CLOCK_TICKS_PER_SECOND = clockTicks();

/** Whether this machine has /proc to read (Linux). */
export const canReadProcessCpu = existsSync('/proc/self/stat');

interface Stat {
	pid: number;
	ppid: number;
	command: string;
	/** utime + stime of the process itself, in ticks. */
	own: number;
	/** cutime + cstime: time of its children that ended and were waited for, in ticks. */
	ended: number;
}

function readStat(pid: number): Stat | undefined {
	let text: string;
	try {
		text = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return undefined; // ended meanwhile
	}
	// The command (field 2) is in parentheses and may hold spaces: split after the last ")".
	const close = text.lastIndexOf(')');
	const command = text.slice(text.indexOf('(') + 1, close);
	const fields = text
		.slice(close + 2)
		.split(' ')
		.map(Number);
	// fields[0] is field 3 (state); ppid is field 4, utime..cstime are fields 14 to 17.
	return {
		pid,
		ppid: fields[1],
		command,
		own: fields[11] + fields[12],
		ended: fields[13] + fields[14],
	};
}

/** The live descendants of a process (children, their children, …). */
export function descendantsOf(pid: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = readStat(Number(entry));
		if (!stat) continue;
		children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
	}
	const found: number[] = [];
	const queue = [...(children.get(pid) ?? [])];
	while (queue.length) {
		const next = queue.shift()!;
		found.push(next);
		queue.push(...(children.get(next) ?? []));
	}
	return found;
}

export interface TreeCpu {
	/** CPU time of the process and every descendant, alive or ended, in ms. */
	ms: number;
	/** The processes counted: the root first, then its live descendants. */
	processes: Array<{ pid: number; command: string; ms: number }>;
}

/**
 * The CPU time a process and all its descendants have used so far: each live
 * process's own time, plus the time of children that ended (which Linux adds to
 * their parent's cutime/cstime once it waits for them).
 */
export function treeCpu(pid: number): TreeCpu {
	const processes: TreeCpu['processes'] = [];
	let ticks = 0;
	for (const each of [pid, ...descendantsOf(pid)]) {
		const stat = readStat(each);
		if (!stat) continue;
		ticks += stat.own + stat.ended;
		processes.push({
			pid: each,
			command: commandLineOf(each) || stat.command,
			ms: ((stat.own + stat.ended) * 1000) / CLOCK_TICKS_PER_SECOND,
		});
	}
	return { ms: (ticks * 1000) / CLOCK_TICKS_PER_SECOND, processes };
}

/** A process's command line, shortened (empty when it ended). */
function commandLineOf(pid: number): string {
	try {
		const line = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
		return line.length > 160 ? `${line.slice(0, 157)}…` : line;
	} catch {
		return '';
	}
}

/** This script's own CPU time so far (user + system), in ms. */
export function ownCpuMs(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}
