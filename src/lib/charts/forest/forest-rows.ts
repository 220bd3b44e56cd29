/**
 * The rows of the response forest plot, as plain data: every response and event-rate
 * figure (percent) of a dataset with the interval to draw, grouped and sorted as the
 * reader asked, plus an optional pooled row. No Svelte, no DOM: the component draws
 * what this returns.
 */
import type {
	Arm,
	Dataset,
	Design,
	Endpoint,
	EndpointKind,
	Result,
	Study
} from '$lib/evidence/schema';
import { armById } from '$lib/evidence/queries';
import { printedDecimals } from '$lib/format';
import type { TidyRow } from '../spec';
import { displayInterval, poolProportions, type DisplayInterval } from '$lib/evidence/intervals';
import { methodName } from '$lib/stats/labels';

export const FOREST_KINDS: EndpointKind[] = ['response', 'event-rate'];
// The options live apart, so that a page reading them from its URL does not load the rows.
export {
	DEFAULT_FOREST_OPTIONS,
	FOREST_GROUPS,
	FOREST_SORTS,
	type ForestGroup,
	type ForestOptions,
	type ForestSort
} from './forest-options';
import type { ForestOptions } from './forest-options';

export interface ForestResultRow {
	kind: 'result';
	key: string;
	resultId: string;
	studyId: string;
	studyName: string;
	design: Design;
	indicationId: string;
	indicationLabel: string;
	endpointId: string;
	endpointLabel: string;
	endpointKind: EndpointKind;
	primary: boolean;
	armId: string | undefined;
	armLabel: string;
	armRole: Arm['role'] | undefined;
	/** Percent, 0–100. Computed from the counts when the source gives only counts. */
	value: number;
	valueComputed: boolean;
	/** Decimals the source printed the value with ("4.0" → 1). */
	digits: number;
	approximate: boolean;
	events: number | undefined;
	total: number | undefined;
	ci: DisplayInterval | undefined;
	timepoint: string | undefined;
	analysisSet: string | undefined;
	basis: Result['basis'];
	sourceId: string;
	sourceShort: string;
	locator: string;
	dataCut: string | undefined;
	/** Explanations of the discrepancies this figure is part of; non-empty: flag it. */
	discrepancies: string[];
	/** Position in the dataset, for stable ordering. */
	order: number;
	indicationOrder: number;
}

export interface ForestGroupRow {
	kind: 'group';
	key: string;
	label: string;
}

export interface ForestPooledRow {
	kind: 'pooled';
	key: string;
	/** Percent, 0–100. */
	value: number;
	ci: { low: number; high: number; level: number; method: string };
	k: number;
	tau2: number;
	i2: number;
	/** The figures pooled, one per study. */
	members: ForestResultRow[];
}

export type ForestRow = ForestResultRow | ForestGroupRow | ForestPooledRow;

/** How the pooled row is computed, as the table and exports name it. */
export const POOLING_METHOD = `Random effects (${methodName('DL')}), logit scale`;

function primaryIndication(dataset: Dataset, study: Study) {
	const id = study.indicationIds[0];
	const index = dataset.indications.findIndex((i) => i.id === id);
	return { id, label: dataset.indications[index]?.label ?? id, order: index < 0 ? 999 : index };
}

function isForestResult(endpoint: Endpoint, result: Result): boolean {
	if (!FOREST_KINDS.includes(endpoint.kind) || result.unit !== 'percent') return false;
	return result.value !== undefined || (result.events !== undefined && result.total !== undefined);
}

/**
 * Intervals by result object. Datasets are immutable (an import or a filter makes new
 * containers around the same results), so a result's interval never changes: a filter
 * change then costs no interval computation for figures already drawn. Only intervals
 * found are kept: one not available yet (the statistics module still loading) is asked
 * for again next time.
 */
const intervals = new WeakMap<Result, DisplayInterval>();
function intervalOf(result: Result): DisplayInterval | undefined {
	let ci = intervals.get(result);
	if (!ci) {
		ci = displayInterval(result);
		if (ci) intervals.set(result, ci);
	}
	return ci;
}

/**
 * Every response and event-rate figure (percent) of the dataset, in dataset order.
 * A figure given only as counts gets its percentage computed (and says so); a study
 * that serves several indications is placed under its first.
 */
