/**
 * The whole dataset as one tidy CSV, and back.
 *
 * One row per record; the `record` column says which kind (dataset, medicine, source,
 * indication, study, arm, sample-size, endpoint, result, discrepancy, safety, reaction,
 * timeline, dosing, dose-step). Every field of the schema has its own column, shared by the
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

type CellType = 'text' | 'number' | 'boolean' | 'list' | 'json';

interface FieldSpec {
	column: string;
	/** Dotted path inside the record's object, e.g. `ci.low`. */
	path: string;
	type: CellType;
}

export const RECORD_TYPES = [
	'dataset',
	'medicine',
	'source',
	'indication',
	'study',
	'arm',
	'sample-size',
	'endpoint',
	'result',
	'discrepancy',
	'safety',
	'reaction',
	'timeline',
	'dosing',
	'dose-step'
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

interface RecordSpec {
	fields: FieldSpec[];
	/** Columns naming the parent record (not fields of this one). */
	parents?: string[];
	/** Nested objects that are absent when all their cells are empty. */
	optionalGroups?: string[];
}

const f = (column: string, path: string, type: CellType = 'text'): FieldSpec => ({
	column,
	path,
	type
});
const provenance: FieldSpec[] = [
	f('source', 'provenance.sourceId'),
	f('locator', 'provenance.locator'),
	f('quote', 'provenance.quote'),
	f('gloss', 'provenance.gloss'),
	f('data_cut', 'provenance.dataCut'),
	f('follow_up', 'provenance.followUp')
];

export const RECORD_SPECS: Record<RecordType, RecordSpec> = {
	dataset: {
		fields: [
			f('schema_version', 'schemaVersion', 'number'),
			f('version', 'version'),
			f('released', 'released'),
			f('synthetic', 'synthetic', 'boolean')
		]
	},
	medicine: {
		fields: [
			f('name', 'name'),
			f('inn', 'inn'),
			f('atc', 'atc'),
			f('mechanism', 'mechanism'),
			f('procedure', 'procedure'),
			...provenance
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
			f('age_groups', 'population.ageGroups', 'list'),
			f('age', 'population.age'),
			f('ph_status', 'population.phStatus'),
			f('setting', 'population.setting'),
			f('line', 'population.line'),
			f('population', 'population.description'),
			...provenance
		]
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
			f('treatment', 'treatment'),
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
		optionalGroups: ['ci', 'pValue', 'timepoint', 'comparison'],
		fields: [
			f('id', 'id'),
			f('arm', 'armId'),
			f('comparison_experimental', 'comparison.experimentalArmId'),
			f('comparison_comparator', 'comparison.comparatorArmId'),
			f('timepoint', 'timepoint.label'),
			f('timepoint_value', 'timepoint.value', 'number'),
			f('timepoint_unit', 'timepoint.unit'),
			f('value', 'value', 'number'),
			f('unit', 'unit'),
			f('approximate', 'approximate', 'boolean'),
			f('printed', 'printed'),
			f('text', 'text'),
			f('events', 'events', 'number'),
			f('total', 'total', 'number'),
			f('ci_low', 'ci.low', 'number'),
			f('ci_high', 'ci.high', 'number'),
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
			f('date', 'date'),
			f('kind', 'kind'),
			f('label', 'label'),
			f('indications', 'indicationIds', 'list'),
			f('study', 'studyId'),
			...provenance
		]
	},
	dosing: {
		fields: [
			f('id', 'id'),
			f('label', 'label'),
			f('population', 'population'),
			f('indications', 'indicationIds', 'list'),
			f('study', 'studyId'),
			f('infusion_weeks', 'infusionWeeks', 'number'),
			f('rest_weeks', 'restWeeks', 'number'),
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
	}
};

/**
 * Column order: the record kind and id, then the tidy result columns in the order of the
 * charts' `TIDY_COLUMNS`, then everything else grouped by what it describes.
 */
export const CSV_COLUMNS = [
	'record',
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
	'data_cut',
	'quote',
	'gloss',
	'follow_up',
	'label',
	'name',
	'kind',
	'printed',
	'approximate',
	'text',
	'derivation',
	'headline',
	'timepoint_value',
	'timepoint_unit',
	'p_value',
	'p_relation',
	'analysis_set',
	'comparison_experimental',
	'comparison_comparator',
	'primary',
	'definition',
	'code',
	'registry_id',
	'phase',
	'design',
	'design_detail',
	'population',
	'inclusion',
	'dosing',
	'sources',
	'notes',
	'treatment',
	'role',
	'n',
	'age_groups',
	'age',
	'ph_status',
	'setting',
	'line',
	'short_citation',
	'citation',
	'publisher',
	'language',
	'date',
	'url',
	'doi',
	'pmid',
	'pmcid',
	'file',
	'notice',
	'items',
	'explanation',
	'profile',
	'term',
	'percent',
	'category',
	'version',
	'regimen',
	'infusion_weeks',
	'rest_weeks',
	'cycles',
	'from_day',
	'to_day',
	'dose',
	'schema_version',
	'released',
	'synthetic',
	'inn',
	'atc',
	'mechanism',
	'procedure'
] as const;

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

/** The rows of the tidy CSV, header first; each study is followed by its arms, sizes, endpoints and results. */
export function datasetToCsvRows(dataset: Dataset): string[][] {
	const rows: string[][] = [[...CSV_COLUMNS]];
	rows.push(row('dataset', dataset));
	for (const medicine of dataset.medicines) rows.push(row('medicine', medicine));
	for (const source of dataset.sources) rows.push(row('source', source));
	for (const indication of dataset.indications) rows.push(row('indication', indication));
	for (const study of dataset.studies) {
		rows.push(row('study', study));
		const parent = { study: study.id };
		for (const arm of study.arms) rows.push(row('arm', arm, parent));
		for (const size of study.sampleSizes) rows.push(row('sample-size', size, parent));
		for (const endpoint of study.endpoints) {
			rows.push(row('endpoint', endpoint, parent));
			for (const result of endpoint.results)
				rows.push(row('result', result, { study: study.id, endpoint: endpoint.id }));
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
	fields: { field: FieldSpec; keys: string[]; group: string; optional: boolean; c?: number }[];
	/** Columns of this file that the record kind does not use: they must be empty. */
	foreign: [string, number][];
	parents: (readonly [string, number | undefined])[];
	fieldColumns: Map<string, { index: number; name: string }>;
}

interface ReadRow {
	type: RecordType;
	line: number;
	object: Obj;
	/** Raw parent ids by parent column. */
	parents: Record<string, string>;
	/** Field path → its column in the file (0-based index and name). */
	fieldColumns: Map<string, { index: number; name: string }>;
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
	const known = new Set<string>(CSV_COLUMNS);
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
	const plans = new Map<RecordType, RowPlan>();
	const planFor = (type: RecordType): RowPlan => {
		let plan = plans.get(type);
		if (plan) return plan;
		const spec = RECORD_SPECS[type];
		const own = new Set(['record', ...(spec.parents ?? []), ...spec.fields.map((x) => x.column)]);
		const fields = spec.fields.map((field) => {
			const keys = field.path.split('.');
			return {
				field,
				keys,
				group: keys[0],
				optional: !!spec.optionalGroups?.includes(keys[0]),
				c: seenColumns.get(field.column)
			};
		});
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
		const type = cells[recordColumn] as RecordType;
		if (!Object.hasOwn(RECORD_SPECS, type)) {
			issues.push({
				line,
				column: recordColumn + 1,
				columnName: 'record',
				message: `unknown record type "${(cells[recordColumn] ?? '').slice(0, 40)}"; expected one of ${RECORD_TYPES.join(', ')}`,
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
		for (const f of plan.fields) if (f.optional && cell(f.c) !== '') filledGroups.add(f.group);
		for (const { field, keys, group, optional, c } of plan.fields) {
			if (optional && !filledGroups.has(group)) continue;
			if (keys.length > 1 && !object[group]) object[group] = {};
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
	return { input: assemble(rows, issues, rowsByPath, seenColumns), issues, separator, locate };
}

function decode(raw: string, type: CellType, report: (message: string) => void): unknown {
	if (raw === '') return type === 'list' ? [] : undefined;
	switch (type) {
		case 'number':
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
	rows: ReadRow[],
	issues: CsvDatasetIssue[],
	rowsByPath: Map<string, ReadRow>,
	columns: Map<string, number>
): Obj {
	const register = (path: string, row: ReadRow) => rowsByPath.set(path || '(root)', row);
	const ofType = (type: RecordType) => rows.filter((r) => r.type === type);
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
	const medicineRow = single('medicine');
	const dataset: Obj = datasetRow ? { ...datasetRow.object } : {};
	if (datasetRow) register('', datasetRow);
	if (medicineRow) {
		dataset.medicine = medicineRow.object;
		register('medicine', medicineRow);
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
	list('sources', 'source');
	list('indications', 'indication');

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
		register(`${endpoint.path}.results[${endpoint.results.length}]`, row);
		endpoint.results.push(row.object);
	}

	list('discrepancies', 'discrepancy');

	const children = (
		key: 'safety' | 'dosing',
		type: 'safety' | 'dosing',
		childType: 'reaction' | 'dose-step',
		childKey: 'reactions' | 'steps',
		parentColumn: 'profile' | 'regimen'
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
				orphan(
					row,
					parentColumn,
					type === 'safety' ? 'safety profile' : 'dosing regimen',
					row.parents[parentColumn]
				);
				continue;
			}
			register(`${parent.path}.${childKey}[${parent.kids.length}]`, row);
			parent.kids.push(row.object);
		}
	};
	children('safety', 'safety', 'reaction', 'reactions', 'profile');
	list('timeline', 'timeline');
	children('dosing', 'dosing', 'dose-step', 'steps', 'regimen');
	return dataset;
}
