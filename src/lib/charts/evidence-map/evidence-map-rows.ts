/**
 * Evidence map: which studies stand behind which population. Rows are the values of one
 * population facet, columns the combinations of one or two others that the indications name
 * (the dataset's `evidenceMap` says which). A cell is one
 * population as the indications state it: an indication for "1 month and older" covers
 * infants and children, so its cell spans both rows; the dataset links studies to
 * indications, not to age groups, so a study is never split across rows it may not have
 * enrolled. Plain TypeScript so the grid can be tested without a DOM.
 */
import type {
	Dataset,
	Design,
	Indication,
	Provenance,
	SampleSize,
	Study
} from '$lib/evidence/schema';
import type { MarkShape } from '../encoding';
import type { TidyRow } from '../spec';

/**
 * Which facets the map lays out: the dataset's own choice, or else the first facet that may
 * take several values (an indication spans rows) down, and the next one or two across.
 */
export function mapLayout(dataset: Pick<Dataset, 'facets' | 'evidenceMap'>): {
	rows: string;
	columns: string[];
} {
	if (dataset.evidenceMap) return dataset.evidenceMap;
	const rows = (dataset.facets.find((f) => f.multiple) ?? dataset.facets[0]).id;
	return {
		rows,
		columns: dataset.facets
			.filter((f) => f.id !== rows)
			.slice(0, 2)
			.map((f) => f.id)
	};
}
export const DESIGN_ORDER: readonly Design[] = [
	'single-arm',
	'randomised',
	'historical-control',
	'pharmacokinetic'
];

/** How many patients a study has, and where the number comes from. */
export interface StudySize {
	value: number;
	/** `arms`: the sum of the treated arms' n; otherwise the kind of the largest sample size. */
	basis: 'arms' | SampleSize['kind'];
	/** Number of arms summed (basis `arms`). */
	arms: number;
	/** Patients in historical-control arms: shown, but not counted as the study's size. */
	historicalControls?: number;
	/** The sample size used, when the number is not the sum of the arms. */
	sampleSize?: SampleSize;
	provenance?: Provenance;
}

/**
 * Patients in a study: the sum of its concurrent arms (experimental and comparator) when
 * each gives n, otherwise the largest sample size it reports. Historical controls were not
 * enrolled in the study, so they are reported beside the size, not in it. Undefined when
 * the dataset gives neither: the mark is then drawn hollow at the smallest size, never at
 * an invented one.
 */
export function studySize(study: Study): StudySize | undefined {
	const concurrent = study.arms.filter((a) => a.role !== 'historical-control');
	const historical = study.arms.filter((a) => a.role === 'historical-control');
	const historicalControls = historical.every((a) => a.n !== undefined)
		? historical.reduce((sum, a) => sum + (a.n ?? 0), 0) || undefined
		: undefined;
	if (concurrent.length && concurrent.every((a) => a.n !== undefined)) {
		return {
			value: concurrent.reduce((sum, a) => sum + (a.n ?? 0), 0),
			basis: 'arms',
			arms: concurrent.length,
			historicalControls,
			provenance: concurrent.find((a) => a.provenance)?.provenance
		};
	}
	const largest = [...study.sampleSizes].sort((a, b) => b.value - a.value)[0];
	if (!largest) return undefined;
	return {
		value: largest.value,
		basis: largest.kind,
		arms: 0,
		historicalControls,
		sampleSize: largest,
		provenance: largest.provenance
	};
}

/** A single arm's n is as reported; a sum over arms is derived by the dashboard. */
export function sizeBasis(size: StudySize): 'reported' | 'derived' {
	if (size.basis === 'arms') return size.arms === 1 ? 'reported' : 'derived';
	return size.sampleSize?.basis ?? 'reported';
}

export interface MapColumn {
	/** The column facets' values joined: "relapsed-refractory|negative". */
	key: string;
	/** One value per column facet, in the layout's order. */
	values: string[];
}

export interface MapStudy {
	study: Study;
	size: StudySize | undefined;
	/** The indications of this study that the cell stands for. */
	indications: Indication[];
}

export interface MapCell {
	/** "relapsed-refractory|negative|child+infant" */
	key: string;
	column: MapColumn;
	/** The row facet's values the cell covers: a contiguous run of the grid's rows. */
	rowValues: string[];
	/** First row (index into `rowValues` of the grid) and one past the last. */
	rowStart: number;
	rowEnd: number;
	/** Sub-column inside the column, when two cells of a column cover overlapping rows. */
	lane: number;
	lanes: number;
	/** Indications whose population is this cell, in dataset order. */
	indications: Indication[];
	/** Studies linked to those indications, largest first, then by name. */
	studies: MapStudy[];
}

