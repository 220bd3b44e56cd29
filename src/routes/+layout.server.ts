import { loadEmbeddedDataset } from '$lib/evidence/load';
import { precomputeFigures, type PrecomputedFigures } from '$lib/evidence/interval-engine';

export const prerender = true;
// Every page is prerendered as <path>/index.html and linked as <path>/ (see $lib/i18n/links):
// the one layout every static host serves without rewrites.
export const trailingSlash = 'always';

let figures: PrecomputedFigures | undefined;

export function load() {
	const dataset = loadEmbeddedDataset();
	// Every interval and two-arm effect the embedded dataset shows, computed here at build
	// time, so the browser shows them without loading the statistics module.
	figures ??= precomputeFigures(dataset);
	return { dataset, figures };
}
