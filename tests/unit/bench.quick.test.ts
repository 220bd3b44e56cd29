/**
 * The benchmark still runs: `npm run bench -- --quick` (render comparison at 10 and 100
 * results; page weight when build/ exists) finishes and writes results in which every
 * library drew every row. It checks that the bench works, not how fast anything is.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), 'bench-quick-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench -- --quick', () => {
	it(
		'runs and writes results with every row drawn by every library',
		{ timeout: 180_000 },
		async () => {
			const env = { ...process.env };
			for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
			await run('node', ['bench/run.mjs', '--quick', '--only=render,weight', `--out=${out}`], {
				env,
				maxBuffer: 16 * 1024 * 1024
			});
			const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
			expect(results.render.sizes.map((s: { results: number }) => s.results)).toEqual([10, 100]);
			for (const size of results.render.sizes) {
				expect(size.valid).toBe(true);
				for (const lib of ['ours', 'plot', 'vegaLite']) {
					expect(size.libraries[lib].points).toBe(size.results);
					expect(size.libraries[lib].median).toBeGreaterThan(0);
					expect(size.libraries[lib].n).toBe(3);
				}
				expect(Number.isFinite(size.ratios.oursOverPlot)).toBe(true);
				expect(Number.isFinite(size.ratios.oursOverVegaLite)).toBe(true);
			}
			const md = readFileSync(join(out, 'results.md'), 'utf8');
			expect(md).toContain('Observable Plot');
			expect(md).toMatch(/\|\s*100\s*\|/);
		}
	);
});
