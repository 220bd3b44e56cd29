/**
 * Importing a dataset file: every problem says what, where (path, line, column) and of what
 * kind; nothing is half imported; size, encoding and format are handled before validation.
 */
import { describe, expect, it } from 'vitest';
import { exportDatasetCsv } from '$lib/evidence/dataset-csv';
import { exportDatasetJson } from '$lib/evidence/dataset-json';
import {
	MAX_IMPORT_BYTES,
	decodeImportBytes,
	detectFormat,
	importDataset,
	importDatasetObject,
	sizeIssue,
	type ImportIssue
} from '$lib/evidence/dataset-import';
import { validateDataset, validateShape } from '$lib/evidence/validate';
import type { Dataset, DatasetInput } from '$lib/evidence/schema';
import synthetic from '../fixtures/synthetic-dataset.json';

// A version-1 file: validation migrates it, and issue paths are those of the migrated form.
const input = (): DatasetInput => structuredClone(synthetic) as unknown as DatasetInput;
function valid(): Dataset {
	const outcome = validateDataset(input());
	if (!outcome.ok) throw new Error('fixture invalid');
	return outcome.dataset;
}
function issuesOf(text: string, fileName: string): ImportIssue[] {
	const outcome = importDataset(text, { fileName });
	if (outcome.ok) throw new Error('expected the import to fail');
	return outcome.issues;
}

describe('shape problems read as "expected …, got …" with their kind', () => {
	it.each<[string, (d: DatasetInput) => void, string, string, string]>([
		[
			'a negative n',
			(d) => (d.studies[1].arms[0].n = -3),
			'studies[1].arms[0].n',
			'expected a positive integer, got -3',
			'value'
		],
		[
			'a fractional n',
			(d) => (d.studies[1].arms[0].n = 1.5),
			'studies[1].arms[0].n',
			'expected a positive integer, got 1.5',
			'value'
		],
		[
			'a string for a number',
			(d) => ((d.studies[0].endpoints[0].results[1] as { events: unknown }).events = '48'),
			'studies[0].endpoints[0].results[1].events',
			'expected a number, got "48"',
			'type'
		],
		[
			'a word outside a picklist',
			(d) => ((d.studies[0] as { design: string }).design = 'cohort'),
			'studies[0].design',
			'expected one of "single-arm", "randomised", "historical-control", "pharmacokinetic", got "cohort"',
			'type'
		],
		[
			'a missing field',
			(d) => delete (d.studies[0] as { population?: string }).population,
			'studies[0].population',
			'required field is missing',
			'missing'
		],
		[
			'an unknown field',
			(d) => ((d.studies[0] as Record<string, unknown>).colour = 'red'),
			'studies[0].colour',
			'unknown field "colour"',
			'unknown-field'
		],
		[
			'an empty list',
			(d) => (d.studies[0].sourceIds = []),
			'studies[0].sourceIds',
			'cite at least one source, got 0 items',
			'value'
		],
		[
			'a bad date',
			(d) => (d.released = '14-03-2025'),
			'released',
			'expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got "14-03-2025"',
			'value'
		],
		[
			'a percent over 100',
			(d) => (d.safety![0].reactions[1].percent = 120),
			'safety[0].reactions[1].percent',
			'expected a number ≤ 100, got 120',
			'value'
		],
		[
			'an empty string',
			(d) => (d.studies[0].name = '  '),
			'studies[0].name',
			'must not be empty',
			'value'
		],
		[
			'an object for a list',
			(d) => ((d as { studies: unknown }).studies = {}),
			'studies',
			'expected a list, got Object',
			'type'
		],
		[
			'a wrong schema version',
			(d) => ((d as { schemaVersion: number }).schemaVersion = 3),
			'schemaVersion',
			'expected 2, got 3',
			'value'
		]
	])('%s', (_, breakIt, path, message, kind) => {
		const d = input();
		breakIt(d);
		const outcome = validateShape(d);
		expect(outcome.ok).toBe(false);
		const issues = outcome.ok ? [] : outcome.issues;
		expect(issues).toContainEqual({ path, message, kind });
	});

	it.each([
		['', '[""]'],
		['a.b', '["a.b"]'],
		['with space', '["with space"]']
	])('writes an odd unknown key %j in brackets: %s', (key, written) => {
		const outcome = validateShape({ ...input(), [key]: 1 });
		expect(outcome.ok ? [] : outcome.issues).toContainEqual({
			path: written,
			message: `unknown field ${JSON.stringify(key)}`,
			kind: 'unknown-field'
		});
	});

	it('cuts a huge received value short', () => {
		const d = input();
		(d as { version: unknown }).version = 'x'.repeat(10_000);
		(d.studies[0] as { design: string }).design = 'y'.repeat(10_000);
		const outcome = validateShape(d);
		const issue = outcome.ok ? undefined : outcome.issues[0];
		expect(issue?.message.length).toBeLessThan(300);
	});
});

