/**
 * Page weight of a prerendered page: the HTML, the CSS it links, and the JavaScript
 * the browser loads before the page is interactive — the modulepreload links, the
 * modules the inline start script imports, and every static import they pull in —
 * each gzipped (level 9, as a precompressing static host would). Dynamic imports
 * (code loaded on first use, e.g. exporters) are listed apart, not counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Static and dynamic relative imports of a built ES module. */
export function moduleImports(code) {
	const statics = new Set();
	const dynamics = new Set();
	// import{a}from"./x.js" · import"./x.js" · export{a}from"./x.js" (minified or not)
	for (const m of code.matchAll(
		/(?:^|[;\s}])(?:import|export)\s*(?:[\w*$\s{},]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g
	))
		statics.add(m[1]);
	for (const m of code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g))
		dynamics.add(m[1]);
	return { statics: [...statics], dynamics: [...dynamics] };
}

/** Chunk file → the source modules the Vite manifest names for it. */
function manifestNames(root) {
	const path = join(root, '.svelte-kit/output/client/.vite/manifest.json');
	const names = new Map();
	if (!existsSync(path)) return names;
	const manifest = JSON.parse(readFileSync(path, 'utf8'));
	for (const [key, entry] of Object.entries(manifest)) {
		const label = (entry.src ?? entry.name ?? key)
			.replace(/^\.svelte-kit\/generated\/client-optimized\//, 'sveltekit:')
			.replace(/^node_modules\//, '');
		names.set(entry.file, [...(names.get(entry.file) ?? []), label]);
	}
	return names;
}

/**
 * @param {{ root: string, buildDir?: string, page?: string }} options  page: the HTML file, e.g. "index.html"
 */
export function pageWeight({ root, buildDir = join(root, 'build'), page = 'index.html' }) {
	const htmlPath = join(buildDir, page);
	if (!existsSync(htmlPath)) return null;
	const html = readFileSync(htmlPath);
	const text = html.toString('utf8');
	const base = dirname(htmlPath);
	const names = manifestNames(root);

	const cssFiles = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)]
		.map((m) => /href="([^"]+)"/.exec(m[0])?.[1])
		.filter((href) => href && !/^(https?:)?\/\//.test(href));
	const entryJs = new Set([
		...[...text.matchAll(/<link[^>]*rel="modulepreload"[^>]*>/g)].map(
			(m) => /href="([^"]+)"/.exec(m[0])?.[1]
		),
		...[...text.matchAll(/<script[^>]*src="([^"]+\.js)"/g)].map((m) => m[1]),
		// The inline start script imports the entries.
		...[...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].flatMap((m) =>
			[...m[1].matchAll(/\bimport\(\s*"([^"]+\.js)"\s*\)/g)].map((i) => i[1])
		)
	]);

	const toFile = (from, href) => join(href.startsWith('/') ? buildDir : from, href);
	const initial = new Map();
	const lazy = new Map();
	const queue = [...entryJs].filter(Boolean).map((href) => toFile(base, href));
	while (queue.length) {
		const file = queue.shift();
		if (initial.has(file) || !existsSync(file)) continue;
		const code = readFileSync(file);
		initial.set(file, code);
		const { statics, dynamics } = moduleImports(code.toString('utf8'));
		for (const s of statics) queue.push(join(dirname(file), s));
		for (const d of dynamics) lazy.set(join(dirname(file), d), true);
	}
	// Lazy chunks and their own static imports that are not loaded up front.
	const lazyFiles = new Map();
	const lazyQueue = [...lazy.keys()];
	while (lazyQueue.length) {
		const file = lazyQueue.shift();
		if (initial.has(file) || lazyFiles.has(file) || !existsSync(file)) continue;
		const code = readFileSync(file);
		lazyFiles.set(file, code);
		for (const s of moduleImports(code.toString('utf8')).statics)
			lazyQueue.push(join(dirname(file), s));
	}

	const describe = (file, code) => {
		const rel = relative(buildDir, file).split('\\').join(posix.sep);
		return { file: rel, bytes: code.length, gzip: gz(code), modules: names.get(rel) ?? [] };
	};
	const js = [...initial]
		.map(([file, code]) => describe(file, code))
		.sort((a, b) => b.gzip - a.gzip);
	const css = cssFiles.map((href) =>
		describe(toFile(base, href), readFileSync(toFile(base, href)))
	);
	const lazyJs = [...lazyFiles]
		.map(([file, code]) => describe(file, code))
		.sort((a, b) => b.gzip - a.gzip);
	const sum = (items, key) => items.reduce((n, i) => n + i[key], 0);
	return {
		page,
		html: { bytes: html.length, gzip: gz(html) },
		js: { files: js.length, bytes: sum(js, 'bytes'), gzip: sum(js, 'gzip'), chunks: js },
		css: { files: css.length, bytes: sum(css, 'bytes'), gzip: sum(css, 'gzip'), chunks: css },
		lazyJs: {
			files: lazyJs.length,
			bytes: sum(lazyJs, 'bytes'),
			gzip: sum(lazyJs, 'gzip'),
			chunks: lazyJs.slice(0, 15)
		}
	};
}

