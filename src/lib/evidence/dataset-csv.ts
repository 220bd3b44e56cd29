/**
 * The whole dataset as one tidy CSV, and back.
 *
 * One row per record; the `record` column says which kind (dataset, medicine, source,
 * indication, study, arm, sample-size, endpoint, result, discrepancy, safety, reaction,
 * timeline, dosing, dose-step, indirect-comparison). Every field of the schema has its own column, shared by the
 * records that have that field, so a result row reads like the tidy rows of the charts
 * (`study`, `arm`, `endpoint`, `timepoint`, `value`, `unit`, `events`, `total`, `ci_low`, …,
 * `source`, `locator`, `data_cut`). Children name their parent by id: an arm, sample size or
 * endpoint its `study`; a result its `study` and `endpoint`; a reaction its `profile`; a dose
 * step its `regimen`. Rows may come in any order; rows of one kind keep their order.
 *
 * Cells: an empty cell is an absent field. Numbers are written in full precision, booleans
 * as `true`/`false`, lists of ids joined by `;`. Only two free-text lists (a study's
 * `inclusion` and `notes`) are JSON arrays. Text cells are guarded against spreadsheet
 * formulas (see `src/lib/evidence/neutralise.ts`) and restored on import, so
 * export → import gives back the same dataset.
 */
import { neutraliseFormula, restoreNeutralised } from './neutralise';
import { detectSeparator, parseCsv, serialiseCsv, type CsvSeparator } from './csv';
import { ancestors, parseJsonText } from './json-text';
import type { Dataset } from './schema';
import {
	columnsOf,
	f,
	provenance,
	type CellType,
	type FieldSpec,
	type RecordSpec
} from './dataset-csv-spec';
import { V1_RECORD_SPECS, V1_RECORD_TYPES } from './dataset-csv-v1';

export type { CellType, FieldSpec, RecordSpec } from './dataset-csv-spec';

