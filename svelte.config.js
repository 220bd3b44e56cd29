import adapter from '@sveltejs/adapter-static';
import { copyFileSync } from 'node:fs';
import path from 'node:path';

// Where the site is published: `BASE_PATH=/some/path npm run build` for a sub-path (a GitHub
// Pages project site); empty for the root of a host. BUILD_DIR writes it elsewhere than build/.
const basePath = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');
if (basePath && !basePath.startsWith('/'))
	throw new Error(`BASE_PATH must start with "/": ${basePath}`);
const buildDir = process.env.BUILD_DIR ?? 'build';
// A second build (the deploy tests' sub-path site) keeps its own intermediate output: `vite
// preview` serves .svelte-kit/output, which must stay the site in build/.
const outDir = buildDir === 'build' ? '.svelte-kit' : `.svelte-kit-${path.basename(buildDir)}`;

// Every prerendered page, plus one fallback page for every other address (deep links into
// imported datasets, mistyped paths): 404.html for hosts that serve it on a miss (GitHub Pages,
// S3, nginx error_page), and the same file as 200.html for hosts that rewrite misses to it
// (Netlify, Surge). See "Deploy" in the README.
const staticAdapter = adapter({
	pages: buildDir,
	assets: buildDir,
	fallback: '404.html',
	strict: true
});
/** @type {import('@sveltejs/kit').Adapter} */
const staticWithBothFallbacks = {
	name: 'adapter-static (404.html and 200.html)',
	async adapt(builder) {
		await staticAdapter.adapt(builder);
		copyFileSync(path.join(buildDir, '404.html'), path.join(buildDir, '200.html'));
	}
};

// Components outside src/lib/charts that pages show as chart islands (island-registry.ts).
// LayerCake's own components (the cake, its Svg and Html layers) style every chart too.
const ISLAND_COMPONENTS = ['/src/lib/components/StudyKaplanMeier.svelte'];
const ISLAND_FOLDERS = ['/src/lib/charts/', '/node_modules/layercake/'];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	vitePlugin: {
		// Charts carry their styles in their own JavaScript and in their server render, so a
		// chart shown as an island (ChartIsland.svelte) is styled in the prerendered page
		// although the page does not load its code.
		dynamicCompileOptions: ({ filename }) => {
			const file = filename.split(/[/\\]/).join('/');
			const island =
				ISLAND_FOLDERS.some((folder) => file.includes(folder)) ||
				ISLAND_COMPONENTS.some((c) => file.endsWith(c));
			return island ? { css: 'injected' } : undefined;
		}
	},
	kit: {
		adapter: staticWithBothFallbacks,
		outDir,
		// Absolute paths (with the base) for assets and links: the fallback page is served at any
		// depth, and every page then loads its assets the same way.
		paths: { base: basePath, relative: false },
		prerender: { entries: ['*', '/nl/'] },
		// The benchmark (bench/) is type-checked and linted with the app.
		typescript: {
			config: (config) => ({
				...config,
				include: [...config.include, '../bench/**/*.ts', '../bench/**/*.svelte']
			})
		},
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte writes style attributes (chart sizes), so inline styles are allowed; scripts are not.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self', 'data:', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
