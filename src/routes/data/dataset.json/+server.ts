import { exportDatasetJson } from '$lib/evidence/dataset-json';
import { loadEmbeddedDataset } from '$lib/evidence/load';

// A static file in the build: the download works without JavaScript.
export const prerender = true;

export function GET(): Response {
	return new Response(exportDatasetJson(loadEmbeddedDataset()), {
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});
}
