/**
 * Fuzzing the import path with random and mutated datasets (FUZZ_RUNS in total, default 10,000;
 * FUZZ_SEED replays a failure). Property everywhere: nothing throws, and the outcome is either
 * a valid dataset or a non-empty list of issues, each with a non-empty path and message.
 * Valid mutants must also round-trip exactly through JSON and the tidy CSV.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDatasetCsv } from '$lib/evidence/dataset-csv';
import { exportDatasetJson } from '$lib/evidence/dataset-json';
import { importDataset, type ImportOutcome } from '$lib/evidence/dataset-import';
import { readEmbeddedDatasetInput } from '$lib/evidence/load';
import { validateDataset, type ValidationOutcome } from '$lib/evidence/validate';
import synthetic from '../../fixtures/synthetic-dataset.json';
import { everyType } from '../../fixtures/every-type';
import { FUZZ_RUNS, fuzzParams, mutate, mutation, oddText, type Json } from './mutate';

/** A version-1 file (migrated on read), the embedded version-2 data, and every v2 type in use. */
const bases = [synthetic, readEmbeddedDatasetInput(), everyType()] as unknown as Json[];
/** Mostly the small synthetic dataset (fast), the embedded and the every-type one less often. */
const base = fc.oneof(
	{ arbitrary: fc.constant(bases[0]), weight: 3 },
	{ arbitrary: fc.constant(bases[1]), weight: 1 },
	{ arbitrary: fc.constant(bases[2]), weight: 1 }
);
/** The parts of the model version 2 added: open limits, curves, patient data, facets, medicines. */
const V2_KEYS = new Set([
	'ci',
	'valueOpen',
	'curves',
	'patientData',
	'facets',
	'medicines',
	'treatments',
	'treatmentId',
	'evidenceMap'
]);
const inV2Part = (path: (string | number)[]) => path.some((key) => V2_KEYS.has(String(key)));
/** Share of the runs per property; the five add up to FUZZ_RUNS. */
const share = (fraction: number) => Math.max(1, Math.round(FUZZ_RUNS * fraction));

let datasets = 0;

function expectWellFormed(outcome: ValidationOutcome | ImportOutcome) {
	if (outcome.ok) {
		expect(outcome.dataset).toBeTypeOf('object');
		return;
	}
	expect(outcome.issues.length).toBeGreaterThan(0);
	for (const issue of outcome.issues) {
		expect(typeof issue.path === 'string' && issue.path.length > 0, JSON.stringify(issue)).toBe(
			true
		);
		expect(issue.message.length).toBeGreaterThan(0);
		if ('line' in issue && issue.line !== undefined) expect(issue.line).toBeGreaterThanOrEqual(1);
		if ('column' in issue && issue.column !== undefined)
			expect(issue.column).toBeGreaterThanOrEqual(1);
	}
}

