/**
 * The tidy table behind a chart, shared by the CSV and XLSX exports: exactly the
 * rows the chart draws, in the columns and order of `TIDY_COLUMNS`.
 */
import { TIDY_COLUMNS, tidyColumnsOf, type TidyRow } from '$lib/charts/spec';

export type Cell = string | number | null;

/** Keys whose cells are numbers (or empty), never text. */
export const NUMERIC_KEYS = new Set<keyof TidyRow>([
	'value',
	'events',
	'total',
	'ciLow',
	'ciHigh',
	'ciLevel'
]);

export const TABLE_HEADERS: string[] = TIDY_COLUMNS.map((c) => c.header);

/** The headers of an export of `rows`: TABLE_HEADERS, then `text`/`quote` if any row has them. */
export function tableHeaders(rows: TidyRow[]): string[] {
	return tidyColumnsOf(rows).map((c) => c.header);
}

/** One row as cells: finite numbers stay numbers, missing values are null, text is text. */
export function rowCells(row: TidyRow, columns = TIDY_COLUMNS): Cell[] {
	return columns.map(({ key }) => {
		const value = row[key];
		if (NUMERIC_KEYS.has(key)) {
			return typeof value === 'number' && Number.isFinite(value) ? value : null;
		}
		return value === null || value === undefined || value === '' ? null : String(value);
	});
}
