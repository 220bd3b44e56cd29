import { loadEmbeddedDataset } from '$lib/evidence/load';
import { loadLandscapeDataset } from '$lib/evidence/load-landscape';
import { precomputeFigures, type PrecomputedFigures } from '$lib/evidence/interval-engine';

export const prerender = true;
// Every page is prerendered as <path>/index.html and linked as <path>/ (see $lib/i18n/links):
// the one layout every static host serves without rewrites.
export const trailingSlash = 'always';

const figures = new Map<string, PrecomputedFigures>();

/**
 * The embedded dataset a page shows: the landscape on the /landscape routes, the default
 * elsewhere. Read from the route, not the URL, so a change of query (filters, compare picks)
 * never re-runs this load in the browser.
 */
function datasetFor(routeId: string | null) {
	const landscape = routeId === '/landscape' || !!routeId?.startsWith('/landscape/');
	return {
		key: landscape ? 'landscape' : 'default',
		dataset: landscape ? loadLandscapeDataset() : loadEmbeddedDataset()
	};
}

export function load({ route }) {
	const { key, dataset } = datasetFor(route.id);
	// Every interval and two-arm effect the embedded dataset shows, computed here at build
	// time, so the browser shows them without loading the statistics module.
	if (!figures.has(key)) figures.set(key, precomputeFigures(dataset));
	return { dataset, figures: figures.get(key)! };
}