// Long-running by design; FUZZ_RUNS scales it.
describe('fuzz: the validator and the importers', { timeout: 120_000 }, () => {
	it('validateDataset on mutated objects never throws and always answers well-formed', () => {
		fc.assert(
			fc.property(base, fc.array(mutation, { minLength: 1, maxLength: 4 }), (b, plan) => {
				datasets++;
				const outcome = validateDataset(mutate(b, plan));
				expectWellFormed(outcome);
				if (outcome.ok) {
					// A valid (possibly migrated) dataset validates again to itself, unmigrated.
					const again = validateDataset(outcome.dataset);
					expect(again.ok && again.dataset).toEqual(outcome.dataset);
					expect(again.migration).toBeUndefined();
				}
			}),
			fuzzParams(share(0.2))
		);
	});

	it('mutations aimed at the v2 parts (open limits, curves, facets) are caught, never thrown', () => {
		const caught = new Set<string>();
		let valid = 0;
		fc.assert(
			fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (plan) => {
				datasets++;
				const outcome = validateDataset(mutate(bases[2], plan, inV2Part));
				expectWellFormed(outcome);
				if (outcome.ok) {
					valid++;
					const viaCsv = importDataset(exportDatasetCsv(outcome.dataset), { format: 'csv' });
					expect(viaCsv.ok && viaCsv.dataset).toStrictEqual(outcome.dataset);
					return;
				}
				for (const issue of outcome.issues)
					for (const key of ['.ci', 'curves[', 'patientData[', 'facets', 'treatment'])
						if (issue.path.includes(key)) caught.add(key);
			}),
			fuzzParams(share(0.1))
		);
		// The property reaches every new part: each has had mutants rejected there.
		if (share(0.1) >= 500) {
			expect([...caught].sort()).toEqual(
				['.ci', 'curves[', 'facets', 'patientData[', 'treatment'].sort()
			);
			expect(valid).toBeGreaterThan(0);
		}
	});

	it('importing mutated JSON text (values and characters) never throws', () => {
		fc.assert(
			fc.property(
				base,
				fc.array(mutation, { maxLength: 3 }),
				fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), insert: oddText }), {
					maxLength: 2
				}),
				(b, plan, edits) => {
					datasets++;
					let text = JSON.stringify(mutate(b, plan));
					for (const { at, cut, insert } of edits) {
						const i = at % (text.length + 1);
						text = text.slice(0, i) + insert + text.slice(i + cut);
					}
					expectWellFormed(importDataset(text, { fileName: 'fuzz.json' }));
				}
			),
			fuzzParams(share(0.25))
		);
	});

	it('valid mutants with odd text round-trip exactly through JSON and CSV', () => {
		let valid = 0;
		const runs = share(0.15);
		const textOnly = mutation.filter((m) => m.op === 'text' || m.op === 'duplicate');
		fc.assert(
			fc.property(base, fc.array(textOnly, { minLength: 1, maxLength: 4 }), (b, plan) => {
				datasets++;
				const outcome = validateDataset(mutate(b, plan));
				expectWellFormed(outcome);
				if (!outcome.ok) return;
				valid++;
				const dataset = outcome.dataset;
				const viaJson = importDataset(exportDatasetJson(dataset), { format: 'json' });
				expect(viaJson.ok && viaJson.dataset).toStrictEqual(dataset);
				const viaCsv = importDataset(exportDatasetCsv(dataset), { format: 'csv' });
				expect(viaCsv.ok && viaCsv.dataset).toStrictEqual(dataset);
			}),
			fuzzParams(runs)
		);
		// The round-trip property is not vacuous: a good share of the mutants stay valid.
		expect(valid).toBeGreaterThan(runs * 0.2);
	});

	it('importing mutated tidy CSV (cells, rows) never throws', () => {
		const exports = bases.map((b) => {
			const outcome = validateDataset(b);
			if (!outcome.ok) throw new Error('base dataset invalid');
			return exportDatasetCsv(outcome.dataset);
		});
		const edit = fc.oneof(
			fc.record({ op: fc.constant('cell' as const), row: fc.nat(), col: fc.nat(), text: oddText }),
			fc.record({ op: fc.constant('drop' as const), row: fc.nat() }),
			fc.record({ op: fc.constant('copy' as const), row: fc.nat() }),
			fc.record({ op: fc.constant('swap' as const), row: fc.nat(), other: fc.nat() }),
			fc.record({ op: fc.constant('truncate' as const), at: fc.nat() })
		);
		fc.assert(
			fc.property(
				fc.oneof(
					{ arbitrary: fc.constant(exports[0]), weight: 3 },
					{ arbitrary: fc.constant(exports[1]), weight: 1 },
					{ arbitrary: fc.constant(exports[2]), weight: 1 }
				),
				fc.array(edit, { minLength: 1, maxLength: 4 }),
				(csv, edits) => {
					datasets++;
					let lines = csv.split('\r\n');
					for (const e of edits) {
						const r = 'row' in e ? e.row % lines.length : 0;
						if (e.op === 'cell') {
							const cells = lines[r].split(',');
							cells[e.col % cells.length] = e.text;
							lines[r] = cells.join(',');
						} else if (e.op === 'drop') lines.splice(r, 1);
						else if (e.op === 'copy') lines.splice(r, 0, lines[r]);
						else if (e.op === 'swap') {
							const o = e.other % lines.length;
							[lines[r], lines[o]] = [lines[o], lines[r]];
						} else
							lines = lines
								.join('\r\n')
								.slice(0, e.at % csv.length)
								.split('\r\n');
						if (!lines.length) lines = [''];
					}
					expectWellFormed(importDataset(lines.join('\r\n'), { fileName: 'fuzz.csv' }));
				}
			),
			fuzzParams(share(0.2))
		);
	});

	it('importing random text as CSV or JSON never throws', () => {
		const csvish = fc.string({
			unit: fc.constantFrom(
				'"',
				',',
				'\r',
				'\n',
				"'",
				'=',
				'a',
				'record',
				'study',
				' ',
				'\uFEFF',
				'{',
				'}'
			),
			maxLength: 200
		});
		fc.assert(
			fc.property(
				fc.oneof(csvish, fc.string({ unit: 'binary', maxLength: 200 }), fc.json()),
				(text) => {
					datasets++;
					expectWellFormed(importDataset(text, { format: 'csv' }));
					expectWellFormed(importDataset(text, { format: 'json' }));
				}
			),
			fuzzParams(share(0.1))
		);
	});

	afterAll(() => {
		// Reported, and checked in the last test below.
		process.stdout.write(`fuzz: ${datasets} datasets checked\n`);
	});

	it(`checked at least FUZZ_RUNS (${FUZZ_RUNS}) datasets`, () => {
		expect(datasets).toBeGreaterThanOrEqual(FUZZ_RUNS);
	});
});
