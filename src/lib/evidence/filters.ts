/**
 * Population and study filters, their URL form, and a dataset restricted to them.
 *
 * Within one dimension the chosen values are alternatives (adult OR child); across
 * dimensions they all apply (adult AND biomarker-negative). An empty dimension does not filter.
 * `applyFilters` returns a dataset of the same shape, so charts and cards just take it.
 */
import type { Dataset, Design, Facet, Indication, Provenance, Source, Study } from './schema';

/** Which kind of source a figure comes from, as a reader asks it: the regulator or a paper. */
export type SourceGroup = 'regulatory' | 'publication' | 'registry';

/**
 * A filter dimension's id: a population facet's id (declared by the dataset), or one of the
 * study dimensions every dataset has (`design`, `source`). It is also the URL parameter.
 */
export type FilterDimension = string;

/** The values chosen per dimension, every dimension of the space present, in its order. */
export type Filters = Record<FilterDimension, string[]>;

export interface FilterDimensionSpec {
	id: FilterDimension;
	kind: 'facet' | 'design' | 'source';
	/** Allowed values, in the order they are shown and serialised. */
	values: readonly string[];
	/** For a facet dimension: the facet, for its labels and its "matches all" values. */
	facet?: Facet;
}

/** The dimensions of one dataset: its filterable facets, then design and source. */
export type FilterSpace = readonly FilterDimensionSpec[];

export const DESIGN_VALUES: readonly Design[] = [
	'randomised',
	'single-arm',
	'historical-control',
	'pharmacokinetic'
];
export const SOURCE_GROUPS: readonly SourceGroup[] = ['regulatory', 'publication', 'registry'];

/** Dimensions that describe the study, not the population: every dataset has them. */
export const STUDY_DIMENSIONS: readonly FilterDimension[] = ['design', 'source'];

const spaces = new WeakMap<readonly Facet[], FilterSpace>();

/**
 * The filter dimensions of a dataset, from its facets. Filtered copies of a dataset share its
 * facets, so they share one space (and its identity).
 */
export function filterSpace(dataset: Pick<Dataset, 'facets'>): FilterSpace {
	const known = spaces.get(dataset.facets);
	if (known) return known;
	const space: FilterSpace = [
		...dataset.facets
			.filter((facet) => facet.filter && !STUDY_DIMENSIONS.includes(facet.id))
			.map((facet) => ({
				id: facet.id,
				kind: 'facet' as const,
				values: facet.values.filter((v) => !v.matchesAll).map((v) => v.id),
				facet
			})),
		{ id: 'design', kind: 'design', values: DESIGN_VALUES },
		{ id: 'source', kind: 'source', values: SOURCE_GROUPS }
	];
	spaces.set(dataset.facets, space);
	return space;
}

/** The population (facet) dimensions of a space. */
export function populationDimensions(space: FilterSpace): FilterDimension[] {
	return space.filter((d) => d.kind === 'facet').map((d) => d.id);
}

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

export function emptyFilters(space: FilterSpace): Filters {
	return Object.fromEntries(space.map((d) => [d.id, [] as string[]]));
}

const chosen = (filters: Filters, dimension: FilterDimension) => filters[dimension] ?? [];

export function isEmpty(filters: Filters): boolean {
	return Object.values(filters).every((values) => values.length === 0);
}

export function activeCount(filters: Filters): number {
	return Object.values(filters).reduce((n, values) => n + values.length, 0);
}

/** Values of one dimension, deduplicated, unknown ones dropped, in canonical order. */
function canonical(spec: FilterDimensionSpec | undefined, values: readonly string[]): string[] {
	if (!spec) return [];
	const wanted = new Set(values.map((v) => v.trim().toLowerCase()));
	return spec.values.filter((v) => wanted.has(v));
}

/**
 * Reads filters from a query. Accepts `?age=adult,child` and repeated `?age=adult&age=child`
 * (what a plain GET form sends); ignores unknown parameters and values.
 */
export function parseFilters(params: URLSearchParams, space: FilterSpace): Filters {
	const filters = emptyFilters(space);
	for (const spec of space) {
		const raw = params.getAll(spec.id).flatMap((v) => v.split(','));
		filters[spec.id] = canonical(spec, raw);
	}
	return filters;
}

/**
 * Writes filters into a copy of `params`: one comma-separated parameter per active dimension,
 * in the order of the space; other parameters (chart options, selections) are kept as they are.
 * Filters are always built in canonical order (parse, toggle), so their own order is the space's.
 */
export function writeFilters(filters: Filters, params = new URLSearchParams()): URLSearchParams {
	const out = new URLSearchParams(params);
	for (const dimension of Object.keys(filters)) out.delete(dimension);
	for (const [dimension, values] of Object.entries(filters))
		if (values.length) out.set(dimension, values.join(','));
	return out;
}

