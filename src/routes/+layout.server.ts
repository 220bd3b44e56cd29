import { loadEmbeddedDataset } from '$lib/evidence/load';

export const prerender = true;
export const trailingSlash = 'never';

export function load() {
	return { dataset: loadEmbeddedDataset() };
}
