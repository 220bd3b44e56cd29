/**
 * Fuzzing the readers and writers underneath the importers: the CSV writer and reader agree
 * on any table, the reader never throws on any text, the formula guard is exactly reversible,
 * and the strict JSON reader agrees with JSON.parse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, serialiseCsv } from '$lib/evidence/csv';
import { parseJsonText } from '$lib/evidence/json-text';
import { neutraliseFormula, restoreNeutralised } from '$lib/evidence/neutralise';
import { FUZZ_RUNS, fuzzParams, oddText } from './mutate';

const runs = Math.max(100, Math.round(FUZZ_RUNS / 5));
const cell = fc.oneof(oddText, fc.string({ unit: 'binary', maxLength: 30 }));

describe('fuzz: CSV, JSON and the formula guard', { timeout: 120_000 }, () => {
	it('any table survives serialiseCsv → parseCsv unchanged, with or without a BOM', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
				fc.boolean(),
				(rows, bom) => {
					const parsed = parseCsv(serialiseCsv(rows, { bom }));
					expect(parsed.issues).toEqual([]);
					expect(parsed.records.map((r) => r.cells)).toEqual(rows);
				}
			),
			fuzzParams(runs)
		);
	});

	it('parseCsv never throws and places every issue and record on a real line and column', () => {
		const text = fc.oneof(
			fc.string({
				unit: fc.constantFrom('"', ',', '\r', '\n', '\r\n', 'a', ' ', "'", '\uFEFF'),
				maxLength: 300
			}),
			fc.string({ unit: 'binary', maxLength: 300 })
		);
		fc.assert(
			fc.property(text, (input) => {
				const lines = input.split(/\r\n|\r|\n/).length;
				const parsed = parseCsv(input);
				for (const issue of parsed.issues) {
					expect(issue.line).toBeGreaterThanOrEqual(1);
					expect(issue.line).toBeLessThanOrEqual(lines);
					expect(issue.column).toBeGreaterThanOrEqual(1);
					expect(issue.message.length).toBeGreaterThan(0);
				}
				let previous = 0;
				for (const record of parsed.records) {
					expect(record.line).toBeGreaterThan(previous);
					expect(record.line).toBeLessThanOrEqual(lines);
					expect(record.cells.length).toBeGreaterThan(0);
					previous = record.line;
				}
			}),
			fuzzParams(runs)
		);
	});

	it('restoreNeutralised undoes neutraliseFormula exactly, and no guarded cell starts a formula', () => {
		fc.assert(
			fc.property(cell, (text) => {
				const written = neutraliseFormula(text);
				expect(restoreNeutralised(written)).toBe(text);
				expect(/^[=+\-@\t\r]/.test(written)).toBe(false);
			}),
			fuzzParams(runs)
		);
	});

	it('parseJsonText agrees with JSON.parse on valid JSON, and reports only what JSON.parse hides', () => {
		fc.assert(
			fc.property(fc.json({ maxDepth: 4 }), (text) => {
				const read = parseJsonText(text);
				for (const issue of read.issues)
					expect(['duplicate', 'forbidden-key']).toContain(issue.kind);
				if (!read.issues.length) expect(read.value).toEqual(JSON.parse(text));
			}),
			fuzzParams(runs)
		);
	});

	it('parseJsonText never throws on damaged JSON and names a place inside the text', () => {
		fc.assert(
			fc.property(
				fc.json({ maxDepth: 3 }),
				fc.nat(),
				fc.nat({ max: 3 }),
				oddText,
				(json, at, cut, insert) => {
					const i = at % (json.length + 1);
					const text = json.slice(0, i) + insert + json.slice(i + cut);
					const lines = text.split('\n').length;
					const read = parseJsonText(text);
					let valid = true;
					try {
						JSON.parse(text.replace(/^\uFEFF/, '')); // a leading BOM is allowed in files
					} catch {
						valid = false;
					}
					const syntax = read.issues.filter((issue) => issue.kind === 'syntax');
					// Both readers agree on what is valid JSON (depth aside: these values are shallow).
					expect(syntax.length === 0).toBe(valid);
					for (const issue of read.issues) {
						expect(issue.line).toBeGreaterThanOrEqual(1);
						expect(issue.line).toBeLessThanOrEqual(lines);
						expect(issue.column).toBeGreaterThanOrEqual(1);
						expect(issue.path.length).toBeGreaterThan(0);
					}
				}
			),
			fuzzParams(runs)
		);
	});
});