const B64 = Object.fromEntries(
	[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i])
);

/** Decodes one line of source-map mappings into [generatedColumn, sourceIndex] segments. */
function decodeLine(line, state) {
	const segments = [];
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
		state.column += values[0];
		if (values.length > 1) state.source += values[1];
		segments.push([state.column, values.length > 1 ? state.source : -1]);
	}
	return segments;
}

/** Where a source path comes from: an npm package, or a folder of ours. */
export function moduleGroup(source) {
	const path = source.replace(/^(\.\.\/)+/, '').replace(/^\/?/, '');
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
	if (pkg) {
		// @stdlib splits into hundreds of packages: one group.
		return pkg[1].startsWith('@stdlib/') ? '@stdlib/*' : pkg[1];
	}
	const ours = /(src\/(?:lib\/[^/]+(?:\/[^/]+)?|routes)|\.svelte-kit\/generated)/.exec(path);
	if (ours) return ours[1].replace(/\/[^/]+\.(svelte|ts|js)$/, '');
	return path || '(unmapped)';
}

/**
 * Bytes of each built chunk by the package or folder its code came from, read from the
 * chunk's hidden source map (`vite build --sourcemap hidden`). Gzip bytes are estimated
 * as the group's share of the chunk's raw bytes times the chunk's gzip size.
 */
export function attributeChunks(buildDir, chunks) {
	const groups = new Map();
	let mapped = 0;
	for (const chunk of chunks) {
		const file = join(buildDir, chunk.file);
		const mapFile = `${file}.map`;
		if (!existsSync(mapFile)) continue;
		mapped++;
		const map = JSON.parse(readFileSync(mapFile, 'utf8'));
		const lines = readFileSync(file, 'utf8').split('\n');
		const state = { column: 0, source: 0 };
		const bytes = new Map();
		map.mappings.split(';').forEach((line, i) => {
			state.column = 0;
			const segments = decodeLine(line, state);
			const text = lines[i] ?? '';
			segments.forEach(([column, source], j) => {
				const end = j + 1 < segments.length ? segments[j + 1][0] : text.length;
				const group = source < 0 ? '(generated)' : moduleGroup(map.sources[source] ?? '');
				bytes.set(group, (bytes.get(group) ?? 0) + Buffer.byteLength(text.slice(column, end)));
			});
		});
		const total = [...bytes.values()].reduce((a, b) => a + b, 0) || 1;
		for (const [group, b] of bytes) {
			const g = groups.get(group) ?? { group, bytes: 0, gzip: 0 };
			g.bytes += b;
			g.gzip += (b / total) * chunk.gzip;
			groups.set(group, g);
		}
	}
	if (!mapped) return null;
	return [...groups.values()]
		.map((g) => ({ ...g, gzip: Math.round(g.gzip) }))
		.sort((a, b) => b.gzip - a.gzip);
}
