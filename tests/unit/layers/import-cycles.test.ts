import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { importCycles } from './import-graph';

describe('import cycles', () => {
	test('the source tree has none, .svelte files included', async () => {
		expect(await importCycles(process.cwd())).toEqual([]);
	}, 60_000);

	const fixture = mkdtempSync(path.join(tmpdir(), 'cycle-fixture-'));
	afterAll(() => rmSync(fixture, { recursive: true, force: true }));

	test('a cycle through a .svelte file and a $lib import is found', async () => {
		// The shape of the cycle the export menu once closed: shell -> menu -> registry -> shell.
		const file = (name: string, text: string) => {
			mkdirSync(path.dirname(path.join(fixture, name)), { recursive: true });
			writeFileSync(path.join(fixture, name), text);
		};
		file(
			'src/lib/charts/Shell.svelte',
			'<script lang="ts">\n\timport Menu from \'$lib/components/Menu.svelte\';\n</script>\n<Menu />\n'
		);
		file(
			'src/lib/components/Menu.svelte',
			'<script lang="ts">\n\timport { charts } from \'$lib/charts/registry\';\n</script>\n<p>{charts}</p>\n'
		);
		file('src/lib/charts/registry.ts', "export const charts = () => import('./Shell.svelte');\n");
		file('src/lib/charts/leaf.ts', 'export const leaf = 1;\n');
		const cycles = await importCycles(fixture);
		expect(cycles.map((cycle) => [...cycle].sort())).toEqual([
			[
				'src/lib/charts/Shell.svelte',
				'src/lib/charts/registry.ts',
				'src/lib/components/Menu.svelte'
			]
		]);
	});
});
