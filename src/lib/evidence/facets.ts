/**
 * Words for a dataset's own vocabulary: its population facets and their values, in the
 * reader's language. The dataset declares them; the dashboard's code names none of them.
 */
import type { Dataset, Facet, Indication, LocalisedText } from './schema';

export type Language = 'en' | 'nl';

/** The text in the reader's language, English when the dataset gives no translation. */
export function localised(text: LocalisedText, language: Language): string {
	return (language === 'nl' ? text.nl : undefined) ?? text.en;
}

export function facetById(dataset: Pick<Dataset, 'facets'>, id: string): Facet | undefined {
	return dataset.facets.find((f) => f.id === id);
}

export function facetLabel(dataset: Pick<Dataset, 'facets'>, id: string, language: Language) {
	const facet = facetById(dataset, id);
	return facet ? localised(facet.label, language) : id;
}

/** A value's label (or its short label, for narrow charts and chips); the id if unknown. */
export function facetValueLabel(
	dataset: Pick<Dataset, 'facets'>,
	facetId: string,
	valueId: string,
	language: Language,
	short = false
): string {
	const value = facetById(dataset, facetId)?.values.find((v) => v.id === valueId);
	if (!value) return valueId;
	return localised((short && value.short) || value.label, language);
}

/** An indication's values for each facet of the dataset, labelled, in the dataset's order. */
export function populationFacets(
	dataset: Pick<Dataset, 'facets'>,
	indication: Indication,
	language: Language
): { id: string; label: string; values: string[] }[] {
	return dataset.facets.map((facet) => ({
		id: facet.id,
		label: localised(facet.label, language),
		values: (indication.population.facets[facet.id] ?? []).map((v) =>
			facetValueLabel(dataset, facet.id, v, language)
		)
	}));
}
