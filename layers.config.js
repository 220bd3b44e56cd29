/**
 * The layers of the code and which may import which, for eslint-plugin-boundaries (see
 * eslint.config.js) and for the test that proves the rule fires on a wrong import.
 * Imports point one way: routes -> components -> charts -> evidence/stats; export is used
 * by components and routes (never by charts); `text` (formatting, labels, messages) sits
 * just above evidence so that every layer over it can say things the same way.
 */

/** @typedef {'stats' | 'evidence' | 'digitise' | 'text' | 'charts' | 'export' | 'storage' | 'components' | 'routes' | 'app'} Layer */

/** Each layer and the files that make it (paths from the project root). */
export const layerElements = [
	{ type: 'stats', pattern: 'src/lib/stats/**' },
	{ type: 'evidence', pattern: 'src/lib/evidence/**' },
	// The digitiser's plain-TS models (calibration, tracing, projects): beside evidence.
	{ type: 'digitise', pattern: 'src/lib/digitise/**' },
	{
		type: 'text',
		pattern: ['src/lib/format*.ts', 'src/lib/labels*.ts', 'src/lib/paraglide/**', 'src/lib/i18n/**']
	},
	{ type: 'charts', pattern: 'src/lib/charts/**' },
	{ type: 'export', pattern: 'src/lib/export/**' },
	{ type: 'storage', pattern: 'src/lib/storage/**' },
	{ type: 'components', pattern: 'src/lib/components/**' },
	{ type: 'routes', pattern: 'src/routes/**' },
	// The app's own wiring (hooks, test set-up, $lib's index): may use any layer.
	{
		type: 'app',
		pattern: ['src/*.ts', 'src/lib/index.ts', 'src/lib/assets/**', 'src/lib/static-fallback*.ts']
	}
	// Patterns are whole paths from the project root ('full' mode).
].map((element) => ({ ...element, mode: 'full' }));

/** @type {Record<Layer, Layer[]>} What each layer may import, besides itself. */
export const allowedImports = {
	stats: [],
	evidence: ['stats'],
	digitise: ['evidence', 'stats'],
	text: ['evidence', 'stats'],
	charts: ['text', 'evidence', 'stats'],
	export: ['charts', 'text', 'evidence', 'stats'],
	storage: ['export', 'digitise', 'text', 'evidence', 'stats'],
	components: ['charts', 'export', 'storage', 'digitise', 'text', 'evidence', 'stats'],
	routes: [
		'components',
		'charts',
		'export',
		'storage',
		'digitise',
		'text',
		'evidence',
		'stats',
		'app'
	],
	app: [
		'routes',
		'components',
		'charts',
		'export',
		'storage',
		'digitise',
		'text',
		'evidence',
		'stats'
	]
};

/** The same, as the plugin's policies. */
export const layerPolicies = Object.entries(allowedImports).map(([from, to]) => ({
	from: { element: { type: from } },
	allow: { to: { element: { types: { anyOf: [from, ...to] } } } }
}));
