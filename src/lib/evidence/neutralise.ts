/**
 * Spreadsheet formula injection guard for CSV (and XLSX text) exports.
 *
 * Rule: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, possibly
 * after one or more apostrophes, gets one leading apostrophe `'`. Spreadsheets then show the
 * cell as text instead of running it as a formula. Guarding cells that already start with
 * apostrophes before such a character keeps the rule reversible: `restoreNeutralised`
 * removes exactly one apostrophe from exactly those cells, so
 * `restoreNeutralised(neutraliseFormula(s)) === s` for every string `s`.
 * Numbers are written as numbers and never pass through here.
 */

// The characters that make a spreadsheet read a cell as a formula, after any apostrophes.
const GUARDED = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The text as it should be written to a CSV or spreadsheet cell. */
export function neutraliseFormula(text: string): string {
	return GUARDED.test(text) ? `'${text}` : text;
}

/** Undoes `neutraliseFormula` on a cell read back from a CSV written by it. */
export function restoreNeutralised(cell: string): string {
	return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
