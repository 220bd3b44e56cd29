/**
 * Finding a study or an indication by what a reader types: a name ("tower"), a sponsor
 * code ("MT103-211", "mt103211"), a registry id ("NCT02013167") or words of a label.
 */
import { facetValueLabel } from './facets';
import type { Dataset } from './schema';

export interface SearchEntry {
	kind: 'study' | 'indication';
	id: string;
	title: string;
	/** A short second line: code and registry id, or the population. */
	detail: string;
	/** Site path of the entry, before localisation. */
	path: string;
	/** Strong terms (name, code, registry id) rank above words of labels. */
	strong: string[];
	weak: string[];
}

export interface SearchHit extends SearchEntry {
	score: number;
}

/** Lower case, accents and punctuation dropped: "Gökbuget" → "gokbuget", "MT103-211" → "mt103 211". */
export function normalise(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

const compact = (text: string) => normalise(text).replace(/ /g, '');

/**
 * Every study and indication of a dataset as search entries. `root` is the address prefix the
 * dataset's pages live under ('' for the default dataset, '/landscape' for the landscape), so
 * a hit opens that dataset's page, not the default dataset's page of the same id.
 */
export function searchIndex(dataset: Dataset, root = ''): SearchEntry[] {
	const labelOf = new Map(dataset.indications.map((i) => [i.id, i.label]));
	const studies: SearchEntry[] = dataset.studies.map((study) => ({
		kind: 'study',
		id: study.id,
		title: study.name,
		detail: [study.code !== study.name ? study.code : undefined, study.registryId]
			.filter(Boolean)
			.join(' · '),
		path: `${root}/studies/${study.id}`,
		strong: [study.name, study.code, study.registryId, study.id].filter((t): t is string => !!t),
		weak: [study.population, ...study.indicationIds.map((id) => labelOf.get(id) ?? '')]
	}));
	const indications: SearchEntry[] = dataset.indications.map((indication) => ({
		kind: 'indication',
		id: indication.id,
		title: indication.label,
		detail: indication.population.age ?? '',
		path: `${root}/indications/${indication.id}`,
		strong: [indication.label, indication.id],
		// Facet values in both languages, so "adults" and "volwassenen" both find it.
		weak: [
			indication.population.description,
			...Object.entries(indication.population.facets).flatMap(([facetId, values]) =>
				values.flatMap((value) =>
					(['en', 'nl'] as const).map((lang) => facetValueLabel(dataset, facetId, value, lang))
				)
			)
		]
	}));
	return [...studies, ...indications];
}

function scoreEntry(entry: SearchEntry, query: string): number {
	const q = normalise(query);
	if (!q) return 0;
	const whole = compact(query);
	const strong = entry.strong.map(normalise);
	const strongCompact = entry.strong.map(compact);
	if (strongCompact.includes(whole)) return 100;
	if (strongCompact.some((t) => t.startsWith(whole))) return 80;
	const tokens = q.split(' ');
	const strongText = strong.join(' ');
	const weakText = entry.weak.map(normalise).join(' ');
	let score = 0;
	for (const token of tokens) {
		const words = strongText.split(' ');
		if (words.some((w) => w.startsWith(token))) score += 20;
		else if (strongText.includes(token) || strongCompact.some((t) => t.includes(token)))
			score += 10;
		else if (weakText.split(' ').some((w) => w.startsWith(token))) score += 4;
		else return 0;
	}
	return score;
}

/** Entries matching every word of the query, best first; ties keep index order. */
export function search(index: readonly SearchEntry[], query: string, limit = 20): SearchHit[] {
	// Array.prototype.sort is stable: equal scores keep the index order.
	return index
		.map((entry) => ({ ...entry, score: scoreEntry(entry, query) }))
		.filter((hit) => hit.score > 0)
		.sort((a, b) => b.score - a.score)
		.slice(0, limit);
}

/**
 * Close matches for something that was not found (a mistyped id in an address): the hits
 * of the text, or else of ever shorter beginnings of it, down to three characters.
 */
export function suggest(index: readonly SearchEntry[], text: string, limit = 3): SearchHit[] {
	for (let end = text.length; end >= 3; end--) {
		const hits = search(index, text.slice(0, end), limit);
		if (hits.length) return hits;
	}
	return [];
}
