/**
 * The whole dataset as one JSON document: exactly the schema of `schema.ts`, with every
 * default written out, so what is exported is what the views showed and imports back equal.
 */
import type { Dataset } from './schema';

/** The dataset as pretty-printed JSON (tab-indented, final newline). */
export function exportDatasetJson(dataset: Dataset): string {
	return `${JSON.stringify(dataset, null, '\t')}\n`;
}
