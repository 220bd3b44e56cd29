/** The RFC 4180 reader and writer: what they read, what they report, and that they agree. */
import { describe, expect, it } from 'vitest';
import { parseCsv, serialiseCsv } from '$lib/evidence/csv';

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells);

describe('parseCsv reads RFC 4180', () => {
	it.each([
		[
			'plain cells',
			'a,b,c\r\n1,2,3\r\n',
			[
				['a', 'b', 'c'],
				['1', '2', '3']
			]
		],
		[
			'LF line ends',
			'a,b\n1,2\n',
			[
				['a', 'b'],
				['1', '2']
			]
		],
		[
			'lone CR line ends',
			'a,b\r1,2\r',
			[
				['a', 'b'],
				['1', '2']
			]
		],
		[
			'no final line break',
			'a,b\r\n1,2',
			[
				['a', 'b'],
				['1', '2']
			]
		],
		[
			'empty cells',
			'a,,c\r\n,,\r\n',
			[
				['a', '', 'c'],
				['', '', '']
			]
		],
		['a quoted comma', '"a,b",c\r\n', [['a,b', 'c']]],
		['an escaped quote', '"say ""hi""",x\r\n', [['say "hi"', 'x']]],
		['an embedded CRLF and LF', '"one\r\ntwo\nthree",x\r\n', [['one\r\ntwo\nthree', 'x']]],
		['an empty quoted cell', '"",x\r\n', [['', 'x']]],
		['a byte-order mark', '\uFEFFa,b\r\n', [['a', 'b']]],
		['blank lines skipped', 'a\r\n\r\n\nb\r\n', [['a'], ['b']]],
		['a lone quoted empty cell kept', 'a\r\n""\r\n', [['a'], ['']]],
		['spaces kept', ' a , b \r\n', [[' a ', ' b ']]],
		['unicode', 'ë,≥,😀\r\n', [['ë', '≥', '😀']]]
	])('%s', (_, text, expected) => {
		const parsed = parseCsv(text);
		expect(parsed.issues).toEqual([]);
		expect(parsed.records.map((r) => r.cells)).toEqual(expected);
	});

	it('numbers records by the line they start on, across quoted line breaks', () => {
		const parsed = parseCsv('h\r\n"a\r\nb\nc"\r\nnext\r\n\r\nlast');
		expect(parsed.records.map((r) => r.line)).toEqual([1, 2, 5, 7]);
	});
});

describe('parseCsv reports malformed cells by line and column, and keeps going', () => {
	it.each([
		[
			'a quote that is never closed',
			'a,b\r\n1,"open\r\nmore',
			{ line: 2, column: 2, message: expect.stringContaining('never closed') },
			[
				['a', 'b'],
				['1', 'open\r\nmore']
			]
		],
		[
			'text after a closing quote',
			'a,b\r\nx,"q"z\r\n',
			{ line: 2, column: 2, message: expect.stringContaining('after the closing quote') },
			[
				['a', 'b'],
				['x', 'qz']
			]
		],
		[
			'a quote inside an unquoted cell',
			'a,b\r\nx,ab"c\r\n',
			{ line: 2, column: 2, message: expect.stringContaining('quote inside an unquoted cell') },
			[
				['a', 'b'],
				['x', 'ab"c']
			]
		]
	])('%s', (_, text, issue, expected) => {
		const parsed = parseCsv(text);
		expect(parsed.issues).toEqual([issue]);
		expect(cells(text)).toEqual(expected);
	});
});

describe('serialiseCsv', () => {
	it('quotes only what needs quoting, ends lines with CRLF and starts with a BOM', () => {
		expect(serialiseCsv([['a', 'b,c', 'say "x"', 'two\nlines', '']])).toBe(
			'\uFEFFa,"b,c","say ""x""","two\nlines",\r\n'
		);
		expect(serialiseCsv([['a']], { bom: false })).toBe('a\r\n');
	});

	it('writes a row of one empty cell so that it reads back', () => {
		const rows = [['h'], [''], ['x']];
		expect(cells(serialiseCsv(rows))).toEqual(rows);
	});

	it('protects a cell that starts with a byte-order mark', () => {
		const rows = [['\uFEFFa', 'b']];
		expect(cells(serialiseCsv(rows, { bom: false }))).toEqual(rows);
	});
});