export interface EvidenceGrid {
	/** The facet down the rows, and those across the columns. */
	rowFacet: string;
	columnFacets: string[];
	/** Row-facet values named by any indication, in the facet's order. */
	rowValues: string[];
	columns: MapColumn[];
	cells: MapCell[];
	/** Row × column positions no indication covers: evidence gaps are information. */
	gaps: { value: string; row: number; column: MapColumn }[];
	/** Largest study size in the grid, for the radius scale. */
	maxSize: number;
	/** Designs that occur, in legend order. */
	designs: Design[];
}

const byOrder =
	<T>(order: readonly T[]) =>
	(a: T, b: T) =>
		order.indexOf(a) - order.indexOf(b);

/** Splits sorted row indices into runs of consecutive rows: [0,1,3] → [[0,1],[3]]. */
export function contiguousRuns(rows: number[]): number[][] {
	const sorted = [...new Set(rows)].sort((a, b) => a - b);
	const runs: number[][] = [];
	for (const row of sorted) {
		const last = runs.at(-1);
		if (last && row === last[last.length - 1] + 1) last.push(row);
		else runs.push([row]);
	}
	return runs;
}

/**
 * Assigns each [start, end) span a lane so that spans sharing a lane never overlap
 * (greedy, in order of start). Returns the lane of each span and the number of lanes.
 */
export function assignLanes(spans: { start: number; end: number }[]): {
	lanes: number[];
	count: number;
} {
	const order = spans.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.i - b.i);
	const laneEnds: number[] = [];
	const lanes = new Array<number>(spans.length).fill(0);
	for (const span of order) {
		let lane = laneEnds.findIndex((end) => end <= span.start);
		if (lane < 0) {
			lane = laneEnds.length;
			laneEnds.push(span.end);
		} else laneEnds[lane] = span.end;
		lanes[span.i] = lane;
	}
	return { lanes, count: Math.max(1, laneEnds.length) };
}

/** Builds the population grid of a dataset. */
export function evidenceGrid(
	dataset: Pick<Dataset, 'indications' | 'studies' | 'facets' | 'evidenceMap'>
): EvidenceGrid {
	const layout = mapLayout(dataset);
	const order = (facetId: string) =>
		dataset.facets.find((f) => f.id === facetId)?.values.map((v) => v.id) ?? [];
	const valuesOf = (indication: Indication, facetId: string) =>
		indication.population.facets[facetId] ?? [];
	const rowValues = order(layout.rows).filter((value) =>
		dataset.indications.some((i) => valuesOf(i, layout.rows).includes(value))
	);
	const columnValues = (indication: Indication) =>
		layout.columns.map((facetId) => valuesOf(indication, facetId)[0] ?? '');
	const columnKey = (values: string[]) => values.join('|');
	const columnMap = new Map<string, MapColumn>();
	for (const indication of dataset.indications) {
		const values = columnValues(indication);
		const key = columnKey(values);
		if (!columnMap.has(key)) columnMap.set(key, { key, values });
	}
	const orders = layout.columns.map(order);
	const columns = [...columnMap.values()].sort((a, b) => {
		for (let k = 0; k < orders.length; k++) {
			const d = byOrder(orders[k])(a.values[k], b.values[k]);
			if (d) return d;
		}
		return 0;
	});

	const cells: MapCell[] = [];
	const gaps: EvidenceGrid['gaps'] = [];
	for (const column of columns) {
		// One cell per distinct run of age rows that the column's indications name.
		const byRun = new Map<string, { rows: number[]; indications: Indication[] }>();
		for (const indication of dataset.indications) {
			if (columnKey(columnValues(indication)) !== column.key) continue;
			const rows = valuesOf(indication, layout.rows)
				.map((value) => rowValues.indexOf(value))
				.filter((row) => row >= 0);
			for (const run of contiguousRuns(rows)) {
				const runKey = run.join('+');
				const entry = byRun.get(runKey) ?? { rows: run, indications: [] };
				entry.indications.push(indication);
				byRun.set(runKey, entry);
			}
		}
		const entries = [...byRun.values()].sort(
			(a, b) => a.rows[0] - b.rows[0] || a.rows.length - b.rows.length
		);
		const { lanes, count } = assignLanes(
			entries.map((e) => ({ start: e.rows[0], end: e.rows[e.rows.length - 1] + 1 }))
		);
		entries.forEach((entry, i) => {
			const ids = new Set(entry.indications.map((ind) => ind.id));
			const studies: MapStudy[] = dataset.studies
				.filter((s) => s.indicationIds.some((id) => ids.has(id)))
				.map((study) => ({
					study,
					size: studySize(study),
					indications: entry.indications.filter((ind) => study.indicationIds.includes(ind.id))
				}))
				.sort(
					(a, b) =>
						(b.size?.value ?? 0) - (a.size?.value ?? 0) || a.study.name.localeCompare(b.study.name)
				);
			const cellValues = entry.rows.map((r) => rowValues[r]);
			cells.push({
				key: `${column.key}|${cellValues.join('+')}`,
				column,
				rowValues: cellValues,
				rowStart: entry.rows[0],
				rowEnd: entry.rows[entry.rows.length - 1] + 1,
				lane: lanes[i],
				lanes: count,
				indications: entry.indications,
				studies
			});
		});
		rowValues.forEach((value, row) => {
			if (!entries.some((e) => e.rows.includes(row))) gaps.push({ value, row, column });
		});
	}
	// Reading order: row by row, then column by column.
	cells.sort(
		(a, b) =>
			a.rowStart - b.rowStart ||
			columns.indexOf(a.column) - columns.indexOf(b.column) ||
			a.lane - b.lane
	);
	const placed = cells.flatMap((c) => c.studies);
	const maxSize = Math.max(0, ...placed.map((s) => s.size?.value ?? 0));
	const designs = DESIGN_ORDER.filter((d) => placed.some((s) => s.study.design === d));
	return {
		rowFacet: layout.rows,
		columnFacets: layout.columns,
		rowValues,
		columns,
		cells,
		gaps,
		maxSize,
		designs
	};
}

