import { fileURLToPath } from 'node:url';
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
			// 'url' first, or /nl would prerender in English.
			strategy: ['url', 'baseLocale']
		})
	],
	server: { fs: { allow: ['data'] } },
	resolve: {
		alias: {
			// @stdlib's series and continued-fraction helpers ask this module whether generators
			// work, and it finds out with eval(): a CSP violation report on every page that loads
			// the statistics. Generators are ES2015; the answer is fixed at build time.
			'@stdlib/assert-has-generator-support': fileURLToPath(
				new URL('./src/lib/stats/shims/has-generator-support.cjs', import.meta.url)
			)
		}
	},
	build: {
		// The favicon as a file, not a data URL inlined into the layout's JavaScript (first load).
		assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined)
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.{test,spec}.{js,ts}', 'tests/unit/**/*.{test,spec}.{js,ts}'],
					exclude: [
						'src/**/*.svelte.{test,spec}.{js,ts}',
						'tests/unit/**/*.svelte.{test,spec}.{js,ts}'
					]
				}
			},
			{
				extends: './vite.config.ts',
				resolve: { conditions: ['browser'] },
				test: {
					name: 'client',
					environment: 'jsdom',
					include: [
						'src/**/*.svelte.{test,spec}.{js,ts}',
						'tests/unit/**/*.svelte.{test,spec}.{js,ts}'
					],
					setupFiles: ['./src/vitest-setup-client.ts']
				}
			}
		]
	}
});
