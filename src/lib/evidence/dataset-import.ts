/**
 * Importing a dataset file (JSON or the tidy CSV): read, validate, and either hand back the
 * whole valid dataset or every problem with its path, line and column. Nothing is half
 * imported. Plain TypeScript, so it runs the same in a Web Worker, in node and in tests.
 */
import type { CsvSeparator } from './csv';
import { readDatasetCsv, type CsvLocation } from './dataset-csv';
import { locateJsonPaths, parseJsonText } from './json-text';
import type { Migration } from './migrate';
import type { Dataset } from './schema';
import type { IssueKind, ValidationIssue } from './issues';
import { validateDataset } from './validate';

/** Files larger than this are refused before they are read (20 MB). */
export const MAX_IMPORT_BYTES = 20_000_000;

/** How many issues get a line and column looked up; a file with more is broken throughout. */
const MAX_LOCATED_ISSUES = 1000;

export type ImportFormat = 'json' | 'csv';

/** One problem with an imported file: a dataset path, and where the file says it. */
export interface ImportIssue {
	/** Dataset path such as `studies[2].arms[0].n`, or `line 12` for problems of the CSV itself. */
	path: string;
	message: string;
	kind: IssueKind;
	line?: number;
	column?: number;
	/** The CSV column's header. */
	columnName?: string;
}

/**
 * `migration` is set when the file was in an older format version and was migrated on read:
 * the page must say so (what was inferred needs checking), and the issues' paths are those of
 * the migrated form. `separator` is set for a CSV file read with semicolons between its cells.
 */
export type ImportOutcome = (
	| { ok: true; format: ImportFormat; dataset: Dataset; migration?: Migration }
	| { ok: false; format?: ImportFormat; issues: ImportIssue[]; migration?: Migration }
) & {
	/** A CSV file read with semicolons between its cells (see `detectSeparator`). */
	separator?: CsvSeparator;
};

const migrated = (migration: Migration | undefined) => (migration ? { migration } : {});

/** The numbers a person checks before activating an imported dataset. */
export interface DatasetSummary {
	medicine: string;
	inn: string;
	version: string;
	released: string;
	synthetic: boolean;
	studies: number;
	results: number;
	sources: number;
	indications: number;
}

export function summariseDataset(dataset: Dataset): DatasetSummary {
	return {
		medicine: dataset.shortTitle,
		inn: dataset.medicines.map((m) => m.inn).join(', '),
		version: dataset.version,
		released: dataset.released,
		synthetic: dataset.synthetic,
		studies: dataset.studies.length,
		results: dataset.studies.reduce(
			(sum, s) => sum + s.endpoints.reduce((n, e) => n + e.results.length, 0),
			0
		),
		sources: dataset.sources.length,
		indications: dataset.indications.length
	};
}

/** The issue for a file over the size limit, or undefined when it fits. */
export function sizeIssue(bytes: number): ImportIssue | undefined {
	if (bytes <= MAX_IMPORT_BYTES) return undefined;
	// In bytes: rounded megabytes would say "20.0 MB; the limit is 20 MB" of a file one byte over.
	const count = (n: number) => n.toLocaleString('en-GB');
	return {
		path: '(file)',
		message: `the file is ${count(bytes)} bytes; the limit is ${count(MAX_IMPORT_BYTES)} bytes (${MAX_IMPORT_BYTES / 1_000_000} MB)`,
		kind: 'size'
	};
}

/**
 * How deeply a dataset may nest objects and lists. The format itself needs about a dozen
 * levels; a value nested far deeper is not a dataset, and would overflow recursive code (the
 * structured clone that hands it to a worker, the validator) instead of being reported.
 */
export const MAX_NESTING = 64;

/** Whether `value` nests objects or lists deeper than `limit` levels (checked without recursion). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
	const stack: [unknown, number][] = [[value, 1]];
	while (stack.length) {
		const [item, depth] = stack.pop()!;
		if (!item || typeof item !== 'object') continue;
		if (depth > limit) return true;
		for (const child of Object.values(item)) stack.push([child, depth + 1]);
	}
	return false;
}

/** The issue for a value nested deeper than any dataset, or undefined. */
export function nestingIssue(value: unknown): ImportIssue | undefined {
	if (!nestsDeeperThan(value, MAX_NESTING)) return undefined;
	return {
		path: '(root)',
		message: `objects and lists are nested more than ${MAX_NESTING} levels deep; a dataset never is`,
		kind: 'value'
	};
}

/**
 * The text of a file's bytes, strictly as UTF-8: a file saved in another encoding (Excel's
 * "CSV" in Windows-1252, say) is refused rather than read with replacement characters.
 */