export const RECORD_TYPES = [
	'dataset',
	'medicine',
	'treatment',
	'facet',
	'facet-value',
	'source',
	'indication',
	'indication-facet',
	'study',
	'arm',
	'sample-size',
	'endpoint',
	'result',
	'curve',
	'curve-point',
	'at-risk',
	'patient-data',
	'patient',
	'discrepancy',
	'safety',
	'reaction',
	'timeline',
	'dosing',
	'dose-step',
	'indirect-comparison'
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** A localised text as two columns: `<column>` in English and `<column>_nl` in Dutch. */
const localised = (column: string, path: string): FieldSpec[] => [
	f(column, `${path}.en`),
	f(`${column}_nl`, `${path}.nl`)
];
/** The rows under one result: its study, endpoint and id. */
const UNDER_RESULT = ['study', 'endpoint', 'result'];

export const RECORD_SPECS: Record<RecordType, RecordSpec> = {
	dataset: {
		optionalGroups: ['evidenceMap'],
		fields: [
			f('schema_version', 'schemaVersion', 'number'),
			f('title', 'title'),
			f('short_title', 'shortTitle'),
			f('version', 'version'),
			f('released', 'released'),
			f('synthetic', 'synthetic', 'boolean'),
			f('evidence_map_rows', 'evidenceMap.rows'),
			f('evidence_map_columns', 'evidenceMap.columns', 'list')
		]
	},
	medicine: {
		fields: [
			f('id', 'id'),
			f('name', 'name'),
			f('inn', 'inn'),
			f('atc', 'atc'),
			f('mechanism', 'mechanism'),
			f('procedure', 'procedure'),
			f('regulatory_source', 'regulatorySourceId'),
			f('role', 'role'),
			...provenance
		]
	},
	treatment: {
		fields: [
			f('id', 'id'),
			f('label', 'label'),
			f('kind', 'kind'),
			f('medicines', 'medicineIds', 'list'),
			f('description', 'description')
		]
	},
	facet: {
		fields: [
			f('id', 'id'),
			...localised('label', 'label'),
			f('multiple', 'multiple', 'boolean'),
			f('filter', 'filter', 'boolean')
		]
	},
	'facet-value': {
		parents: ['facet'],
		optionalGroups: ['short'],
		fields: [
			f('id', 'id'),
			...localised('label', 'label'),
			...localised('short', 'short'),
			f('matches_all', 'matchesAll', 'boolean')
		]
	},
	source: {
		fields: [
			f('id', 'id'),
			f('kind', 'kind'),
			f('short_citation', 'shortCitation'),
			f('citation', 'citation'),
			f('publisher', 'publisher'),
			f('language', 'language'),
			f('date', 'date'),
			f('url', 'url'),
			f('doi', 'doi'),
			f('pmid', 'pmid'),
			f('pmcid', 'pmcid'),
			f('registry_id', 'registryId'),
			f('file', 'file'),
			f('notice', 'notice')
		]
	},
	indication: {
		fields: [
			f('id', 'id'),
			f('label', 'label'),
			f('age', 'population.age'),
			f('population', 'population.description'),
			...provenance
		]
	},
	/** One facet of an indication's population: `population.facets[facet] = values`. */
	'indication-facet': {
		parents: ['indication', 'facet'],
		fields: [f('values', 'values', 'list')]
	},
	study: {
		fields: [
			f('id', 'id'),
			f('name', 'name'),
			f('code', 'code'),
			f('registry_id', 'registryId'),
			f('phase', 'phase'),
			f('design', 'design'),
			f('design_detail', 'designDetail'),
			f('indications', 'indicationIds', 'list'),
			f('population', 'population'),
			f('inclusion', 'inclusion', 'json'),
			f('dosing', 'dosing'),
			f('sources', 'sourceIds', 'list'),
			f('notes', 'notes', 'json'),
			...provenance
		]
	},
	arm: {
		parents: ['study'],
		optionalGroups: ['provenance'],
		fields: [
			f('id', 'id'),
			f('label', 'label'),
			f('treatment_id', 'treatmentId'),
			f('regimen', 'regimen'),
			f('role', 'role'),
			f('n', 'n', 'number'),
			...provenance
		]
	},
	'sample-size': {
		parents: ['study'],
		fields: [
			f('id', 'id'),
			f('kind', 'kind'),
			f('label', 'label'),
			f('value', 'value', 'number'),
			f('basis', 'basis'),
			f('derivation', 'derivation'),
			f('printed', 'printed'),
			...provenance
		]
	},
	endpoint: {
		parents: ['study'],
		fields: [
			f('id', 'id'),
			f('kind', 'kind'),
			f('label', 'label'),
			f('definition', 'definition'),
			f('primary', 'primary', 'boolean')
		]
	},
	result: {
		parents: ['study', 'endpoint'],
		optionalGroups: [
			'ci',
			'ci.lowOpen',
			'ci.highOpen',
			'valueOpen',
			'pValue',
			'timepoint',
			'comparison'
		],
		fields: [
			f('id', 'id'),
			f('arm', 'armId'),
			f('comparison_experimental', 'comparison.experimentalArmId'),
			f('comparison_comparator', 'comparison.comparatorArmId'),
			f('timepoint', 'timepoint.label'),
			f('timepoint_value', 'timepoint.value', 'number'),
			f('timepoint_unit', 'timepoint.unit'),
			f('value', 'value', 'number'),
			f('value_open', 'valueOpen.reason'),
			f('value_open_text', 'valueOpen.printed'),
			f('unit', 'unit'),
			f('approximate', 'approximate', 'boolean'),
			f('printed', 'printed'),
			f('text', 'text'),
			f('events', 'events', 'number'),
			f('total', 'total', 'number'),
			f('ci_low', 'ci.low', 'nullable-number'),
			f('ci_high', 'ci.high', 'nullable-number'),
			f('ci_low_open', 'ci.lowOpen.reason'),
			f('ci_low_text', 'ci.lowOpen.printed'),
			f('ci_high_open', 'ci.highOpen.reason'),
			f('ci_high_text', 'ci.highOpen.printed'),
			f('ci_level', 'ci.level', 'number'),
			f('ci_method', 'ci.method'),
			f('p_value', 'pValue.value', 'number'),
			f('p_relation', 'pValue.relation'),
			f('analysis_set', 'analysisSet'),
			f('basis', 'basis'),
			f('derivation', 'derivation'),
			f('headline', 'headline', 'boolean'),
			...provenance
		]
	},
	/** One arm's published Kaplan–Meier curve of a result; its points and at-risk rows follow. */
	curve: {
		parents: UNDER_RESULT,
		optionalGroups: ['digitisation'],
		fields: [
			f('arm', 'armId'),
			f('time_unit', 'timeUnit'),
			f('y_scale', 'yScale'),
			f('total_events', 'totalEvents', 'number'),
			f('digitised_figure', 'digitisation.figure'),
			f('digitised_by', 'digitisation.by'),
			f('digitised_tool', 'digitisation.tool'),
			f('digitised_on', 'digitisation.on'),
			...provenance
		]
	},
	'curve-point': {
		parents: [...UNDER_RESULT, 'arm'],
		fields: [f('time', 'time', 'number'), f('survival', 'survival', 'number')]
	},
	'at-risk': {
		parents: [...UNDER_RESULT, 'arm'],
		fields: [f('time', 'time', 'number'), f('n', 'n', 'number')]
	},
	/** One arm's patient-level data of a result; one `patient` row per patient follows. */
	'patient-data': {
		parents: UNDER_RESULT,
		fields: [f('arm', 'armId'), f('time_unit', 'timeUnit'), f('method', 'method'), ...provenance]
	},
	patient: {
		parents: [...UNDER_RESULT, 'arm'],
		fields: [f('time', 'time', 'number'), f('event', 'event', 'number')]
	},
	discrepancy: {
		fields: [
			f('id', 'id'),
			f('study', 'studyId'),
			f('items', 'itemIds', 'list'),
			f('explanation', 'explanation')
		]
	},
	safety: {
		fields: [
			f('id', 'id'),
			f('medicine', 'medicineId'),
			f('label', 'label'),
			f('version', 'version'),
			f('population', 'population'),
			f('n', 'n', 'number')
		]
	},
	reaction: {
		parents: ['profile'],
		fields: [
			f('id', 'id'),
			f('term', 'term'),
			f('percent', 'percent', 'number'),
			f('category', 'category'),
			...provenance
		]
	},
	timeline: {
		fields: [
			f('id', 'id'),
			f('medicine', 'medicineId'),
			f('date', 'date'),
			f('kind', 'kind'),
			f('label', 'label'),
			f('indications', 'indicationIds', 'list'),
			f('study', 'studyId'),
			...provenance
		]
	},
	dosing: {
		optionalGroups: ['cycle'],
		fields: [
			f('id', 'id'),
			f('medicine', 'medicineId'),
			f('label', 'label'),
			f('population', 'population'),
			f('indications', 'indicationIds', 'list'),
			f('study', 'studyId'),
			f('route', 'route'),
			f('frequency', 'frequency'),
			f('treatment_days', 'cycle.treatmentDays', 'number'),
			f('rest_days', 'cycle.restDays', 'number'),
			f('cycles', 'cycles'),
			...provenance
		]
	},
	'dose-step': {
		parents: ['regimen'],
		fields: [
			f('from_day', 'fromDay', 'number'),
			f('to_day', 'toDay', 'number'),
			f('dose', 'dose', 'number'),
			f('unit', 'unit')
		]
	},
	// One row per comparison; its inputs, transitivity table and published comparisons are
	// nested records with their own provenance, written as JSON cells (like a study's notes).
	'indirect-comparison': {
		fields: [
			f('id', 'id'),
			f('title', 'title'),
			f('effect', 'effect'),
			f('anchor_treatment', 'anchorTreatmentId'),
			f('main_analysis', 'main', 'json'),
			f('main_reason', 'mainReason'),
			f('sensitivity_analyses', 'sensitivity', 'json'),
			f('caveat', 'caveat'),
			f('transitivity', 'transitivity', 'json'),
			f('unanchored', 'unanchored', 'json'),
			f('published_comparisons', 'published', 'json'),
			f('disagreement', 'disagreement')
		]
	}
};

/**
 * The columns that come first, in this order: the record's id and parents, then the tidy result
 * columns in the order of the charts' `TIDY_COLUMNS`. Only the order: the set of columns is
 * whatever the record specs use (`columnsOf`).
 */
const LEADING_COLUMNS = [
	'id',
	'study',
	'indications',
	'arm',
	'endpoint',
	'timepoint',
	'value',
	'unit',
	'events',
	'total',
	'ci_low',
	'ci_high',
	'ci_level',
	'ci_method',
	'basis',
	'source',
	'locator',
	'data_cut'
];

/** Every column of the tidy CSV, in the order it is written. */
export const CSV_COLUMNS: readonly string[] = columnsOf(RECORD_SPECS, LEADING_COLUMNS);

/** A version-1 file's columns (read only). */
const V1_COLUMNS: readonly string[] = columnsOf(V1_RECORD_SPECS, LEADING_COLUMNS);

// ---------------------------------------------------------------- export

function getPath(object: unknown, path: string): unknown {
	let value = object;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/** A number exactly as JavaScript reads it back (`-0` included). */
function numberCell(n: number): string {
	return Object.is(n, -0) ? '-0' : String(n);
}

function encode(value: unknown, type: CellType): string {
	if (value === undefined || value === null) return '';
	switch (type) {
		case 'number':
		case 'nullable-number':
			return typeof value === 'number' ? numberCell(value) : neutraliseFormula(String(value));
		case 'boolean':
			return value ? 'true' : 'false';
		case 'list':
			return neutraliseFormula((value as string[]).join(';'));
		case 'json':
			return neutraliseFormula(JSON.stringify(value));
		default:
			return neutraliseFormula(String(value));
	}
}

const columnIndex = new Map<string, number>(CSV_COLUMNS.map((c, i) => [c, i]));

function row(type: RecordType, object: unknown, parents: Record<string, string> = {}): string[] {
	const cells: string[] = new Array(CSV_COLUMNS.length).fill('');
	cells[0] = type;
	for (const [column, id] of Object.entries(parents))
		cells[columnIndex.get(column)!] = neutraliseFormula(id);
	for (const field of RECORD_SPECS[type].fields)
		cells[columnIndex.get(field.column)!] = encode(getPath(object, field.path), field.type);
	return cells;
}

/**
 * The rows of the tidy CSV, header first. Each parent is followed by its children: a facet by
 * its values, an indication by its facets, a study by its arms, sizes, endpoints and results, a
 * result by its curves (each with its points and at-risk rows) and patient data.
 */
export function datasetToCsvRows(dataset: Dataset): string[][] {
	const rows: string[][] = [[...CSV_COLUMNS]];
	rows.push(row('dataset', dataset));
	for (const medicine of dataset.medicines) rows.push(row('medicine', medicine));
	for (const treatment of dataset.treatments) rows.push(row('treatment', treatment));
	for (const facet of dataset.facets) {
		rows.push(row('facet', facet));
		for (const value of facet.values) rows.push(row('facet-value', value, { facet: facet.id }));
	}
	for (const source of dataset.sources) rows.push(row('source', source));
	for (const indication of dataset.indications) {
		rows.push(row('indication', indication));
		for (const [facet, values] of Object.entries(indication.population.facets))
			rows.push(row('indication-facet', { values }, { indication: indication.id, facet }));
	}
	for (const study of dataset.studies) {
		rows.push(row('study', study));
		const parent = { study: study.id };
		for (const arm of study.arms) rows.push(row('arm', arm, parent));
		for (const size of study.sampleSizes) rows.push(row('sample-size', size, parent));
		for (const endpoint of study.endpoints) {
			rows.push(row('endpoint', endpoint, parent));
			for (const result of endpoint.results) {
				const under = { study: study.id, endpoint: endpoint.id, result: result.id };
				rows.push(row('result', result, { study: study.id, endpoint: endpoint.id }));
				for (const curve of result.curves ?? []) {
					rows.push(row('curve', curve, under));
					const ofArm = { ...under, arm: curve.armId };
					for (const point of curve.points) rows.push(row('curve-point', point, ofArm));
					for (const atRisk of curve.atRisk ?? []) rows.push(row('at-risk', atRisk, ofArm));
				}
				for (const data of result.patientData ?? []) {
					rows.push(row('patient-data', data, under));
					const ofArm = { ...under, arm: data.armId };
					data.time.forEach((time, i) =>
						rows.push(row('patient', { time, event: data.event[i] }, ofArm))
					);
				}
			}
		}
	}
	for (const discrepancy of dataset.discrepancies) rows.push(row('discrepancy', discrepancy));
	for (const profile of dataset.safety) {
		rows.push(row('safety', profile));
		for (const reaction of profile.reactions)
			rows.push(row('reaction', reaction, { profile: profile.id }));
	}
	for (const event of dataset.timeline) rows.push(row('timeline', event));
	for (const regimen of dataset.dosing) {
		rows.push(row('dosing', regimen));
		for (const step of regimen.steps) rows.push(row('dose-step', step, { regimen: regimen.id }));
	}
	for (const itc of dataset.indirectComparisons ?? []) rows.push(row('indirect-comparison', itc));
	return rows;
}

/** The whole dataset as tidy CSV text (UTF-8 BOM, CRLF). */
export function exportDatasetCsv(dataset: Dataset): string {
	return serialiseCsv(datasetToCsvRows(dataset));
}

// ---------------------------------------------------------------- import

/** A problem with the CSV itself (its structure), before the dataset is validated. */
export interface CsvDatasetIssue {
	line: number;
	column?: number;
	columnName?: string;
	message: string;
	kind: 'syntax' | 'csv-structure' | 'reference' | 'forbidden-key';
}

/** Where a dataset path came from in the CSV. */
export interface CsvLocation {
	line: number;
	column?: number;
	columnName?: string;
}

export interface CsvDatasetResult {
	/** The dataset as read, to be validated; absent when the file has no usable header. */
	input?: Record<string, unknown>;
	issues: CsvDatasetIssue[];
	/** The separator the file was read with (detected from its header). */
	separator: CsvSeparator;
	/** Where a dataset path (as the validator writes it) came from: line, and column when known. */
	locate(path: string): CsvLocation | undefined;
}

const NUMBER_CELL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

type Obj = Record<string, unknown>;

function setPath(object: Obj, keys: string[], value: unknown) {
	let target = object;
	for (let i = 0; i < keys.length - 1; i++) {
		const key = keys[i];
		if (!target[key] || typeof target[key] !== 'object') target[key] = {};
		target = target[key] as Obj;
	}
	target[keys[keys.length - 1]] = value;
}

interface RowPlan {
	/** `groups`: the optional groups the field lies in, outermost first. */
	fields: { field: FieldSpec; keys: string[]; groups: string[]; c?: number }[];
	/** Columns of this file that the record kind does not use: they must be empty. */
	foreign: [string, number][];
	parents: (readonly [string, number | undefined])[];
	fieldColumns: Map<string, { index: number; name: string }>;
}

interface ReadRow {
	type: string;
	line: number;
	object: Obj;
	/** Raw parent ids by parent column. */
	parents: Record<string, string>;
	/** Field path → its column in the file (0-based index and name). */
	fieldColumns: Map<string, { index: number; name: string }>;
}

interface CsvFormat {
	version: 1 | 2;
	types: readonly string[];
	specs: Record<string, RecordSpec>;
	columns: readonly string[];
}
const CURRENT_FORMAT: CsvFormat = {
	version: 2,
	types: RECORD_TYPES,
	specs: RECORD_SPECS,
	columns: CSV_COLUMNS
};
const V1_FORMAT: CsvFormat = {
	version: 1,
	types: V1_RECORD_TYPES,
	specs: V1_RECORD_SPECS,
	columns: V1_COLUMNS
};

/**
 * The format a file is written in, from its dataset row's `schema_version` cell: a version-1
 * file is read with the version-1 columns (and then migrated like a version-1 JSON file).
 */
function formatOf(header: string[], body: { cells: string[] }[]): CsvFormat {
	const record = header.indexOf('record');
	const version = header.indexOf('schema_version');
	if (record < 0 || version < 0) return CURRENT_FORMAT;
	const datasetRow = body.find((r) => r.cells[record] === 'dataset');
	return datasetRow?.cells[version]?.trim() === '1' ? V1_FORMAT : CURRENT_FORMAT;
}

/**
 * Reads the tidy CSV into a dataset-shaped object for the validator, with every structural
 * problem (unknown columns or records, cells that do not belong to their record, children
 * without a parent) reported by line and column. Never throws.
 */
export function readDatasetCsv(text: string): CsvDatasetResult {
	const separator = detectSeparator(text);
	const parsed = parseCsv(text, separator);
	const issues: CsvDatasetIssue[] = parsed.issues.map((i) => ({ ...i, kind: 'syntax' }));
	/** Each record's dataset path → its row; cells are found through the row's columns. */
	const rowsByPath = new Map<string, ReadRow>();
	const locate = (path: string): CsvLocation | undefined => {
		for (const at of ancestors(path)) {
			const row = rowsByPath.get(at);
			if (!row) continue;
			const rel = at === '(root)' ? path : path.slice(at.length + 1);
			for (const part of rel ? ancestors(rel).slice(0, -1) : []) {
				const exact = row.fieldColumns.get(part);
				if (exact) return { line: row.line, column: exact.index + 1, columnName: exact.name };
				// A nested object (e.g. `provenance`) points at its first cell.
				for (const [fieldPath, cell] of row.fieldColumns)
					if (fieldPath.startsWith(`${part}.`))
						return { line: row.line, column: cell.index + 1, columnName: cell.name };
			}
			return { line: row.line };
		}
		return undefined;
	};
	const [header, ...body] = parsed.records;
	if (!header) {
		issues.push({ line: 1, message: 'the file is empty', kind: 'csv-structure' });
		return { issues, separator, locate };
	}
	const format = formatOf(header.cells, body);
	const known = new Set<string>(format.columns);
	const seenColumns = new Map<string, number>();
	header.cells.forEach((name, c) => {
		if (!known.has(name))
			issues.push({
				line: header.line,
				column: c + 1,
				columnName: name,
				message: `unknown column "${name.slice(0, 40)}"`,
				kind: 'csv-structure'
			});
		else if (seenColumns.has(name))
			issues.push({
				line: header.line,
				column: c + 1,
				columnName: name,
				message: `column "${name}" appears twice (first as column ${seenColumns.get(name)! + 1})`,
				kind: 'csv-structure'
			});
		else seenColumns.set(name, c);
	});
	const recordColumn = seenColumns.get('record');
	if (recordColumn === undefined) {
		issues.push({
			line: header.line,
			message: 'the header has no "record" column; the first line must name the columns',
			kind: 'csv-structure'
		});
		return { issues, separator, locate };
	}

	// What each kind of record reads from this file's columns, worked out once per kind.
	const plans = new Map<string, RowPlan>();
	const planFor = (type: string): RowPlan => {
		let plan = plans.get(type);
		if (plan) return plan;
		const spec = format.specs[type];
		const own = new Set(['record', ...(spec.parents ?? []), ...spec.fields.map((x) => x.column)]);
		const fields = spec.fields.map((field) => ({
			field,
			keys: field.path.split('.'),
			groups: (spec.optionalGroups ?? [])
				.filter((g) => field.path.startsWith(`${g}.`))
				.sort((a, b) => a.length - b.length),
			c: seenColumns.get(field.column)
		}));
		plan = {
			fields,
			foreign: [...seenColumns].filter(([name]) => !own.has(name)),
			parents: (spec.parents ?? []).map((column) => [column, seenColumns.get(column)] as const),
			fieldColumns: new Map(
				fields
					.filter((f) => f.c !== undefined)
					.map((f) => [f.field.path, { index: f.c!, name: f.field.column }])
			)
		};
		plans.set(type, plan);
		return plan;
	};

	const rows: ReadRow[] = [];
	for (const record of body) {
		const { line, cells } = record;
		if (cells.length !== header.cells.length)
			issues.push({
				line,
				column: Math.min(cells.length, header.cells.length) + 1,
				message: `${cells.length} cells, but the header has ${header.cells.length}`,
				kind: 'csv-structure'
			});
		const type = cells[recordColumn] ?? '';
		if (!Object.hasOwn(format.specs, type)) {
			issues.push({
				line,
				column: recordColumn + 1,
				columnName: 'record',
				message: `unknown record type "${(cells[recordColumn] ?? '').slice(0, 40)}"; expected one of ${format.types.join(', ')}`,
				kind: 'csv-structure'
			});
			continue;
		}
		const plan = planFor(type);
		for (const [name, c] of plan.foreign)
			if ((cells[c] ?? '') !== '')
				issues.push({
					line,
					column: c + 1,
					columnName: name,
					message: `column "${name}" does not apply to a ${type} row; leave it empty`,
					kind: 'csv-structure'
				});
		const cell = (c: number | undefined) => (c === undefined ? '' : (cells[c] ?? ''));
		const object: Obj = {};
		const filledGroups = new Set<string>();
		for (const f of plan.fields)
			if (f.groups.length && cell(f.c) !== '') for (const g of f.groups) filledGroups.add(g);
		for (const { field, keys, groups, c } of plan.fields) {
			if (!groups.every((g) => filledGroups.has(g))) continue;
			// A nested field's objects exist even when its cells are empty, so the validator
			// names the missing field (`provenance.locator`) rather than its whole object.
			let container = object;
			for (const key of keys.slice(0, -1)) {
				if (!container[key] || typeof container[key] !== 'object') container[key] = {};
				container = container[key] as Obj;
			}
			const value = decode(cell(c), field.type, (message) =>
				issues.push({
					line,
					column: (c ?? 0) + 1,
					columnName: field.column,
					message,
					kind: message.startsWith('forbidden key') ? 'forbidden-key' : 'syntax'
				})
			);
			if (value !== undefined) setPath(object, keys, value);
		}
		const parents: Record<string, string> = {};
		for (const [column, c] of plan.parents) parents[column] = restoreNeutralised(cell(c));
		rows.push({ type, line, object, parents, fieldColumns: plan.fieldColumns });
	}
	const input = assemble(format.version, rows, issues, rowsByPath, seenColumns);
	return { input, issues, separator, locate };
}

function decode(raw: string, type: CellType, report: (message: string) => void): unknown {
	if (raw === '') return type === 'list' ? [] : type === 'nullable-number' ? null : undefined;
	switch (type) {
		case 'number':
		case 'nullable-number':
			return NUMBER_CELL.test(raw) ? Number(raw) : restoreNeutralised(raw);
		case 'boolean':
			return /^true$/i.test(raw) ? true : /^false$/i.test(raw) ? false : restoreNeutralised(raw);
		case 'list':
			return restoreNeutralised(raw)
				.split(';')
				.map((id) => id.trim());
		case 'json': {
			const read = parseJsonText(restoreNeutralised(raw));
			for (const issue of read.issues)
				report(
					issue.kind === 'forbidden-key'
						? `${issue.message} in the JSON of this cell`
						: `the cell is not valid JSON (${issue.message}, character ${issue.column}); write a list such as ["first", "second"]`
				);
			return read.issues.length ? undefined : read.value;
		}
		default:
			return restoreNeutralised(raw);
	}
}

/** Puts the rows together: parents first, then children attached by their parents' ids. */
function assemble(
	version: 1 | 2,
	rows: ReadRow[],
	issues: CsvDatasetIssue[],
	rowsByPath: Map<string, ReadRow>,
	columns: Map<string, number>
): Obj {
	const register = (path: string, row: ReadRow) => rowsByPath.set(path || '(root)', row);
	const ofType = (type: string) => rows.filter((r) => r.type === type);
	const single = (type: 'dataset' | 'medicine'): ReadRow | undefined => {
		const found = ofType(type);
		for (const extra of found.slice(1))
			issues.push({
				line: extra.line,
				message: `a second ${type} row (the first is on line ${found[0].line}); keep one`,
				kind: 'csv-structure'
			});
		if (!found.length)
			issues.push({
				line: 1,
				message: `the file has no ${type} row; add one`,
				kind: 'csv-structure'
			});
		return found[0];
	};
	const orphan = (row: ReadRow, parentColumn: string, parentType: string, id: string) => {
		const c = columns.get(parentColumn);
		issues.push({
			line: row.line,
			column: c === undefined ? undefined : c + 1,
			columnName: parentColumn,
			message: id
				? `this ${row.type} row names ${parentType} "${id}", but no ${parentType} row has that id`
				: `this ${row.type} row does not name its ${parentType} in column "${parentColumn}"`,
			kind: 'reference'
		});
	};

	const datasetRow = single('dataset');
	const dataset: Obj = datasetRow ? { ...datasetRow.object } : {};
	if (datasetRow) register('', datasetRow);
	if (version === 1) {
		// Version 1 had one medicine, as an object.
		const medicineRow = single('medicine');
		if (medicineRow) {
			dataset.medicine = medicineRow.object;
			register('medicine', medicineRow);
		}
	}

	const list = (key: string, type: RecordType) => {
		const items: Obj[] = [];
		for (const row of ofType(type)) {
			register(`${key}[${items.length}]`, row);
			items.push(row.object);
		}
		dataset[key] = items;
		return items;
	};
	if (version === 2) {
		list('medicines', 'medicine');
		list('treatments', 'treatment');
	}
	list('sources', 'source');
	const indications = list('indications', 'indication');

	/** Parents by id, with their path; the first of duplicate ids wins (the validator reports the rest). */
	const byId = <T>(entries: { id: unknown; value: T; row: ReadRow; type: string }[]) => {
		const map = new Map<string, T>();
		for (const { id, value, row, type } of entries) {
			if (typeof id !== 'string' || !id) continue;
			if (map.has(id))
				issues.push({
					line: row.line,
					column: (columns.get('id') ?? 0) + 1,
					columnName: 'id',
					message: `a second ${type} with id "${id}": rows that name it attach to the first`,
					kind: 'csv-structure'
				});
			else map.set(id, value);
		}
		return map;
	};

	interface StudyEntry {
		path: string;
		object: Obj;
		arms: Obj[];
		sampleSizes: Obj[];
		endpoints: Obj[];
		endpointById: Map<string, { path: string; results: Obj[] }>;
	}
	const studyEntries = ofType('study').map((row, s): StudyEntry & { row: ReadRow } => {
		const entry = {
			path: `studies[${s}]`,
			object: row.object,
			arms: [] as Obj[],
			sampleSizes: [] as Obj[],
			endpoints: [] as Obj[],
			endpointById: new Map<string, { path: string; results: Obj[] }>(),
			row
		};
		register(entry.path, row);
		Object.assign(row.object, {
			arms: entry.arms,
			sampleSizes: entry.sampleSizes,
			endpoints: entry.endpoints
		});
		return entry;
	});
	dataset.studies = studyEntries.map((e) => e.object);
	const studies = byId(
		studyEntries.map((e) => ({ id: e.object.id, value: e, row: e.row, type: 'study' }))
	);

	const attach = (type: 'arm' | 'sample-size', key: 'arms' | 'sampleSizes') => {
		for (const row of ofType(type)) {
			const study = studies.get(row.parents.study);
			if (!study) {
				orphan(row, 'study', 'study', row.parents.study);
				continue;
			}
			register(`${study.path}.${key}[${study[key].length}]`, row);
			study[key].push(row.object);
		}
	};
	attach('arm', 'arms');
	attach('sample-size', 'sampleSizes');
	for (const row of ofType('endpoint')) {
		const study = studies.get(row.parents.study);
		if (!study) {
			orphan(row, 'study', 'study', row.parents.study);
			continue;
		}
		const path = `${study.path}.endpoints[${study.endpoints.length}]`;
		register(path, row);
		const results: Obj[] = [];
		row.object.results = results;
		study.endpoints.push(row.object);
		const id = row.object.id;
		if (typeof id === 'string' && id) {
			if (study.endpointById.has(id))
				issues.push({
					line: row.line,
					column: (columns.get('id') ?? 0) + 1,
					columnName: 'id',
					message: `a second endpoint "${id}" in study "${row.parents.study}": results that name it attach to the first`,
					kind: 'csv-structure'
				});
			else study.endpointById.set(id, { path, results });
		}
	}
	const resultByKey = new Map<string, { path: string; object: Obj }>();
	for (const row of ofType('result')) {
		const study = studies.get(row.parents.study);
		if (!study) {
			orphan(row, 'study', 'study', row.parents.study);
			continue;
		}
		const endpoint = study.endpointById.get(row.parents.endpoint);
		if (!endpoint) {
			orphan(row, 'endpoint', `endpoint of study "${row.parents.study}"`, row.parents.endpoint);
			continue;
		}
		const path = `${endpoint.path}.results[${endpoint.results.length}]`;
		register(path, row);
		endpoint.results.push(row.object);
		const id = row.object.id;
		const key = JSON.stringify([row.parents.study, row.parents.endpoint, id]);
		if (typeof id === 'string' && id && !resultByKey.has(key))
			resultByKey.set(key, { path, object: row.object });
	}

	/** A version-2 indication's facets, one `indication-facet` row per facet. */
	function attachIndicationFacets(items: Obj[]) {
		const byIndication = byId(
			items.map((object, i) => ({
				id: object.id,
				value: { object, path: `indications[${i}]` },
				row: rowsByPath.get(`indications[${i}]`)!,
				type: 'indication'
			}))
		);
		for (const { object } of byIndication.values()) {
			if (!object.population || typeof object.population !== 'object') object.population = {};
			(object.population as Obj).facets = {};
		}
		for (const row of ofType('indication-facet')) {
			const indication = byIndication.get(row.parents.indication);
			if (!indication) {
				orphan(row, 'indication', 'indication', row.parents.indication);
				continue;
			}
			const facets = (indication.object.population as Obj).facets as Obj;
			const facet = row.parents.facet;
			if (Object.hasOwn(facets, facet)) {
				issues.push({
					line: row.line,
					column: (columns.get('facet') ?? 0) + 1,
					columnName: 'facet',
					message: `a second row for facet "${facet}" of indication "${row.parents.indication}"; give all its values in one row`,
					kind: 'csv-structure'
				});
				continue;
			}
			register(`${indication.path}.population.facets.${facet}`, row);
			facets[facet] = row.object.values;
		}
	}

	/** Curves and patient data attach to their result; points, at-risk rows and patients to their arm's curve or data. */
	function attachCurves() {
		const parts = new Map<string, { path: string; object: Obj }>();
		const partKey = (kind: string, row: ReadRow, arm: unknown) =>
			JSON.stringify([kind, row.parents.study, row.parents.endpoint, row.parents.result, arm]);
		for (const [type, listKey, kind] of [
			['curve', 'curves', 'curve'],
			['patient-data', 'patientData', 'patients']
		] as const) {
			for (const row of ofType(type)) {
				const result = resultByKey.get(
					JSON.stringify([row.parents.study, row.parents.endpoint, row.parents.result])
				);
				if (!result) {
					orphan(
						row,
						'result',
						`result of endpoint "${row.parents.endpoint}" of study "${row.parents.study}"`,
						row.parents.result
					);
					continue;
				}
				const items = (result.object[listKey] ??= []) as Obj[];
				const path = `${result.path}.${listKey}[${items.length}]`;
				register(path, row);
				if (type === 'curve') row.object.points = [];
				else Object.assign(row.object, { time: [], event: [] });
				items.push(row.object);
				const key = partKey(kind, row, row.object.armId);
				if (parts.has(key))
					issues.push({
						line: row.line,
						column: (columns.get('arm') ?? 0) + 1,
						columnName: 'arm',
						message: `a second ${type} row for arm "${String(row.object.armId)}" of this result: the rows that name the arm attach to the first`,
						kind: 'csv-structure'
					});
				else parts.set(key, { path, object: row.object });
			}
		}
		const findPart = (row: ReadRow, kind: 'curve' | 'patients') => {
			const part = parts.get(partKey(kind, row, row.parents.arm));
			if (!part)
				orphan(
					row,
					'arm',
					kind === 'curve' ? 'curve of arm' : 'patient data of arm',
					row.parents.arm
				);
			return part;
		};
		for (const type of ['curve-point', 'at-risk'] as const)
			for (const row of ofType(type)) {
				const curve = findPart(row, 'curve');
				if (!curve) continue;
				const key = type === 'curve-point' ? 'points' : 'atRisk';
				const items = (curve.object[key] ??= []) as Obj[];
				register(`${curve.path}.${key}[${items.length}]`, row);
				items.push(row.object);
			}
		for (const row of ofType('patient')) {
			const data = findPart(row, 'patients');
			if (!data) continue;
			const time = data.object.time as unknown[];
			register(`${data.path}.time[${time.length}]`, row);
			register(`${data.path}.event[${time.length}]`, row);
			time.push(row.object.time);
			(data.object.event as unknown[]).push(row.object.event);
		}
	}

	list('discrepancies', 'discrepancy');

	const children = (
		key: string,
		type: string,
		childType: string,
		childKey: string,
		parentColumn: string,
		parentName: string
	) => {
		const parents = ofType(type).map((row, i) => {
			const kids: Obj[] = [];
			row.object[childKey] = kids;
			register(`${key}[${i}]`, row);
			return { id: row.object.id, value: { path: `${key}[${i}]`, kids }, row, type };
		});
		dataset[key] = parents.map((p) => p.row.object);
		const map = byId(parents);
		for (const row of ofType(childType)) {
			const parent = map.get(row.parents[parentColumn]);
			if (!parent) {
				orphan(row, parentColumn, parentName, row.parents[parentColumn]);
				continue;
			}
			register(`${parent.path}.${childKey}[${parent.kids.length}]`, row);
			parent.kids.push(row.object);
		}
	};
	children('safety', 'safety', 'reaction', 'reactions', 'profile', 'safety profile');
	list('timeline', 'timeline');
	children('dosing', 'dosing', 'dose-step', 'steps', 'regimen', 'dosing regimen');
	// Optional in the schema: a file without comparisons gets no key (not an empty list).
	if (ofType('indirect-comparison').length) list('indirectComparisons', 'indirect-comparison');
	if (version === 2) {
		children('facets', 'facet', 'facet-value', 'values', 'facet', 'facet');
		attachIndicationFacets(indications);
		attachCurves();
	}
	return dataset;
}
