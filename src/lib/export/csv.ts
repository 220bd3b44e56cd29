/**
 * CSV of a chart's rows: RFC 4180 (CRLF line ends, fields with a comma, quote or line
 * break in double quotes, quotes doubled), UTF-8 with a byte-order mark so Excel reads
 * "≥" and "é" correctly, the header first and no comment lines.
 */
import type { TidyRow } from '$lib/charts/spec';
import { serialiseCsv } from '$lib/evidence/csv';
import { neutraliseFormula } from '$lib/evidence/neutralise';
import { tidyColumnsOf } from '$lib/charts/spec';
import { rowCells, tableHeaders, type Cell } from './table';

export const CSV_MIME = 'text/csv;charset=utf-8';

function cellText(cell: Cell): string {
	if (cell === null) return '';
	// Numbers are written as JavaScript prints them: a dot for decimals, no grouping.
	return typeof cell === 'number' ? String(cell) : neutraliseFormula(cell);
}

/** The CSV text, starting with a BOM (one RFC 4180 writer for charts and datasets). */
export function toCsv(rows: TidyRow[]): string {
	const columns = tidyColumnsOf(rows);
	return serialiseCsv(
		[tableHeaders(rows), ...rows.map((row) => rowCells(row, columns))].map((cells) =>
			cells.map(cellText)
		)
	);
}

export function csvBlob(rows: TidyRow[]): Blob {
	return new Blob([toCsv(rows)], { type: CSV_MIME });
}