describe('integrity problems keep their messages and get a kind', () => {
	it('refuses a source URL that is not http(s)', () => {
		const d = input();
		d.sources[1].url = 'javascript:alert(1)';
		const outcome = validateDataset(d);
		expect(outcome.ok ? [] : outcome.issues).toEqual([
			{
				path: 'sources[1].url',
				message: 'a source URL must start with https:// or http://, got "javascript:alert(1)"',
				kind: 'unsafe-url'
			}
		]);
	});

	it.each(['__proto__', 'constructor', 'prototype'])(
		'reports a %s key given in an object, with its path',
		(key) => {
			const d = JSON.parse(
				JSON.stringify(input()).replace('"id":"exa-201"', `"${key}":{},"id":"exa-201"`)
			);
			const outcome = validateDataset(d);
			expect(outcome.ok ? [] : outcome.issues).toContainEqual({
				path: `studies[0].${key}`,
				message: `forbidden key "${key}"`,
				kind: 'forbidden-key'
			});
		}
	);
});

describe('JSON import', () => {
	it('places each validation issue at its line and column', () => {
		const d = valid();
		const text = exportDatasetJson(d).replace('"n": 200', '"n": -200');
		const issues = issuesOf(text, 'a.json');
		const line = text.split('\n').findIndex((l) => l.includes('"n": -200')) + 1;
		expect(issues).toEqual([
			expect.objectContaining({
				path: 'studies[1].arms[0].n',
				message: 'expected a positive integer, got -200',
				kind: 'value',
				line,
				column: text.split('\n')[line - 1].indexOf('-200') + 1
			})
		]);
	});

	it('refuses duplicate keys even when the last value is valid', () => {
		const text = exportDatasetJson(valid()).replace(
			'"version": ',
			'"version": "older", "version": '
		);
		expect(issuesOf(text, 'a.json')).toEqual([
			expect.objectContaining({ path: 'version', kind: 'duplicate' })
		]);
	});
});

