/**
 * Spreadsheet formula injection guard (CSV and XLSX share it).
 * A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * read as a formula by Excel, LibreOffice and Google Sheets. Prefixing a single
 * quote makes every one of them show the text as written instead of running it.
 * Numbers are never passed through here: a genuine −0.4 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}
