/**
 * Population and study filters, their URL form, and a dataset restricted to them.
 *
 * Within one dimension the chosen values are alternatives (adult OR child); across
 * dimensions they all apply (adult AND Ph-negative). An empty dimension does not filter.
 * `applyFilters` returns a dataset of the same shape, so charts and cards just take it.
 */
import type {
	AgeGroup,
	Dataset,
	Design,
	Indication,
	PhStatus,
	Provenance,
	Setting,
	Source,
	Study
} from './schema';

/** Which kind of source a figure comes from, as a reader asks it: the regulator or a paper. */
export type SourceGroup = 'regulatory' | 'publication' | 'registry';
/** Ph status a reader filters on; an indication for "any" Ph status matches both. */
export type PhFilter = Exclude<PhStatus, 'any'>;

export interface Filters {
	age: AgeGroup[];
	ph: PhFilter[];
	setting: Setting[];
	design: Design[];
	source: SourceGroup[];
}

export type FilterDimension = keyof Filters;

/** Allowed values per dimension, in the order they are shown and serialised. */
export const FILTER_VALUES: { readonly [K in FilterDimension]: readonly Filters[K][number][] } = {
	age: ['adult', 'child', 'infant'],
	ph: ['negative', 'positive'],
	setting: ['relapsed-refractory', 'minimal-residual-disease', 'consolidation'],
	design: ['randomised', 'single-arm', 'historical-control', 'pharmacokinetic'],
	source: ['regulatory', 'publication', 'registry']
};

/** URL parameter names: stable, they are part of every shared link. */
export const FILTER_DIMENSIONS: readonly FilterDimension[] = [
	'age',
	'ph',
	'setting',
	'design',
	'source'
];

/** Dimensions that describe the population (indication); the rest describe the study. */
export const POPULATION_DIMENSIONS: readonly FilterDimension[] = ['age', 'ph', 'setting'];
export const STUDY_DIMENSIONS: readonly FilterDimension[] = ['design', 'source'];

/** A label (product information) speaks for the regulator; a registry record is its own kind. */
export function sourceGroup(kind: Source['kind']): SourceGroup {
	switch (kind) {
		case 'regulatory':
		case 'label':
			return 'regulatory';
		case 'publication':
			return 'publication';
		case 'registry':
			return 'registry';
	}
}

export function emptyFilters(): Filters {
	return { age: [], ph: [], setting: [], design: [], source: [] };
}

export function isEmpty(filters: Filters): boolean {
	return FILTER_DIMENSIONS.every((d) => filters[d].length === 0);
}

export function activeCount(filters: Filters): number {
	return FILTER_DIMENSIONS.reduce((n, d) => n + filters[d].length, 0);
}

/** Values of one dimension, deduplicated, unknown ones dropped, in canonical order. */
function canonical<K extends FilterDimension>(dimension: K, values: string[]): Filters[K] {
	const allowed = FILTER_VALUES[dimension] as readonly string[];
	const wanted = new Set(values.map((v) => v.trim().toLowerCase()));
	return allowed.filter((v) => wanted.has(v)) as Filters[K];
}

/**
 * Reads filters from a query. Accepts `?age=adult,child` and repeated `?age=adult&age=child`
 * (what a plain GET form sends); ignores unknown parameters and values.
 */
export function parseFilters(params: URLSearchParams): Filters {
	const filters = emptyFilters();
	for (const dimension of FILTER_DIMENSIONS) {
		const raw = params.getAll(dimension).flatMap((v) => v.split(','));
		(filters[dimension] as string[]) = canonical(dimension, raw);
	}
	return filters;
}

/**
 * Writes filters into a copy of `params`: one comma-separated parameter per active dimension,
 * in a fixed order; other parameters (chart options, selections) are kept as they are.
 */
export function writeFilters(filters: Filters, params = new URLSearchParams()): URLSearchParams {
	const out = new URLSearchParams(params);
	for (const dimension of FILTER_DIMENSIONS) out.delete(dimension);
	for (const dimension of FILTER_DIMENSIONS) {
		const values = canonical(dimension, filters[dimension] as string[]);
		if (values.length) out.set(dimension, values.join(','));
	}
	return out;
}

