/**
 * Whole-dataset formats: JSON and tidy CSV exports import back to the same dataset, for the
 * synthetic example and the embedded Blincyto dataset; broken files name what is wrong and where.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEmbeddedDataset } from '$lib/evidence/load';
import { validateDataset } from '$lib/evidence/validate';
import { exportDatasetJson } from '$lib/evidence/dataset-json';
import {
	CSV_COLUMNS,
	RECORD_SPECS,
	datasetToCsvRows,
	exportDatasetCsv
} from '$lib/evidence/dataset-csv';
import { importDataset, summariseDataset, type ImportOutcome } from '$lib/evidence/dataset-import';
import type { Dataset } from '$lib/evidence/schema';
import { TIDY_COLUMNS } from '$lib/charts/spec';
import { datasetFileName } from '$lib/components/import/save-file';
import synthetic from '../fixtures/synthetic-dataset.json';

function validSynthetic(): Dataset {
	const outcome = validateDataset(structuredClone(synthetic));
	if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
	return outcome.dataset;
}

const datasets: [string, () => Dataset][] = [
	['synthetic example', validSynthetic],
	['embedded Blincyto', loadEmbeddedDataset]
];

function expectOk(outcome: ImportOutcome): Dataset {
	if (!outcome.ok) throw new Error(`import failed:\n${JSON.stringify(outcome.issues, null, 1)}`);
	return outcome.dataset;
}

describe.each(datasets)('the %s dataset', (_, load) => {
	it('round-trips through JSON exactly', () => {
		const dataset = load();
		const text = exportDatasetJson(dataset);
		const back = expectOk(importDataset(text, { fileName: 'x.json' }));
		expect(back).toStrictEqual(dataset);
		expect(exportDatasetJson(back)).toBe(text);
	});

	it('round-trips through the tidy CSV exactly', () => {
		const dataset = load();
		const text = exportDatasetCsv(dataset);
		const back = expectOk(importDataset(text, { fileName: 'x.csv' }));
		expect(back).toStrictEqual(dataset);
		expect(exportDatasetCsv(back)).toBe(text);
	});

	it('has one CSV row per record', () => {
		const dataset = load();
		const rows = datasetToCsvRows(dataset);
		const summary = summariseDataset(dataset);
		const count = (type: string) => rows.filter((r) => r[0] === type).length;
		expect(count('result')).toBe(summary.results);
		expect(count('study')).toBe(summary.studies);
		expect(count('source')).toBe(summary.sources);
		expect(count('dataset')).toBe(1);
	});
});

describe('the tidy CSV layout', () => {
	it('has a column for every field of every record, and no unused column', () => {
		const used = new Set<string>(['record']);
		for (const spec of Object.values(RECORD_SPECS)) {
			for (const field of spec.fields) used.add(field.column);
			for (const parent of spec.parents ?? []) used.add(parent);
		}
		expect([...used].sort()).toEqual([...CSV_COLUMNS].sort());
		expect(new Set(CSV_COLUMNS).size).toBe(CSV_COLUMNS.length);
	});

	it('names result columns as the charts’ tidy rows do, in their order', () => {
		const tidy = TIDY_COLUMNS.map((c) => c.header).filter((h) => h !== 'indication');
		const positions = tidy.map((h) => CSV_COLUMNS.indexOf(h as (typeof CSV_COLUMNS)[number]));
		expect(positions.every((p) => p >= 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	});
});

describe('the synthetic example', () => {
	const root = join(import.meta.dirname, '..', '..');
	it('served for download is the test fixture, byte for byte', () => {
		expect(readFileSync(join(root, 'static', 'examples', 'synthetic-dataset.json'), 'utf8')).toBe(
			readFileSync(join(root, 'tests', 'fixtures', 'synthetic-dataset.json'), 'utf8')
		);
	});

	it('is labelled synthetic and covers what the brief asks of it', () => {
		const d = validSynthetic();
		expect(d.synthetic).toBe(true);
		expect(d.medicines[0].name).toBe('Examplumab (synthetic)');
		expect(d.indications).toHaveLength(2);
		expect(d.studies).toHaveLength(3);
		expect(d.studies.some((s) => s.design === 'randomised')).toBe(true);
		const results = d.studies.flatMap((s) => s.endpoints.flatMap((e) => e.results));
		expect(results.some((r) => r.events !== undefined && r.ci)).toBe(true);
		expect(results.some((r) => r.events === undefined && !r.ci)).toBe(true);
		expect(d.discrepancies.length).toBeGreaterThan(0);
		expect(d.safety.length && d.timeline.length && d.dosing.length).toBeGreaterThan(0);
	});
});

describe('download file names', () => {
	it('name a dataset like the chart exports do: medicine, "dataset", version', () => {
		expect(datasetFileName(validSynthetic(), 'json')).toBe(
			'examplumab-dataset-2025-03-synthetic.json'
		);
		const embedded = loadEmbeddedDataset();
		const version = embedded.version.toLowerCase().replace(/[^a-z0-9]+/g, '-');
		expect(datasetFileName(embedded, 'csv')).toBe(`blincyto-dataset-${version}.csv`);
	});
});
