import { indirectComparisonsCsv } from '$lib/evidence/indirect-csv';
import { loadLandscapeDataset } from '$lib/evidence/load-landscape';

// A static file in the build: the download works without JavaScript.
export const prerender = true;

export function GET(): Response {
	return new Response(indirectComparisonsCsv(loadLandscapeDataset()), {
		headers: { 'content-type': 'text/csv; charset=utf-8' }
	});
}
