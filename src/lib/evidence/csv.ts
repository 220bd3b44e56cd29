/**
 * RFC 4180 CSV: a reader that reports every problem by line and column, and a writer whose
 * output it reads back exactly. Cells are separated by commas and records by CRLF, LF or a
 * lone CR; a cell may be quoted (`"…"`), and inside quotes `""` is one quote and line breaks
 * are part of the cell. A leading byte-order mark is skipped. Blank lines are ignored.
 *
 * Spreadsheet programs set to languages that write a decimal comma (Dutch, German, French…)
 * save "CSV" with semicolons between cells; `detectSeparator` recognises that from the header,
 * and the reader then reads such a file exactly as it reads a comma-separated one.
 */

/** The character between cells: a comma (RFC 4180), or a semicolon (spreadsheets in some languages). */
export type CsvSeparator = ',' | ';';

/**
 * The separator of a CSV file, judged from its first line outside quotes: a semicolon when
 * that line has semicolons and no comma (a header naming columns has several cells), else a
 * comma.
 */
export function detectSeparator(text: string): CsvSeparator {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x22) quoted = !quoted;
		else if (quoted) continue;
		else if (c === 0x0a || c === 0x0d) {
			if (commas || semicolons) break;
		} else if (c === 0x2c) commas++;
		else if (c === 0x3b) semicolons++;
	}
	return semicolons > 0 && commas === 0 ? ';' : ',';
}

export interface CsvRecord {
	/** 1-based line the record starts on. */
	line: number;
	cells: string[];
}

export interface CsvIssue {
	line: number;
	/** 1-based cell position in the record (the spreadsheet column). */
	column: number;
	message: string;
}

export interface CsvParseResult {
	records: CsvRecord[];
	issues: CsvIssue[];
}

/** Reads CSV text. Never throws; a malformed cell is kept as read and reported. */
export function parseCsv(text: string, separator: CsvSeparator = ','): CsvParseResult {
	const sep = separator.charCodeAt(0);
	const records: CsvRecord[] = [];
	const issues: CsvIssue[] = [];
	const n = text.length;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let line = 1;
	while (i < n) {
		const startLine = line;
		const cells: string[] = [];
		let blank = true;
		for (;;) {
			const column = cells.length + 1;
			let cell = '';
			if (text.charCodeAt(i) === 0x22) {
				// Quoted cell: up to the quote that is not doubled.
				blank = false;
				const openLine = line;
				i++;
				let closed = false;
				while (i < n) {
					const q = text.indexOf('"', i);
					const end = q === -1 ? n : q;
					const chunk = text.slice(i, end);
					line += countLineBreaks(chunk);
					cell += chunk;
					i = end;
					if (q === -1) break;
					if (text.charCodeAt(q + 1) === 0x22) {
						cell += '"';
						i = q + 2;
					} else {
						i = q + 1;
						closed = true;
						break;
					}
				}
				if (!closed)
					issues.push({
						line: openLine,
						column,
						message: 'a quoted cell is never closed: add the closing quote (")'
					});
				// Anything between the closing quote and the next separator is kept and reported.
				const stop = nextSeparator(text, i, sep);
				if (stop > i) {
					issues.push({
						line,
						column,
						message:
							'text after the closing quote of a cell: put the whole cell in quotes and double any quote inside it'
					});
					cell += text.slice(i, stop);
					i = stop;
				}
			} else {
				const stop = nextSeparator(text, i, sep);
				cell = text.slice(i, stop);
				if (cell.includes('"'))
					issues.push({
						line,
						column,
						message:
							'a quote inside an unquoted cell: put the cell in quotes and double the quote ("")'
					});
				if (cell) blank = false;
				i = stop;
			}
			cells.push(cell);
			if (i < n && text.charCodeAt(i) === sep) {
				i++;
				blank = false;
				continue;
			}
			break;
		}
		// A line break ends the record (CRLF counts once).
		if (text.charCodeAt(i) === 0x0d) {
			i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
			line++;
		} else if (text.charCodeAt(i) === 0x0a) {
			i++;
			line++;
		}
		if (!blank) records.push({ line: startLine, cells });
	}
	return { records, issues };
}

function nextSeparator(text: string, from: number, sep: number): number {
	let i = from;
	const n = text.length;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c === sep || c === 0x0a || c === 0x0d) break;
		i++;
	}
	return i;
}

/** Line breaks in a chunk, counting CRLF once. */
function countLineBreaks(chunk: string): number {
	let count = 0;
	for (let i = 0; i < chunk.length; i++) {
		const c = chunk.charCodeAt(i);
		if (c === 0x0a) count++;
		else if (c === 0x0d && chunk.charCodeAt(i + 1) !== 0x0a) count++;
	}
	return count;
}

/** Quotes a cell when it must be: separators, quotes, line breaks, a leading BOM, or empty alone. */
function encodeCell(cell: string, alone: boolean): string {
	if ((alone && cell === '') || /[",\r\n]/.test(cell) || cell.charCodeAt(0) === 0xfeff)
		return `"${cell.replace(/"/g, '""')}"`;
	return cell;
}

/**
 * Writes records as RFC 4180 CSV with CRLF line ends. With `bom` (the default) the text starts
 * with a byte-order mark so spreadsheet programs read it as UTF-8. Cells are written as given:
 * neutralise formula-like text before calling this (see `src/lib/evidence/neutralise.ts`).
 */
export function serialiseCsv(rows: readonly (readonly string[])[], { bom = true } = {}): string {
	let out = bom ? '\uFEFF' : '';
	for (const row of rows) {
		const cells = row.length ? row : [''];
		out += cells.map((cell) => encodeCell(cell, cells.length === 1)).join(',') + '\r\n';
	}
	return out;
}
