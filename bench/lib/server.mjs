/**
 * A small static server for the benchmark: the built site (`build/`) at `/`, the bench
 * harness at `/__bench/`, gzip for text as a static host would send it, long caching
 * for SvelteKit's immutable assets. SvelteKit's prerendered pages resolve as
 * `/path` → `path.html` or `path/index.html`.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.wasm': 'application/wasm'
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest|javascript)|image\/svg)/;

async function isFile(path) {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

/**
 * @param {{ port: number, host?: string, mounts: { prefix: string, dir: string }[] }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic({ port, host = '127.0.0.1', mounts }) {
	const cache = new Map();
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const pathname = decodeURIComponent(url.pathname);
		const mount = mounts.find((m) => pathname.startsWith(m.prefix)) ?? mounts.at(-1);
		const rel = normalize(pathname.slice(mount.prefix.length)).replace(/^(\.\.[/\\])+/, '');
		const base = join(mount.dir, rel);
		const candidates = [base, `${base}.html`, join(base, 'index.html')];
		let file;
		for (const candidate of candidates)
			if (await isFile(candidate)) {
				file = candidate;
				break;
			}
		if (!file) {
			res.writeHead(404, { 'content-type': 'text/plain' });
			res.end('not found');
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		let body = cache.get(file);
		if (!body) {
			const raw = await readFile(file);
			body = { raw, gzip: COMPRESSIBLE.test(type) ? gzipSync(raw, { level: 9 }) : null };
			cache.set(file, body);
		}
		const gzip = body.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		res.writeHead(200, {
			'content-type': type,
			'cache-control': file.includes('/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache',
			...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
			'content-length': String(gzip ? body.gzip.length : body.raw.length)
		});
		res.end(req.method === 'HEAD' ? undefined : gzip ? body.gzip : body.raw);
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	return {
		url: `http://${host}:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
