/**
 * Builds the bench harness (bench/harness) as a static page served under /__bench/
 * by the bench's own server. Same Svelte compiler options as the site.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
	root: fileURLToPath(new URL('.', import.meta.url)),
	base: '/__bench/',
	plugins: [svelte({ configFile: `${root}svelte.config.js` })],
	resolve: {
		alias: {
			$lib: `${root}src/lib`,
			// Components read SvelteKit's page state (the export menu: the page URL).
			'$app/state': fileURLToPath(new URL('./app/state.ts', import.meta.url)),
			'$app/environment': fileURLToPath(new URL('./app/environment.ts', import.meta.url)),
			'$app/navigation': fileURLToPath(new URL('./app/navigation.ts', import.meta.url))
		}
	},
	build: {
		outDir: `${root}node_modules/.cache/bench-harness`,
		emptyOutDir: true,
		reportCompressedSize: false,
		// BENCH_PROFILE=1: readable names in CPU profiles.
		minify: !process.env.BENCH_PROFILE,
		// Hidden source maps: the bench charges CPU time to source files.
		sourcemap: 'hidden'
	},
	logLevel: 'warn'
});