/** The query string for filters ("" or "?age=adult&…"), commas left readable. */
export function filterQuery(filters: Filters, params?: URLSearchParams): string {
	const text = writeFilters(filters, params).toString().replace(/%2C/gi, ',');
	return text ? `?${text}` : '';
}

/** Filters with one value switched on or off. */
export function toggleValue<K extends FilterDimension>(
	filters: Filters,
	dimension: K,
	value: Filters[K][number],
	on = !(filters[dimension] as string[]).includes(value)
): Filters {
	const current = filters[dimension] as string[];
	const next = on ? [...current, value] : current.filter((v) => v !== value);
	return { ...filters, [dimension]: canonical(dimension, next) };
}

/** Filters with only the given dimensions kept (an indication page has no population filters). */
export function restrictDimensions(
	filters: Filters,
	dimensions: readonly FilterDimension[]
): Filters {
	const out = emptyFilters();
	for (const dimension of dimensions) (out[dimension] as string[]) = [...filters[dimension]];
	return out;
}

export function indicationMatches(indication: Indication, filters: Filters): boolean {
	const { population } = indication;
	if (filters.age.length && !population.ageGroups.some((a) => filters.age.includes(a)))
		return false;
	if (
		filters.ph.length &&
		population.phStatus !== 'any' &&
		!filters.ph.includes(population.phStatus)
	)
		return false;
	if (filters.setting.length && !filters.setting.includes(population.setting)) return false;
	return true;
}

/**
 * The dataset restricted to the filters, in the same shape:
 * - indications that match the population filters and keep at least one study;
 * - studies of those indications that match the design, with their `indicationIds` narrowed;
 * - with a source filter, only results and sample sizes from that kind of source (a study
 *   matches if it keeps at least one result), endpoints left without results dropped;
 * - discrepancies whose figures are still (at least two) present; timeline events and dosing
 *   regimens tied to a kept indication or study, or to none (they concern the medicine).
 * Sources, safety and the medicine are kept whole: they are looked up, not filtered.
 *
 * Identity is kept wherever the content is: a study, endpoint, discrepancy, timeline event or
 * dosing regimen that the filters leave as it is comes back as the same object, a study that
 * they change comes back as the same narrowed object every time they change it the same way,
 * and the same filters on the same dataset give the same dataset object (a few are cached).
 * So keyed views (`{#each … (id)}`) and memoised rows see unchanged items as unchanged.
 * Datasets are never mutated, which is what makes this safe.
 */