export function forestResults(dataset: Dataset): ForestResultRow[] {
	// Look-ups by id, built once (a scan per figure is quadratic at 10,000 figures).
	const sources = new Map(dataset.sources.map((s) => [s.id, s]));
	const flags = new Map<string, string[]>();
	for (const d of dataset.discrepancies) {
		for (const id of new Set(d.itemIds)) flags.set(id, [...(flags.get(id) ?? []), d.explanation]);
	}
	let order = 0;
	const rows: ForestResultRow[] = [];
	for (const study of dataset.studies) {
		const indication = primaryIndication(dataset, study);
		for (const endpoint of study.endpoints) {
			for (const result of endpoint.results) {
				if (!isForestResult(endpoint, result)) continue;
				const arm = armById(study, result.armId);
				const source = sources.get(result.provenance.sourceId);
				const valueComputed = result.value === undefined;
				const value = valueComputed ? (100 * result.events!) / result.total! : result.value!;
				rows.push({
					kind: 'result',
					key: `${study.id}/${result.id}`,
					resultId: result.id,
					studyId: study.id,
					studyName: study.name,
					design: study.design,
					indicationId: indication.id,
					indicationLabel: indication.label,
					endpointId: endpoint.id,
					endpointLabel: endpoint.label,
					endpointKind: endpoint.kind,
					primary: endpoint.primary,
					armId: arm?.id,
					armLabel: arm?.label ?? '',
					armRole: arm?.role,
					value,
					valueComputed,
					digits: valueComputed ? 1 : printedDecimals(result),
					approximate: result.approximate,
					events: result.events,
					total: result.total,
					ci: intervalOf(result),
					timepoint: result.timepoint?.label,
					analysisSet: result.analysisSet,
					basis: valueComputed ? 'computed' : result.basis,
					sourceId: result.provenance.sourceId,
					sourceShort: source?.shortCitation ?? result.provenance.sourceId,
					locator: result.provenance.locator,
					dataCut: result.provenance.dataCut,
					discrepancies: flags.get(result.id) ?? [],
					order: order++,
					indicationOrder: indication.order
				});
			}
		}
	}
	return rows;
}

const byIndicationThenValue = (a: ForestResultRow, b: ForestResultRow) =>
	a.indicationOrder - b.indicationOrder || b.value - a.value || a.order - b.order;
const byValue = (a: ForestResultRow, b: ForestResultRow) =>
	b.value - a.value || a.indicationOrder - b.indicationOrder || a.order - b.order;

/**
 * The figures in reading order: grouped (a header row before each group) and sorted.
 * sort=indication: groups and rows in the dataset's indication order, then by value;
 * sort=value: groups by their highest value, rows by value (highest first).
 */
export function arrangeForest(
	results: ForestResultRow[],
	options: Pick<ForestOptions, 'sort' | 'group'>
): (ForestResultRow | ForestGroupRow)[] {
	const compare = options.sort === 'value' ? byValue : byIndicationThenValue;
	const sorted = [...results].sort(compare);
	if (options.group === 'none') return sorted;

	const groupOf = (r: ForestResultRow) =>
		options.group === 'indication'
			? { id: r.indicationId, label: r.indicationLabel }
			: { id: r.studyId, label: r.studyName };
	const groups = new Map<string, { label: string; rows: ForestResultRow[] }>();
	for (const row of sorted) {
		const { id, label } = groupOf(row);
		const group = groups.get(id) ?? { label, rows: [] };
		group.rows.push(row);
		groups.set(id, group);
	}
	// Groups appear in the order of their first (best-sorted) row, which is the
	// indication order for sort=indication and the highest value for sort=value.
	return [...groups.entries()].flatMap(([id, group]) => [
		{ kind: 'group' as const, key: `group/${id}`, label: group.label },
		...group.rows
	]);
}

/**
 * The figure of a study that pooling uses: a response of its experimental arm with
 * counts, the primary endpoint first; undefined when the study has none.
 */
export function poolingCandidate(
	results: ForestResultRow[],
	studyId: string
): ForestResultRow | undefined {
	return bestCandidate(results.filter((r) => r.studyId === studyId));
}

/** The primary (else first) poolable figure among one study's figures. */
function bestCandidate(studyRows: ForestResultRow[]): ForestResultRow | undefined {
	const candidates = studyRows.filter(
		(r) =>
			r.endpointKind === 'response' &&
			(r.armRole === 'experimental' || r.armRole === undefined) &&
			r.events !== undefined &&
			r.total !== undefined
	);
	return candidates.find((r) => r.primary) ?? candidates[0];
}