describe('CSV import', () => {
	const csv = () => exportDatasetCsv(valid());
	const header = () =>
		csv()
			.replace(/^\uFEFF/, '')
			.split('\r\n')[0]
			.split(',');
	const colOf = (name: string) => header().indexOf(name) + 1;

	it('places a validation issue at the line and column of its cell', () => {
		const lines = csv().split('\r\n');
		const l = lines.findIndex((x) => x.startsWith('result,exa-301-cr-exa,'));
		const cells = lines[l].split(',');
		cells[colOf('events') - 1] = '290';
		lines[l] = cells.join(',');
		const issues = issuesOf(lines.join('\r\n'), 'a.csv');
		expect(issues).toEqual([
			expect.objectContaining({
				path: 'studies[1].endpoints[0].results[0].events',
				message: 'events (290) exceed the total (200)',
				line: l + 1,
				column: colOf('events'),
				columnName: 'events'
			})
		]);
	});

	it.each<[string, (lines: string[]) => void, Partial<ImportIssue>]>([
		[
			'an unknown column',
			(lines) => (lines[0] = lines[0].replace('record,', 'record,colour,')),
			{ path: 'line 1', message: 'unknown column "colour"', column: 2 }
		],
		[
			'no record column',
			(lines) => (lines[0] = lines[0].replace('record,', 'kind0,')),
			{ message: expect.stringContaining('no "record" column') }
		],
		[
			'an unknown record type',
			(lines) => lines.splice(2, 0, 'visit'),
			{ line: 3, message: expect.stringContaining('unknown record type "visit"') }
		],
		[
			'a cell that does not apply',
			(lines) => lines.splice(2, 0, 'source,s9' + ',x'.repeat(8)),
			{ line: 3, message: expect.stringContaining('does not apply to a source row') }
		],
		[
			'an arm of no study',
			(lines) => lines.splice(2, 0, 'arm,a1,nowhere'),
			{
				line: 3,
				columnName: 'study',
				message: 'this arm row names study "nowhere", but no study row has that id',
				kind: 'reference'
			}
		],
		[
			'a second dataset row',
			(lines) => lines.splice(2, 0, lines[1]),
			{ line: 3, message: expect.stringContaining('a second dataset row') }
		],
		[
			'a broken JSON cell',
			(lines) => {
				const i = lines.findIndex((x) => x.startsWith('study,exa-201,'));
				lines[i] = lines[i].replace('"[""18 years or older""', '"[""18 years or older"",');
			},
			{ message: expect.stringContaining('not valid JSON'), columnName: 'inclusion' }
		]
	])('reports %s by line and column', (_, breakIt, expected) => {
		const lines = csv()
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		breakIt(lines);
		expect(issuesOf(lines.join('\r\n'), 'a.csv')).toContainEqual(expect.objectContaining(expected));
	});

	it('guards formula-like text in the file and restores it on import', () => {
		const d = valid();
		d.studies[0].name = '=HYPERLINK("http://x","click")';
		d.studies[0].notes = ['-3 is a note', "'=quoted"];
		d.sources[0].citation = '@risk';
		const text = exportDatasetCsv(d);
		expect(text).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
		expect(text).toContain("'@risk");
		expect(text).not.toMatch(/(^|,)[=+@-][A-Za-z]/m);
		const back = importDataset(text, { fileName: 'a.csv' });
		expect(back.ok && back.dataset).toStrictEqual(d);
	});

	it('reads booleans written by a spreadsheet (TRUE/FALSE) and CSV saved with LF line ends', () => {
		const text = csv()
			.replace(/,true,/g, ',TRUE,')
			.replace(/\r\n/g, '\n');
		const back = importDataset(text, { fileName: 'a.csv' });
		expect(back.ok && back.dataset).toStrictEqual(valid());
	});
});

describe('before validation', () => {
	it('refuses files over 20 MB with the size', () => {
		expect(sizeIssue(MAX_IMPORT_BYTES)).toBeUndefined();
		expect(sizeIssue(21_000_000)).toEqual({
			path: '(file)',
			message: 'the file is 21,000,000 bytes; the limit is 20,000,000 bytes (20 MB)',
			kind: 'size'
		});
		expect(importDataset('{}', { bytes: 21_000_000 })).toEqual({
			ok: false,
			issues: [sizeIssue(21_000_000)]
		});
	});

	it('refuses bytes that are not UTF-8', () => {
		expect(decodeImportBytes(new Uint8Array([0x61, 0xe9, 0x62]))).toMatchObject({
			ok: false,
			issue: { kind: 'encoding' }
		});
		expect(decodeImportBytes(new TextEncoder().encode('ë'))).toEqual({ ok: true, text: 'ë' });
	});

	it.each([
		['{"a":1}', 'x.csv', 'csv'],
		['record,id', 'x.JSON', 'json'],
		['\uFEFF  {', undefined, 'json'],
		['record,id', undefined, 'csv'],
		['[1]', 'data.txt', 'json']
	] as const)('detects %j named %s as %s', (text, name, format) => {
		expect(detectFormat(text, name)).toBe(format);
	});

	it('validates a restored object the same way', () => {
		expect(importDatasetObject(valid()).ok).toBe(true);
		expect(importDatasetObject({ ...valid(), version: '' }).ok).toBe(false);
	});
});