export function decodeImportBytes(
	bytes: ArrayBuffer | Uint8Array
): { ok: true; text: string } | { ok: false; issue: ImportIssue } {
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		return {
			ok: false,
			issue: {
				path: '(file)',
				message: 'the file is not UTF-8 text',
				kind: 'encoding'
			}
		};
	}
}

/** JSON or CSV, by the file name's extension, else by the first character. */
export function detectFormat(text: string, fileName?: string): ImportFormat {
	const extension = fileName?.toLowerCase().match(/\.(json|csv)$/)?.[1];
	if (extension === 'json' || extension === 'csv') return extension;
	const first = text.replace(/^\uFEFF/, '').trimStart()[0];
	return first === '{' || first === '[' ? 'json' : 'csv';
}

function located(
	issue: ValidationIssue,
	place: CsvLocation | { line: number; column: number } | undefined
): ImportIssue {
	return { path: issue.path, message: issue.message, kind: issue.kind, ...place };
}

function importJson(text: string): ImportOutcome {
	const read = parseJsonText(text);
	const readIssues: ImportIssue[] = read.issues.map((i) => ({
		path: i.path,
		message: i.message,
		kind: i.kind,
		line: i.line,
		column: i.column
	}));
	if (!('value' in read)) return { ok: false, format: 'json', issues: readIssues };
	const outcome = validateDataset(read.value);
	if (outcome.ok && !readIssues.length)
		return { ok: true, format: 'json', dataset: outcome.dataset, ...migrated(outcome.migration) };
	const issues = outcome.ok ? [] : outcome.issues;
	// A migrated file's paths name the migrated form; one the text lacks (medicines[0]) is
	// placed at its nearest ancestor the text has.
	const places = locateJsonPaths(
		text,
		issues.slice(0, MAX_LOCATED_ISSUES).map((i) => i.path)
	);
	return {
		ok: false,
		format: 'json',
		issues: [...readIssues, ...issues.map((i) => located(i, places.get(i.path)))],
		...migrated(outcome.migration)
	};
}

function importCsv(text: string): ImportOutcome {
	const read = readDatasetCsv(text);
	const readIssues: ImportIssue[] = read.issues.map((i) => ({
		path: `line ${i.line}`,
		message: i.message,
		kind: i.kind,
		line: i.line,
		column: i.column,
		columnName: i.columnName
	}));
	const separator = read.separator === ';' ? { separator: read.separator } : {};
	if (!read.input) return { ok: false, format: 'csv', issues: readIssues, ...separator };
	const outcome = validateDataset(read.input);
	if (outcome.ok && !readIssues.length)
		return {
			ok: true,
			format: 'csv',
			dataset: outcome.dataset,
			...separator,
			...migrated(outcome.migration)
		};
	const issues = outcome.ok ? [] : outcome.issues;
	return {
		ok: false,
		format: 'csv',
		issues: [...readIssues, ...issues.map((i) => located(i, read.locate(i.path)))],
		...separator,
		...migrated(outcome.migration)
	};
}

/**
 * Reads and validates a dataset file's text. Never throws: whatever the input, the outcome is
 * either a valid dataset or a non-empty list of issues, each with a path.
 */
export function importDataset(
	text: string,
	options: { fileName?: string; format?: ImportFormat; bytes?: number } = {}
): ImportOutcome {
	const tooBig = sizeIssue(options.bytes ?? text.length);
	if (tooBig) return { ok: false, issues: [tooBig] };
	const format = options.format ?? detectFormat(text, options.fileName);
	try {
		return format === 'json' ? importJson(text) : importCsv(text);
	} catch (error) {
		// A bug of ours must not pass for a valid import, nor crash the page.
		return {
			ok: false,
			format,
			issues: [
				{
					path: '(file)',
					message: `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
					kind: 'syntax'
				}
			]
		};
	}
}

/** Validates a dataset object (e.g. one restored from browser storage) with the same outcome type. */
export function importDatasetObject(value: unknown): ImportOutcome {
	const tooDeep = nestingIssue(value);
	if (tooDeep) return { ok: false, format: 'json', issues: [tooDeep] };
	try {
		const outcome = validateDataset(value);
		return outcome.ok
			? { ok: true, format: 'json', dataset: outcome.dataset }
			: { ok: false, format: 'json', issues: outcome.issues.map((i) => located(i, undefined)) };
	} catch (error) {
		return {
			ok: false,
			issues: [{ path: '(root)', message: String(error), kind: 'value' }]
		};
	}
}
