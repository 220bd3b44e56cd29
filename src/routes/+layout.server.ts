import { loadEmbeddedDataset } from '$lib/evidence/load';
import { loadLandscapeDataset } from '$lib/evidence/load-landscape';
import { precomputeFigures, type PrecomputedFigures } from '$lib/evidence/interval-engine';
import { deLocalizeHref } from '$lib/i18n/links';

export const prerender = true;
// Every page is prerendered as <path>/index.html and linked as <path>/ (see $lib/i18n/links):
// the one layout every static host serves without rewrites.
export const trailingSlash = 'always';

const figures = new Map<string, PrecomputedFigures>();

/** The embedded dataset a path shows: the landscape under /landscape, the default elsewhere. */
function datasetFor(url: URL) {
	const path = deLocalizeHref(url.pathname);
	const landscape = path === '/landscape' || path.startsWith('/landscape/');
	return {
		key: landscape ? 'landscape' : 'default',
		dataset: landscape ? loadLandscapeDataset() : loadEmbeddedDataset()
	};
}

export function load({ url }) {
	const { key, dataset } = datasetFor(url);
	// Every interval and two-arm effect the embedded dataset shows, computed here at build
	// time, so the browser shows them without loading the statistics module.
	if (!figures.has(key)) figures.set(key, precomputeFigures(dataset));
	return { dataset, figures: figures.get(key)! };
}
