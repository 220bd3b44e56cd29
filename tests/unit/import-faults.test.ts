/**
 * Faults of imported input that the fault probe found (issue #19): a semicolon-separated CSV,
 * the size message of a file just over the limit, and values nested deeper than any dataset.
 */
import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv, serialiseCsv } from '$lib/evidence/csv';
import { exportDatasetCsv } from '$lib/evidence/dataset-csv';
import {
	MAX_IMPORT_BYTES,
	MAX_NESTING,
	importDataset,
	importDatasetObject,
	nestsDeeperThan,
	sizeIssue
} from '$lib/evidence/dataset-import';
import { loadEmbeddedDataset } from '$lib/evidence/load';

/** The same records with semicolons between cells, quoted where a semicolon spreadsheet quotes. */
function withSemicolons(csv: string): string {
	const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
	return parseCsv(csv)
		.records.map((r) => r.cells.map(quote).join(';'))
		.join('\r\n');
}

describe('detectSeparator', () => {
	it.each([
		['record,id,study\r\nstudy,a,b', ','],
		['record;id;study\r\nstudy;a;b', ';'],
		['\uFEFFrecord;id;study\n', ';'],
		// A semicolon inside a quoted header cell does not count.
		['"a;b",c\n', ','],
		['"a,b";c\n', ';'],
		// One column, no separator at all: the RFC default.
		['record\nstudy\n', ','],
		['', ',']
	])('%j → %s', (text, separator) => {
		expect(detectSeparator(text)).toBe(separator);
	});

	it('reads a semicolon file cell for cell as its comma twin', () => {
		const rows = [
			['record', 'note'],
			['study', 'has, a comma; and a semicolon'],
			['arm', 'says "quoted"\nover two lines']
		];
		const comma = parseCsv(serialiseCsv(rows));
		const semicolon = parseCsv(withSemicolons(serialiseCsv(rows)), ';');
		expect(semicolon.issues).toEqual([]);
		expect(semicolon.records.map((r) => r.cells)).toEqual(comma.records.map((r) => r.cells));
	});
});

describe('a semicolon-separated dataset CSV', () => {
	const embedded = loadEmbeddedDataset();
	const csv = exportDatasetCsv(embedded);

	it('imports exactly as its comma-separated twin does, and says how it was read', () => {
		const comma = importDataset(csv, { fileName: 'd.csv' });
		const { separator, ...semicolon } = importDataset(withSemicolons(csv), { fileName: 'd.csv' });
		// The same outcome: the same dataset, or (while the CSV lags the format) the same issues.
		expect(semicolon).toEqual(comma);
		expect(separator).toBe(';');
		expect(comma.separator).toBeUndefined();
	});

	it('names the separator even when the file has other problems, and lists no quote noise', () => {
		const broken = withSemicolons(csv).replace(/^record;/, 'kind;');
		const outcome = importDataset(broken, { fileName: 'd.csv' });
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.separator).toBe(';');
		expect(outcome.issues.map((i) => i.message)).not.toContainEqual(
			expect.stringContaining('quote inside an unquoted cell')
		);
		expect(outcome.issues.map((i) => i.message)).toContainEqual(
			expect.stringContaining('no "record" column')
		);
	});
});

describe('sizeIssue', () => {
	it.each([
		[MAX_IMPORT_BYTES, undefined],
		[MAX_IMPORT_BYTES + 1, 'the file is 20,000,001 bytes; the limit is 20,000,000 bytes (20 MB)'],
		[21_000_000, 'the file is 21,000,000 bytes; the limit is 20,000,000 bytes (20 MB)']
	])('%d bytes', (bytes, message) => {
		expect(sizeIssue(bytes)?.message).toBe(message);
	});
});

describe('nesting deeper than any dataset', () => {
	const nested = (levels: number) => {
		const root: Record<string, unknown> = {};
		let at = root;
		for (let i = 1; i < levels; i++) at = (at.next = {}) as Record<string, unknown>;
		return root;
	};

	it.each([
		[MAX_NESTING, false],
		[MAX_NESTING + 1, true],
		[2000, true],
		[100_000, true]
	])('%d levels → deeper: %s', (levels, deeper) => {
		expect(nestsDeeperThan(nested(levels), MAX_NESTING)).toBe(deeper);
	});

	it('the embedded dataset is well within the limit', () => {
		expect(nestsDeeperThan(loadEmbeddedDataset(), MAX_NESTING / 2)).toBe(false);
	});

	it('a 100,000-level stored value is refused with an issue, not a stack overflow', () => {
		const outcome = importDatasetObject(nested(100_000));
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.issues[0].message).toContain(`nested more than ${MAX_NESTING} levels`);
	});
});
