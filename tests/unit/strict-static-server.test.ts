import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lookup } from '../deploy/strict-static-server.mjs';

// The rules of the strict server the deploy e2e tests use; it must be as strict as GitHub Pages.
const root = mkdtempSync(join(tmpdir(), 'strict-server-'));
for (const file of [
	'index.html',
	'nl/index.html',
	'studies/x/index.html',
	'old.html',
	'data/a.json'
]) {
	mkdirSync(join(root, file, '..'), { recursive: true });
	writeFileSync(join(root, file), file);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('strict static server lookup', () => {
	it.each([
		['', '/', { file: join(root, 'index.html') }],
		['', '/nl/', { file: join(root, 'nl/index.html') }],
		['', '/nl', { redirect: '/nl/' }],
		['', '/studies/x/', { file: join(root, 'studies/x/index.html') }],
		['', '/old', { file: join(root, 'old.html') }],
		// /x/ never falls back to x.html (a lenient server would, and break relative paths).
		['', '/old/', { miss: true }],
		['', '/data/a.json', { file: join(root, 'data/a.json') }],
		['', '/studies/y/', { miss: true }],
		['', '/../etc/passwd', { miss: true }],
		['/team/evidence', '/team/evidence/nl/', { file: join(root, 'nl/index.html') }],
		['/team/evidence', '/team/evidence', { redirect: '/team/evidence/' }],
		['/team/evidence', '/nl/', { miss: true, outside: true }]
	])('base %j: %s', async (base, path, expected) => {
		expect(await lookup(root, base, path)).toEqual(expected);
	});
});
