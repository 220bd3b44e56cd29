import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { TIDY_COLUMNS } from '$lib/charts/spec';
import { neutraliseFormula, restoreNeutralised } from '$lib/evidence/neutralise';
import { toCsv } from '$lib/export/csv';
import { numberFormatFor, xlsxBytes } from '$lib/export/xlsx';
import { hostileRow, rows, sources, spec } from './fixture';

/** A strict RFC 4180 reader, written for the test so the writer is checked by a second opinion. */
function parseCsv(text: string): string[][] {
	const out: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(field);
			out.push(row);
			row = [];
			field = '';
			i++;
		} else field += ch;
	}
	if (field || row.length) throw new Error('CSV does not end with CRLF');
	return out;
}

describe('neutraliseFormula', () => {
	it.each([
		['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
		['+1', "'+1"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tindent', "'\tindent"],
		['\rreturn', "'\rreturn"],
		['Topp 2015', 'Topp 2015'],
		['', ''],
		['a=b', 'a=b'],
		["'=already quoted", "''=already quoted"]
	])('%j → %j, and back', (input, expected) => {
		expect(neutraliseFormula(input)).toBe(expected);
		expect(restoreNeutralised(neutraliseFormula(input))).toBe(input);
	});
});

describe('CSV export', () => {
	it('starts with a BOM and the tidy header, then one line per row, CRLF-terminated', () => {
		const csv = toCsv(rows);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const table = parseCsv(csv.slice(1));
		expect(table[0]).toEqual(TIDY_COLUMNS.map((c) => c.header));
		expect(table).toHaveLength(rows.length + 1);
	});

	it('round-trips every cell: numbers as written, empty for missing, text with quotes and commas intact', () => {
		const table = parseCsv(toCsv(rows).slice(1));
		rows.forEach((row, r) => {
			TIDY_COLUMNS.forEach(({ key }, c) => {
				const value = row[key];
				expect(table[r + 1][c]).toBe(value === null ? '' : String(value));
			});
		});
		expect(table[3][TIDY_COLUMNS.findIndex((c) => c.key === 'locator')]).toBe(
			'derived, "quoted, with comma"'
		);
	});

	it('keeps a genuine negative number a number but neutralises formula-like text', () => {
		const table = parseCsv(toCsv([hostileRow]).slice(1));
		const col = (key: string) => TIDY_COLUMNS.findIndex((c) => c.key === key);
		expect(table[1][col('study')]).toBe(`'=HYPERLINK("http://x")`);
		expect(table[1][col('arm')]).toBe("'+1");
		expect(table[1][col('endpoint')]).toBe("'@SUM(A1)");
		expect(table[1][col('locator')]).toBe("'-2+3");
		expect(table[1][col('value')]).toBe('-1.5');
	});
});

describe('XLSX export', () => {
	async function read(bytes: Uint8Array) {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(
			bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
		);
		return book;
	}

	it('has the chart rows as typed cells, a frozen header and an autofilter', async () => {
		const book = await read(await xlsxBytes(spec, rows, { sources, disclaimer: 'Not advice.' }));
		const data = book.getWorksheet('Data')!;
		expect(data.getRow(1).values).toEqual([undefined, ...TIDY_COLUMNS.map((c) => c.header)]);
		expect(data.rowCount).toBe(rows.length + 1);
		rows.forEach((row, r) => {
			TIDY_COLUMNS.forEach(({ key }, c) => {
				const cell = data.getRow(r + 2).getCell(c + 1);
				const expected = row[key];
				if (expected === null || expected === '') expect(cell.value ?? null).toBeNull();
				else expect(cell.value).toStrictEqual(expected);
				if (typeof expected === 'number') expect(cell.type).toBe(ExcelJS.ValueType.Number);
			});
		});
		expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(data.autoFilter).toBeTruthy();
		const valueCol = TIDY_COLUMNS.findIndex((c) => c.key === 'value') + 1;
		expect(data.getRow(3).getCell(valueCol).numFmt).toBe('0.0');
		expect(data.getRow(4).getCell(valueCol).numFmt).toBe('0.00');
	});

	it('lists every source with citation, date and identifiers, and an About sheet with the version', async () => {
		const book = await read(await xlsxBytes(spec, rows, { sources, disclaimer: 'Not advice.' }));
		const sheet = book.getWorksheet('Sources')!;
		expect(sheet.getRow(1).values).toEqual([
			undefined,
			'id',
			'short_citation',
			'citation',
			'date',
			'doi',
			'pmid',
			'url'
		]);
		expect(sheet.getRow(2).getCell(3).value).toBe(sources[0].citation);
		expect(sheet.getRow(2).getCell(5).value).toBe(sources[0].doi);
		expect(sheet.getRow(3).getCell(7).value).toBe(sources[1].url);
		const about = book.getWorksheet('About')!;
		const pairs = new Map<string, unknown>();
		about.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
		expect(pairs.get('chart')).toBe(spec.title);
		expect(pairs.get('dataset_version')).toBe(spec.datasetVersion);
		expect(pairs.get('disclaimer')).toBe('Not advice.');
		expect(String(pairs.get('exported'))).toMatch(/^\d{4}-\d{2}-\d{2}T/);
	});

	it('writes a hostile study name as text starting with a quote; negative numbers stay numbers', async () => {
		const book = await read(await xlsxBytes(spec, [hostileRow], { sources, disclaimer: 'x' }));
		const row = book.getWorksheet('Data')!.getRow(2);
		const col = (key: string) => TIDY_COLUMNS.findIndex((c) => c.key === key) + 1;
		expect(row.getCell(col('study')).value).toBe(`'=HYPERLINK("http://x")`);
		expect(row.getCell(col('study')).type).toBe(ExcelJS.ValueType.String);
		expect(row.getCell(col('arm')).value).toBe("'+1");
		expect(row.getCell(col('value')).value).toBe(-1.5);
		expect(row.getCell(col('value')).type).toBe(ExcelJS.ValueType.Number);
		// No cell of the sheet holds a formula.
		row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
	});

	it.each([
		[43, '0'],
		[35.6, '0.0'],
		[0.64, '0.00'],
		[-4.25, '0.00']
	])('number format for %d is %s', (value, format) => {
		expect(numberFormatFor(value)).toBe(format);
	});
});