/**
 * Offsets of `count` marks from the centre of a cell: side by side while they fit,
 * then wrapped into rows. Each mark takes a slot of `slot.width` × `slot.height`.
 */
export function packCell(
	count: number,
	cellWidth: number,
	slot: { width: number; height: number }
): { dx: number; dy: number }[] {
	if (count <= 0) return [];
	const perRow = Math.max(1, Math.min(count, Math.floor(cellWidth / slot.width)));
	const rows = Math.ceil(count / perRow);
	const offsets: { dx: number; dy: number }[] = [];
	for (let i = 0; i < count; i++) {
		const row = Math.floor(i / perRow);
		const inRow = row === rows - 1 ? count - row * perRow : perRow;
		const col = i % perRow;
		offsets.push({
			dx: (col - (inRow - 1) / 2) * slot.width,
			dy: (row - (rows - 1) / 2) * slot.height
		});
	}
	return offsets;
}

/** Rows of slots a cell needs at a given width. */
export function packedRows(count: number, cellWidth: number, slotWidth: number): number {
	if (count <= 0) return 0;
	const perRow = Math.max(1, Math.min(count, Math.floor(cellWidth / slotWidth)));
	return Math.ceil(count / perRow);
}

/** One tidy row per study and cell it appears in. */
export function evidenceMapTidyRows(
	grid: EvidenceGrid,
	sourceCitation: (sourceId: string) => string,
	labels: { endpoint: string; unit: string; cell: (cell: MapCell) => string }
): TidyRow[] {
	return grid.cells.flatMap((cell) =>
		cell.studies.map(({ study, size, indications }) => ({
			study: study.name,
			indication: indications.map((i) => i.label).join('; '),
			arm: labels.cell(cell),
			endpoint: labels.endpoint,
			timepoint: '',
			value: size?.value ?? null,
			unit: labels.unit,
			events: null,
			total: size?.value ?? null,
			ciLow: null,
			ciHigh: null,
			ciLevel: null,
			ciMethod: '',
			basis: size ? sizeBasis(size) : '',
			source: size?.provenance ? sourceCitation(size.provenance.sourceId) : '',
			locator: size?.provenance?.locator ?? '',
			dataCut: size?.provenance?.dataCut ?? ''
		}))
	);
}

/** Shape of a study design: the colour-free cue. */
export function designShape(design: Design): MarkShape {
	switch (design) {
		case 'randomised':
			return 'square';
		case 'historical-control':
			return 'diamond';
		case 'pharmacokinetic':
			return 'triangle';
		default:
			return 'circle';
	}
}

/** Colour of a study design, from Paul Tol's palette in the theme. */
export function designColor(design: Design): string {
	switch (design) {
		case 'randomised':
			return 'var(--tol-green)';
		case 'historical-control':
			return 'var(--tol-purple)';
		case 'pharmacokinetic':
			return 'var(--tol-red)';
		default:
			return 'var(--tol-blue)';
	}
}

/** Round patient counts for the size key, up to the largest study. */
export function sizeKeyValues(maxSize: number): number[] {
	if (maxSize <= 0) return [];
	const nice = [10, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000];
	const top = [...nice].reverse().find((v) => v <= maxSize) ?? maxSize;
	const low = [...nice].reverse().find((v) => v <= top / 2.5) ?? undefined;
	return low ? [low, top] : [top];
}