/** Studies that have a figure to pool, in dataset order (one pass, not one scan per study). */
export function poolableStudies(results: ForestResultRow[]): { id: string; name: string }[] {
	const byStudy = new Map<string, ForestResultRow[]>();
	for (const r of results) {
		const list = byStudy.get(r.studyId);
		if (list) list.push(r);
		else byStudy.set(r.studyId, [r]);
	}
	return [...byStudy.values()].flatMap((rows) =>
		bestCandidate(rows) ? [{ id: rows[0].studyId, name: rows[0].studyName }] : []
	);
}

/** The pooled row of the ticked studies; undefined with fewer than two poolable studies. */
export function pooledRow(
	results: ForestResultRow[],
	studyIds: string[]
): ForestPooledRow | undefined {
	const members = [...new Set(studyIds)].flatMap((id) => poolingCandidate(results, id) ?? []);
	if (members.length < 2) return undefined;
	const pooled = poolProportions(
		members.map((r) => ({ events: r.events!, total: r.total!, label: r.studyName })),
		{ method: 'DL', level: 0.95 }
	);
	// In the browser the statistics module loads on demand: no pooled row until it has.
	if (!pooled) return undefined;
	return {
		kind: 'pooled',
		key: `pooled/${members.map((r) => r.studyId).join('+')}`,
		value: pooled.estimate * 100,
		ci: {
			low: pooled.low * 100,
			high: pooled.high * 100,
			level: pooled.level,
			method: POOLING_METHOD
		},
		k: pooled.k,
		tau2: pooled.tau2,
		i2: pooled.I2 / 100,
		members
	};
}

/** Everything the forest plot draws, in order: groups, figures, then the pooled row. */
export function forestRows(dataset: Dataset, options: ForestOptions): ForestRow[] {
	return forestRowsOf(forestResults(dataset), options);
}

/**
 * The same from figures already built by `forestResults`: a sort, grouping or pooling
 * change then reuses them (no intervals recomputed; the same row objects, so keyed
 * marks and text cells stay as they are and only move).
 */
export function forestRowsOf(results: ForestResultRow[], options: ForestOptions): ForestRow[] {
	const rows: ForestRow[] = arrangeForest(results, options);
	const pooled = pooledRow(results, options.pool);
	if (pooled) rows.push(pooled);
	return rows;
}

/** A CI limit for the data table: computed ones rounded as shown, an open limit empty. */
function limitCell(ci: DisplayInterval | undefined, limit: number | null): number | null {
	if (!ci || limit === null) return null;
	return ci.origin === 'computed' ? round(limit) : limit;
}

/** The tidy rows of the forest plot (the table and every export), in drawing order. */
export function forestTidyRows(
	rows: ForestRow[],
	labels: { pooled: string; computed: string }
): TidyRow[] {
	return rows.flatMap((row): TidyRow[] => {
		if (row.kind === 'group') return [];
		if (row.kind === 'pooled') {
			return [
				{
					study: `${labels.pooled}: ${row.members.map((m) => m.studyName).join(', ')}`,
					indication: [...new Set(row.members.map((m) => m.indicationLabel))].join('; '),
					arm: '',
					endpoint: [...new Set(row.members.map((m) => m.endpointLabel))].join('; '),
					timepoint: '',
					value: round(row.value),
					unit: 'percent',
					events: sum(row.members.map((m) => m.events!)),
					total: sum(row.members.map((m) => m.total!)),
					ciLow: round(row.ci.low),
					ciHigh: round(row.ci.high),
					ciLevel: row.ci.level,
					ciMethod: row.ci.method,
					basis: 'computed',
					source: [...new Set(row.members.map((m) => m.sourceShort))].join('; '),
					locator: '',
					dataCut: ''
				}
			];
		}
		return [
			{
				study: row.studyName,
				indication: row.indicationLabel,
				arm: row.armLabel,
				endpoint: row.endpointLabel,
				timepoint: row.timepoint ?? '',
				value: row.valueComputed ? round(row.value) : row.value,
				unit: 'percent',
				events: row.events ?? null,
				total: row.total ?? null,
				ciLow: limitCell(row.ci, row.ci?.low ?? null),
				ciHigh: limitCell(row.ci, row.ci?.high ?? null),
				ciLevel: row.ci?.level ?? null,
				ciMethod: row.ci
					? row.ci.origin === 'computed'
						? `${row.ci.method} (${labels.computed})`
						: row.ci.method
					: '',
				basis: row.basis,
				source: row.sourceShort,
				locator: row.locator,
				dataCut: row.dataCut ?? ''
			}
		];
	});
}

/** Computed figures to two decimals: more than the sources print, never false precision. */
function round(value: number): number {
	return Math.round(value * 100) / 100;
}

function sum(values: number[]): number {
	return values.reduce((a, b) => a + b, 0);
}
