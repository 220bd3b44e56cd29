import { exportDatasetCsv } from '$lib/evidence/dataset-csv';
import { loadEmbeddedDataset } from '$lib/evidence/load';

// A static file in the build: the download works without JavaScript.
export const prerender = true;

export function GET(): Response {
	return new Response(exportDatasetCsv(loadEmbeddedDataset()), {
		headers: { 'content-type': 'text/csv; charset=utf-8' }
	});
}
