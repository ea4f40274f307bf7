#!/usr/bin/env node
// Adds lock-file entries for platform-specific optional packages that the
// package registry used here does not serve (other operating systems and CPUs).
// Without them `npm ci` refuses the lock file as "out of sync", although npm
// would skip those packages on this platform anyway. Run after `npm install`.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = [
	'android',
	'darwin',
	'freebsd',
	'linux',
	'openharmony',
	'win32',
	'sunos',
	'aix',
	'netbsd',
	'openbsd',
];
const CPU = {
	'arm-eabi': 'arm',
	gnueabihf: 'arm',
	musleabihf: 'arm',
	arm64: 'arm64',
	x64: 'x64',
	ia32: 'ia32',
	loong64: 'loong64',
	ppc64: 'ppc64',
	riscv64: 'riscv64',
	s390x: 's390x',
};

function platformOf(name) {
	const os = OS.find((o) => name.includes(`-${o}-`));
	const cpuKey = Object.keys(CPU).find((c) => name.includes(`-${c}`));
	if (!os || !cpuKey) return undefined;
	const platform = { os: [os], cpu: [CPU[cpuKey]] };
	if (os === 'linux') platform.libc = [name.includes('musl') ? 'musl' : 'glibc'];
	return platform;
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
	for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const base = location === '' ? 'node_modules' : `${location}/node_modules`;
		const candidates = [`${base}/${dep}`, `node_modules/${dep}`];
		if (candidates.some((c) => packages[c])) continue;
		const platform = platformOf(dep);
		if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
		packages[`node_modules/${dep}`] = { version, dev: true, optional: true, ...platform };
		added++;
	}
}
if (added) fs.writeFileSync(lockPath, JSON.stringify(lock, null, '\t') + '\n');
console.log(`complete-lockfile: added ${added} platform entries`);
