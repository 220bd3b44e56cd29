/**
 * The names a chart shows for the ids a dataset links by: a source's short citation, a
 * study's name, an indication's label. An id the dataset does not name is shown as is,
 * so a broken link is visible rather than hidden.
 */
import type { Dataset } from '$lib/evidence/schema';

export interface DatasetNames {
	source: (sourceId: string) => string;
	study: (studyId: string) => string;
	indication: (indicationId: string) => string;
	/** The language a source is written in, for `lang` on quotes from it. */
	sourceLanguage: (sourceId: string) => string | undefined;
}

export function datasetNames(
	dataset: Pick<Dataset, 'sources' | 'studies' | 'indications'>
): DatasetNames {
	const sources = new Map(dataset.sources.map((s) => [s.id, s]));
	const studies = new Map(dataset.studies.map((s) => [s.id, s.name]));
	const indications = new Map(dataset.indications.map((i) => [i.id, i.label]));
	return {
		source: (id) => sources.get(id)?.shortCitation ?? id,
		study: (id) => studies.get(id) ?? id,
		indication: (id) => indications.get(id) ?? id,
		sourceLanguage: (id) => sources.get(id)?.language
	};
}
