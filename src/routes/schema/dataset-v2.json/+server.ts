import { asset } from '$app/paths';
import { DATASET_SCHEMA_PATH, datasetJsonSchema } from '$lib/evidence/json-schema';

// A static file in the build, so other tools can fetch the schema from the published site.
export const prerender = true;

export function GET(): Response {
	return new Response(
		`${JSON.stringify(datasetJsonSchema(asset(DATASET_SCHEMA_PATH)), null, '\t')}\n`,
		{
			headers: { 'content-type': 'application/schema+json; charset=utf-8' }
		}
	);
}