/** The query string for filters ("" or "?age=adult&…"), commas left readable. */
export function filterQuery(filters: Filters, params?: URLSearchParams): string {
	const text = writeFilters(filters, params).toString().replace(/%2C/gi, ',');
	return text ? `?${text}` : '';
}

/** Filters with one value switched on or off. */
export function toggleValue(
	filters: Filters,
	space: FilterSpace,
	dimension: FilterDimension,
	value: string,
	on = !chosen(filters, dimension).includes(value)
): Filters {
	const current = chosen(filters, dimension);
	const next = on ? [...current, value] : current.filter((v) => v !== value);
	return {
		...filters,
		[dimension]: canonical(
			space.find((d) => d.id === dimension),
			next
		)
	};
}

/** Filters with only the given dimensions kept (an indication page has no population filters). */
export function restrictDimensions(
	filters: Filters,
	dimensions: readonly FilterDimension[]
): Filters {
	return Object.fromEntries(dimensions.map((d) => [d, [...chosen(filters, d)]]));
}

/**
 * Within a facet the chosen values are alternatives; an indication whose value for the facet
 * "matches all" (any biomarker status, every line of therapy) matches every choice.
 */
export function indicationMatches(
	indication: Indication,
	filters: Filters,
	space: FilterSpace
): boolean {
	for (const spec of space) {
		if (spec.kind !== 'facet') continue;
		const wanted = chosen(filters, spec.id);
		if (!wanted.length) continue;
		const values = indication.population.facets[spec.id] ?? [];
		const matchesAll = spec.facet?.values.some((v) => v.matchesAll && values.includes(v.id));
		if (!matchesAll && !values.some((v) => wanted.includes(v))) return false;
	}
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
	const space = filterSpace(dataset);
	const sources = chosen(filters, 'source');
	const designs = chosen(filters, 'design');
	const groupOf = new Map(dataset.sources.map((s) => [s.id, sourceGroup(s.kind)]));
	const wantedSource = (sourceId: string) =>
		!sources.length || sources.includes(groupOf.get(sourceId) as SourceGroup);
	const fromWantedSource = (p: Provenance) => wantedSource(p.sourceId);
	const sourceKey = sources.join(',');

	const populationIds = new Set(
		dataset.indications.filter((i) => indicationMatches(i, filters, space)).map((i) => i.id)
	);

	/** The study as the filters leave it (null: dropped by the source filter). */
	function narrow(study: Study, indicationIds: string[]): Study | null {
		if (!sources.length && indicationIds.length === study.indicationIds.length) return study;
		const key = `${indicationIds.join(',')}|${sourceKey}`;
		let byKey = narrowedStudies.get(study);
		if (!byKey) narrowedStudies.set(study, (byKey = new Map()));
		const known = byKey.get(key);
		if (known !== undefined) return known;
		let endpoints = study.endpoints;
		let sampleSizes = study.sampleSizes;
		let sourceIds = study.sourceIds;
		if (sources.length) {
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
			sources.length && !endpoints.length
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
		if (designs.length && !designs.includes(study.design)) continue;
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
		if (d.studyId !== undefined && !studyIds.has(d.studyId)) return [];
		// A disagreement between label versions (no study) is not narrowed by study filters.
		if (d.studyId === undefined) return [d];
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
	const discrepancies = dataset.discrepancies.filter(
		(d) => d.studyId === study.id || (d.studyId === undefined && mentions(d, study))
	);
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
	const space = filterSpace(dataset);
	const present = (spec: FilterDimensionSpec): Set<string> => {
		if (spec.kind === 'design') return new Set(dataset.studies.map((s) => s.design));
		if (spec.kind === 'source') return new Set(dataset.sources.map((s) => sourceGroup(s.kind)));
		return new Set(dataset.indications.flatMap((i) => i.population.facets[spec.id] ?? []));
	};
	return Object.fromEntries(
		space.map((spec) => {
			const has = present(spec);
			return [spec.id, spec.values.filter((v) => has.has(v))];
		})
	);
}

/** Whether a discrepancy that spans studies names one of this study's figures. */
function mentions(discrepancy: Dataset['discrepancies'][number], study: Study): boolean {
	const ids = new Set([
		...study.sampleSizes.map((z) => z.id),
		...study.endpoints.flatMap((e) => e.results.map((r) => r.id))
	]);
	return discrepancy.itemIds.some((id) => ids.has(id));
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
		discrepancies: dataset.discrepancies.filter(
			(d) => d.studyId !== undefined && studyIds.has(d.studyId)
		),
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
		discrepancies: dataset.discrepancies.filter(
			(d) => d.studyId !== undefined && kept.has(d.studyId)
		),
		timeline: dataset.timeline.filter((t) => t.studyId !== undefined && kept.has(t.studyId)),
		dosing: dataset.dosing.filter((d) => d.studyId !== undefined && kept.has(d.studyId))
	};
}