export function applyFilters(dataset: Dataset, filters: Filters): Dataset {
	if (isEmpty(filters)) return dataset;
	const key = filterQuery(filters);
	let cache = filteredCache.get(dataset);
	if (!cache) filteredCache.set(dataset, (cache = new Map()));
	const hit = cache.get(key);
	if (hit) {
		// Most recently used last.
		cache.delete(key);
		cache.set(key, hit);
		return hit;
	}
	const out = filterDataset(dataset, filters);
	cache.set(key, out);
	if (cache.size > FILTERED_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	return out;
}

/** Filtered datasets kept per dataset (a reader toggles back and forth between a few). */
const FILTERED_CACHE_SIZE = 8;
const filteredCache = new WeakMap<Dataset, Map<string, Dataset>>();
/** Narrowed copies of a study, by how they were narrowed (indications kept, source filter). */
const narrowedStudies = new WeakMap<Study, Map<string, Study | null>>();

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

function filterDataset(dataset: Dataset, filters: Filters): Dataset {
	const groupOf = new Map(dataset.sources.map((s) => [s.id, sourceGroup(s.kind)]));
	const wantedSource = (sourceId: string) =>
		!filters.source.length || filters.source.includes(groupOf.get(sourceId) as SourceGroup);
	const fromWantedSource = (p: Provenance) => wantedSource(p.sourceId);
	const sourceKey = filters.source.join(',');

	const populationIds = new Set(
		dataset.indications.filter((i) => indicationMatches(i, filters)).map((i) => i.id)
	);

	/** The study as the filters leave it (null: dropped by the source filter). */
	function narrow(study: Study, indicationIds: string[]): Study | null {
		if (!filters.source.length && indicationIds.length === study.indicationIds.length) return study;
		const key = `${indicationIds.join(',')}|${sourceKey}`;
		let byKey = narrowedStudies.get(study);
		if (!byKey) narrowedStudies.set(study, (byKey = new Map()));
		const known = byKey.get(key);
		if (known !== undefined) return known;
		let endpoints = study.endpoints;
		let sampleSizes = study.sampleSizes;
		let sourceIds = study.sourceIds;
		if (filters.source.length) {
			endpoints = study.endpoints.flatMap((e) => {
				const results = e.results.filter((r) => fromWantedSource(r.provenance));
				if (!results.length) return [];
				return results.length === e.results.length ? [e] : [{ ...e, results }];
			});
			sampleSizes = study.sampleSizes.filter((z) => fromWantedSource(z.provenance));
			const own = study.sourceIds.filter(wantedSource);
			// A study cites at least one source; keep them all if none of its own is of the kind.
			sourceIds = own.length ? own : study.sourceIds;
		}
		const narrowed =
			filters.source.length && !endpoints.length
				? null
				: sameItems(indicationIds, study.indicationIds) &&
					  sameItems(endpoints, study.endpoints) &&
					  sameItems(sampleSizes, study.sampleSizes) &&
					  sameItems(sourceIds, study.sourceIds)
					? study
					: { ...study, indicationIds, endpoints, sampleSizes, sourceIds };
		byKey.set(key, narrowed);
		return narrowed;
	}

	const studies: Study[] = [];
	for (const study of dataset.studies) {
		if (filters.design.length && !filters.design.includes(study.design)) continue;
		const indicationIds = study.indicationIds.filter((id) => populationIds.has(id));
		if (!indicationIds.length) continue;
		const kept = narrow(study, indicationIds);
		if (kept) studies.push(kept);
	}

	const studyIds = new Set(studies.map((s) => s.id));
	const usedIndications = new Set(studies.flatMap((s) => s.indicationIds));
	const indications = dataset.indications.filter((i) => usedIndications.has(i.id));

	const itemIds = new Set(
		studies.flatMap((s) => [
			...s.sampleSizes.map((z) => z.id),
			...s.endpoints.flatMap((e) => e.results.map((r) => r.id))
		])
	);
	const discrepancies = dataset.discrepancies.flatMap((d) => {
		if (!studyIds.has(d.studyId)) return [];
		const ids = d.itemIds.filter((id) => itemIds.has(id));
		if (ids.length < 2) return [];
		return ids.length === d.itemIds.length ? [d] : [{ ...d, itemIds: ids }];
	});

	const linked = <T extends { indicationIds: string[]; studyId?: string }>(item: T): T | null => {
		const unlinked = !item.indicationIds.length && !item.studyId;
		const ids = item.indicationIds.filter((id) => usedIndications.has(id));
		if (unlinked) return item;
		if (ids.length || (item.studyId && studyIds.has(item.studyId)))
			return ids.length === item.indicationIds.length ? item : { ...item, indicationIds: ids };
		return null;
	};

	return {
		...dataset,
		indications,
		studies,
		discrepancies,
		timeline: dataset.timeline.flatMap((t) => linked(t) ?? []),
		dosing: dataset.dosing.flatMap((d) => linked(d) ?? [])
	};
}

const scopes = new WeakMap<Study, { from: Dataset; scope: Dataset }>();
/** The parts of a dataset that a study scope narrows; every other field is shared as is. */
const SCOPED_FIELDS = new Set(['indications', 'studies', 'discrepancies', 'timeline', 'dosing']);

function sameBase(a: Dataset, b: Dataset): boolean {
	const keys = Object.keys(a) as (keyof Dataset)[];
	return (
		keys.length === Object.keys(b).length &&
		keys.every((k) => SCOPED_FIELDS.has(k) || a[k] === b[k])
	);
}

/**
 * What a view of one study needs from its dataset (a study card, the charts of one study):
 * the medicine, the sources, the study's indications, discrepancies, timeline events and
 * dosing, and the study. The same object comes back for as long as those parts are the same
 * objects, even when the dataset around it is another filtered copy: a card whose study a
 * filter change leaves as it is gets identical props, and Svelte leaves its DOM alone.
 */
export function studyScope(dataset: Dataset, study: Study): Dataset {
	const known = scopes.get(study);
	if (known && known.from === dataset) return known.scope;
	const indications = dataset.indications.filter((i) => study.indicationIds.includes(i.id));
	const discrepancies = dataset.discrepancies.filter((d) => d.studyId === study.id);
	const timeline = dataset.timeline.filter((t) => t.studyId === study.id);
	const dosing = dataset.dosing.filter((d) => d.studyId === study.id);
	if (known) {
		const { from, scope } = known;
		if (
			sameBase(from, dataset) &&
			sameItems(scope.indications, indications) &&
			sameItems(scope.discrepancies, discrepancies) &&
			sameItems(scope.timeline, timeline) &&
			sameItems(scope.dosing, dosing)
		) {
			scopes.set(study, { from: dataset, scope });
			return scope;
		}
	}
	const scope: Dataset = {
		...dataset,
		indications,
		studies: [study],
		discrepancies,
		timeline,
		dosing
	};
	scopes.set(study, { from: dataset, scope });
	return scope;
}

/** Values of each dimension that occur in a dataset: a filter bar offers only these. */
export function availableValues(dataset: Dataset): Filters {
	const has = {
		age: new Set<string>(dataset.indications.flatMap((i) => i.population.ageGroups)),
		ph: new Set<string>(
			dataset.indications.flatMap((i) =>
				i.population.phStatus === 'any' ? [] : [i.population.phStatus]
			)
		),
		setting: new Set<string>(dataset.indications.map((i) => i.population.setting)),
		design: new Set<string>(dataset.studies.map((s) => s.design)),
		source: new Set<string>(dataset.sources.map((s) => sourceGroup(s.kind)))
	};
	const out = emptyFilters();
	for (const dimension of FILTER_DIMENSIONS)
		(out[dimension] as string[]) = (FILTER_VALUES[dimension] as readonly string[]).filter((v) =>
			has[dimension].has(v)
		);
	return out;
}

/** How much of the dataset a filtered one keeps, for "7 of 9 studies". */
export function filterCounts(
	all: Dataset,
	filtered: Dataset
): {
	studies: { shown: number; total: number };
	indications: { shown: number; total: number };
	results: { shown: number; total: number };
} {
	const results = (d: Dataset) =>
		d.studies.reduce((n, s) => n + s.endpoints.reduce((m, e) => m + e.results.length, 0), 0);
	return {
		studies: { shown: filtered.studies.length, total: all.studies.length },
		indications: { shown: filtered.indications.length, total: all.indications.length },
		results: { shown: results(filtered), total: results(all) }
	};
}

/**
 * The dataset narrowed to one indication: its studies (linked to it alone), their
 * discrepancies, and the timeline events and dosing regimens of that indication.
 */
export function restrictToIndication(dataset: Dataset, indicationId: string): Dataset {
	const studies = dataset.studies
		.filter((s) => s.indicationIds.includes(indicationId))
		.map((s) => ({ ...s, indicationIds: [indicationId] }));
	const studyIds = new Set(studies.map((s) => s.id));
	const ofIndication = (item: { indicationIds: string[] }) =>
		item.indicationIds.includes(indicationId);
	return {
		...dataset,
		indications: dataset.indications.filter((i) => i.id === indicationId),
		studies,
		discrepancies: dataset.discrepancies.filter((d) => studyIds.has(d.studyId)),
		timeline: dataset.timeline
			.filter(ofIndication)
			.map((t) => ({ ...t, indicationIds: [indicationId] })),
		dosing: dataset.dosing
			.filter(ofIndication)
			.map((d) => ({ ...d, indicationIds: [indicationId] }))
	};
}

/**
 * The dataset narrowed to some studies, in the order given (a comparison), with the
 * indications they serve and their discrepancies.
 */
export function restrictToStudies(dataset: Dataset, studyIds: readonly string[]): Dataset {
	const studies = studyIds.flatMap((id) => dataset.studies.find((s) => s.id === id) ?? []);
	const kept = new Set(studies.map((s) => s.id));
	const indicationIds = new Set(studies.flatMap((s) => s.indicationIds));
	return {
		...dataset,
		indications: dataset.indications.filter((i) => indicationIds.has(i.id)),
		studies,
		discrepancies: dataset.discrepancies.filter((d) => kept.has(d.studyId)),
		timeline: dataset.timeline.filter((t) => t.studyId !== undefined && kept.has(t.studyId)),
		dosing: dataset.dosing.filter((d) => d.studyId !== undefined && kept.has(d.studyId))
	};
}
