/**
 * Which source file a browser CPU profile's time belongs to. Every sample is charged to
 * the innermost frame on its stack that comes from our code (src/…), found through the
 * build's hidden source maps; a sample with none of our code on its stack is charged to
 * the package it ran in (svelte's runtime, SvelteKit's router…) or to the browser
 * ("(garbage collector)", and "(program)": style, layout and paint work outside
 * JavaScript). So "ResponseForest.svelte 40 ms" means time in that component's code and
 * in the runtime and DOM calls it made.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const B64 = Object.fromEntries(
	[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i])
);

/** Per generated line: sorted [column, sourceIndex] segments. */
function decodeMappings(mappings) {
	const lines = [];
	let source = 0;
	for (const line of mappings.split(';')) {
		const segments = [];
		let column = 0;
		for (const segment of line.split(',')) {
			if (!segment) continue;
			const values = [];
			let value = 0;
			let shift = 0;
			for (const char of segment) {
				const digit = B64[char];
				value += (digit & 31) << shift;
				if (digit & 32) shift += 5;
				else {
					values.push(value & 1 ? -(value >>> 1) : value >>> 1);
					value = 0;
					shift = 0;
				}
			}
			column += values[0];
			if (values.length > 1) {
				source += values[1];
				// Later fields (line, column, name) are relative too, but we need only the source.
				segments.push([column, source]);
			}
		}
		lines.push(segments);
	}
	return lines;
}

/** Where a source path belongs: a file of ours, or a package. */
export function sourceGroup(path) {
	const clean = path.replace(/^(\.\.\/|\.\/)+/, '').replace(/\?.*$/, '');
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
	if (pkg) return { ours: false, group: pkg[1].startsWith('@stdlib/') ? '@stdlib/*' : pkg[1] };
	if (/(^|\/)(\.svelte-kit\/)?generated\//.test(clean))
		return { ours: false, group: '@sveltejs/kit' };
	const ours = /(?:^|\/)(src\/.+)$/.exec(clean);
	if (ours) return { ours: true, group: ours[1].replace(/^src\/(lib\/)?/, '') };
	if (clean.includes('.svelte-kit/generated')) return { ours: false, group: '@sveltejs/kit' };
	return { ours: false, group: clean || '(unmapped)' };
}

/**
 * @param {object} profile a CDP Profiler profile
 * @param {(url: string) => string | null} fileOf maps a script URL to its built file on disk
 * @param {number} updates how many updates the profile covers (times are per update)
 */
export function attributeProfile(profile, fileOf, updates = 1) {
	const maps = new Map();
	const mapFor = (url) => {
		if (maps.has(url)) return maps.get(url);
		let entry = null;
		const file = url ? fileOf(url) : null;
		if (file && existsSync(`${file}.map`)) {
			const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
			// Absolute paths: a build inside node_modules/.cache has sources like ../../../svelte/src/….
			const base = resolve(dirname(file), map.sourceRoot ?? '');
			entry = {
				sources: map.sources.map((s) => resolve(base, s)),
				lines: decodeMappings(map.mappings)
			};
		}
		maps.set(url, entry);
		return entry;
	};
	const locate = (frame) => {
		const map = mapFor(frame.url);
		if (!map) return null;
		const segments = map.lines[frame.lineNumber];
		if (!segments?.length) return null;
		let lo = 0;
		let hi = segments.length - 1;
		if (frame.columnNumber < segments[0][0]) return sourceGroup(map.sources[segments[0][1]] ?? '');
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (segments[mid][0] <= frame.columnNumber) lo = mid;
			else hi = mid - 1;
		}
		return sourceGroup(map.sources[segments[lo][1]] ?? '');
	};

	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const located = new Map();
	const where = (id) => {
		if (!located.has(id)) located.set(id, locate(nodes.get(id).callFrame));
		return located.get(id);
	};
	const charged = new Map();
	const chargeOf = (leaf) => {
		if (charged.has(leaf)) return charged.get(leaf);
		const name = nodes.get(leaf).callFrame.functionName;
		let result;
		if (['(garbage collector)', '(program)', '(idle)', '(root)'].includes(name)) result = name;
		else {
			let fallback = null;
			for (let id = leaf; id !== undefined; id = parent.get(id)) {
				const loc = where(id);
				if (!loc) continue;
				if (loc.ours) {
					result = loc.group;
					break;
				}
				fallback ??= loc.group;
			}
			result ??= fallback ?? '(browser: DOM, events)';
		}
		charged.set(leaf, result);
		return result;
	};
	const totals = new Map();
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	for (let i = 0; i < samples.length; i++) {
		const key = chargeOf(samples[i]);
		totals.set(key, (totals.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
	}
	totals.delete('(idle)');
	totals.delete('(root)');
	return [...totals.entries()]
		.map(([name, ms]) => ({ name, ms: Math.round((ms / updates) * 10) / 10 }))
		.sort((a, b) => b.ms - a.ms);
}

/** URL → built file, for the bench's server layout (site at /, harness at /__bench/). */
export function fileResolver(mounts) {
	return (url) => {
		try {
			const { pathname } = new URL(url);
			const mount = mounts.find((m) => pathname.startsWith(m.prefix));
			return mount ? join(mount.dir, pathname.slice(mount.prefix.length)) : null;
		} catch {
			return null;
		}
	};
}
