#!/usr/bin/env node
/**
 * A strict static file server, the way GitHub Pages and S3 serve a folder: no rewrites, no
 * guessing. The tests bring it so that the site is checked against such a host, not only
 * against `vite preview` (which is lenient and hides broken links).
 *
 *   /x/   → x/index.html, nothing else
 *   /x    → the file x, else x.html; a folder x (with index.html) → 301 to /x/
 *   miss  → --miss 404: 404.html with status 404 (GitHub Pages, S3 error document)
 *           --miss 200: 200.html with status 200 (Surge, Netlify's SPA rewrite)
 *           --miss none: a bare 404
 *
 * Usage: node strict-static-server.mjs --root build [--base /sub] [--port 4174] [--miss 404]
 * With --base, the folder is served under that path only (a GitHub Pages project site);
 * the miss page is looked up inside the folder, as the host does for the site's own 404.html.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** @type {Record<string, string>} */
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ttf': 'font/ttf',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm'
};

/** @param {string} path */
async function isFile(path) {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

/**
 * What to answer for a request path: `{ file, status }`, `{ redirect }`, or `{ miss: true }`.
 * Exported for the unit test of the rules.
 * @param {string} root absolute folder
 * @param {string} base base path without a trailing slash, or ''
 * @param {string} rawPath the request's path, still URL-encoded
 * @returns {Promise<{ file?: string, redirect?: string, miss?: boolean, outside?: boolean }>}
 */
export async function lookup(root, base, rawPath) {
	let pathname;
	try {
		pathname = decodeURIComponent(rawPath);
	} catch {
		return { miss: true };
	}
	if (base) {
		if (pathname === base) return { redirect: `${base}/` };
		if (!pathname.startsWith(`${base}/`)) return { miss: true, outside: true };
		pathname = pathname.slice(base.length);
	}
	const target = normalize(join(root, pathname));
	if (target !== root && !target.startsWith(root + sep)) return { miss: true };
	if (pathname.endsWith('/')) {
		const index = join(target, 'index.html');
		return (await isFile(index)) ? { file: index } : { miss: true };
	}
	if (await isFile(target)) return { file: target };
	if (await isFile(`${target}.html`)) return { file: `${target}.html` };
	if (await isFile(join(target, 'index.html'))) return { redirect: `${base}${pathname}/` };
	return { miss: true };
}

/**
 * @param {{ root: string, base?: string, port?: number, miss?: '404' | '200' | 'none', host?: string }} options
 * @returns {Promise<import('node:http').Server>}
 */
export function startServer({ root, base = '', port = 0, miss = '404', host = '127.0.0.1' }) {
	const folder = resolve(root);
	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const found = await lookup(folder, base, url.pathname);
		if (found.redirect) {
			response.writeHead(301, { location: found.redirect + url.search });
			response.end();
			return;
		}
		let file = found.file;
		let status = 200;
		if (!file) {
			const page = miss === '200' ? '200.html' : miss === '404' ? '404.html' : undefined;
			status = miss === '200' ? 200 : 404;
			file =
				page && !found.outside && (await isFile(join(folder, page)))
					? join(folder, page)
					: undefined;
			if (!file) {
				response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
				response.end('Not found');
				return;
			}
		}
		const body = await readFile(file);
		response.writeHead(status, {
			'content-type': types[extname(file)] ?? 'application/octet-stream',
			'content-length': body.length
		});
		response.end(request.method === 'HEAD' ? undefined : body);
	});
	return new Promise((ready, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => ready(server));
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = Object.fromEntries(
		process.argv.slice(2).reduce((pairs, arg, i, all) => {
			if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
			return pairs;
		}, /** @type {[string, string][]} */ ([]))
	);
	const server = await startServer({
		root: args.root ?? 'build',
		base: (args.base ?? '').replace(/\/+$/, ''),
		port: Number(args.port ?? 4174),
		miss: /** @type {'404' | '200' | 'none'} */ (args.miss ?? '404')
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	console.log(`strict static server: http://127.0.0.1:${address.port}${args.base ?? ''}/`);
}
