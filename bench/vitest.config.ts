/**
 * Vitest configuration of the benchmark only (not part of `npx vitest run`): Node
 * environment, Svelte compiled by the project's own Vite plugins, one worker, GC
 * exposed so every sample starts from a collected heap.
 */
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			emitTsDeclarations: true,
			strategy: ['url', 'baseLocale']
		})
	],
	test: {
		name: 'bench',
		root: '.',
		environment: 'node',
		include: ['bench/**/*.measure.ts'],
		pool: 'forks',
		execArgv: ['--expose-gc'],
		fileParallelism: false,
		testTimeout: 60 * 60 * 1000,
		hookTimeout: 60 * 1000,
		expect: { requireAssertions: false }
	}
});
