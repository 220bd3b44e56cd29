/**
 * The tidy CSV covers the whole version-2 model: every leaf of the schema has a column, and a
 * dataset that uses every new type (several medicines, facets with short labels, open-ended CI
 * limits and estimates, curves with at-risk tables, patient data, a discrepancy between label
 * versions, an oral daily regimen) goes out and comes back exactly.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { RECORD_SPECS, datasetToCsvRows, exportDatasetCsv } from '$lib/evidence/dataset-csv';
import { serialiseCsv } from '$lib/evidence/csv';
import { importDataset } from '$lib/evidence/dataset-import';
import { DatasetSchema } from '$lib/evidence/schema';
import { loadLandscapeDataset } from '$lib/evidence/load-landscape';
import { everyType } from '../fixtures/every-type';

/* eslint-disable @typescript-eslint/no-explicit-any -- walking valibot's schema objects */

/** Every leaf of the schema: `studies[].arms[].n`; a record (`population.facets`) is one leaf. */
function schemaLeaves(schema: any, path = ''): string[] {
	const at = (key: string) => (path ? `${path}.${key}` : key);
	switch (schema.type) {
		case 'optional':
		case 'nullable':
		case 'nullish':
			return schemaLeaves(schema.wrapped, path);
		case 'object':
		case 'strict_object':
			return Object.entries(schema.entries).flatMap(([key, entry]) => schemaLeaves(entry, at(key)));
		case 'array': {
			const item = schemaLeaves(schema.item, `${path}[]`);
			// An array of plain values (ids, texts) is one leaf: a list cell.
			return item.length === 1 && item[0] === `${path}[]` ? [path] : item;
		}
		default:
			return [path];
	}
}

/** Where each record kind sits in the schema. */
const RECORD_AT: Record<keyof typeof RECORD_SPECS, string> = {
	dataset: '',
	medicine: 'medicines[]',
	treatment: 'treatments[]',
	facet: 'facets[]',
	'facet-value': 'facets[].values[]',
	source: 'sources[]',
	indication: 'indications[]',
	'indication-facet': 'indications[].population.facets',
	study: 'studies[]',
	arm: 'studies[].arms[]',
	'sample-size': 'studies[].sampleSizes[]',
	endpoint: 'studies[].endpoints[]',
	result: 'studies[].endpoints[].results[]',
	curve: 'studies[].endpoints[].results[].curves[]',
	'curve-point': 'studies[].endpoints[].results[].curves[].points[]',
	'at-risk': 'studies[].endpoints[].results[].curves[].atRisk[]',
	'patient-data': 'studies[].endpoints[].results[].patientData[]',
	// One row per patient: its time and event are the two lists of the patient data.
	patient: 'studies[].endpoints[].results[].patientData[]',
	discrepancy: 'discrepancies[]',
	safety: 'safety[]',
	reaction: 'safety[].reactions[]',
	timeline: 'timeline[]',
	dosing: 'dosing[]',
	'dose-step': 'dosing[].steps[]',
	'indirect-comparison': 'indirectComparisons[]'
};

/** Fields written as one JSON cell: every schema leaf under them is carried by that cell. */
const JSON_CELLS = Object.entries(RECORD_SPECS).flatMap(([type, spec]) =>
	spec.fields
		.filter((f) => f.type === 'json')
		.map((f) => {
			const at = RECORD_AT[type as keyof typeof RECORD_SPECS];
			return at ? `${at}.${f.path}` : f.path;
		})
);
const underJsonCell = (leaf: string) =>
	JSON_CELLS.some((cell) => leaf.startsWith(`${cell}.`) || leaf.startsWith(`${cell}[]`));

function csvLeaves(): string[] {
	return Object.entries(RECORD_SPECS).flatMap(([type, spec]) => {
		const at = RECORD_AT[type as keyof typeof RECORD_SPECS];
		// The facet's id (a parent column) is the record's key, its values the list.
		if (type === 'indication-facet') return [at];
		return spec.fields.map((f) => (at ? `${at}.${f.path}` : f.path));
	});
}

describe('the tidy CSV and the schema', () => {
	it('has a column for every leaf of the schema, and none for a field the schema lacks', () => {
		// A JSON cell is one leaf standing for the subtree under it.
		const leaves = [
			...new Set([
				...schemaLeaves(DatasetSchema).filter((leaf) => !underJsonCell(leaf)),
				...JSON_CELLS
			])
		].sort();
		expect(leaves.length).toBeGreaterThan(100);
		expect([...new Set(csvLeaves())].sort()).toEqual(leaves);
	});

	it('knows where every record kind sits', () => {
		expect(Object.keys(RECORD_AT).sort()).toEqual(Object.keys(RECORD_SPECS).sort());
	});

	it('the leaf walk finds nested, optional and nullable fields (it can fail)', () => {
		const leaves = schemaLeaves(DatasetSchema);
		for (const leaf of [
			'studies[].endpoints[].results[].ci.low',
			'studies[].endpoints[].results[].ci.highOpen.printed',
			'studies[].endpoints[].results[].curves[].atRisk[].n',
			'studies[].endpoints[].results[].patientData[].event',
			'facets[].values[].short.nl',
			'indications[].population.facets',
			'dosing[].cycle.restDays',
			'indirectComparisons[].transitivity[].cells',
			'indirectComparisons[].published[].provenance.quote'
		])
			expect(leaves).toContain(leaf);
		expect(v.is(DatasetSchema, {})).toBe(false);
	});
});

describe('a dataset with every version-2 type', () => {
	const dataset = everyType();
	const text = exportDatasetCsv(dataset);

	it('round-trips through the tidy CSV exactly', () => {
		const back = importDataset(text, { fileName: 'x.csv' });
		if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 5), null, 1));
		expect(back.dataset).toStrictEqual(dataset);
		expect(back.migration).toBeUndefined();
		expect(exportDatasetCsv(back.dataset)).toBe(text);
	});

	it('writes an open limit as an empty number, its reason and its words', () => {
		const header = datasetToCsvRows(dataset)[0];
		const row = datasetToCsvRows(dataset).find(
			(r) => r[0] === 'result' && r[1] === 'tower-os-median-chemotherapy'
		)!;
		const cell = (column: string) => row[header.indexOf(column)];
		expect([cell('value'), cell('value_open'), cell('value_open_text')]).toEqual([
			'',
			'not-reached',
			'not reached'
		]);
		expect([cell('ci_low'), cell('ci_low_open'), cell('ci_low_text')]).toEqual([
			'',
			'not-estimable',
			'NE'
		]);
		expect([cell('ci_high'), cell('ci_high_open'), cell('ci_high_text')]).toEqual([
			'',
			'not-reached',
			'niet bereikt'
		]);
	});

	it('has one row per curve point, at-risk count and patient', () => {
		const rows = datasetToCsvRows(dataset);
		const count = (type: string) => rows.filter((r) => r[0] === type).length;
		expect(count('medicine')).toBe(2);
		expect(count('curve')).toBe(2);
		expect(count('curve-point')).toBe(6);
		expect(count('at-risk')).toBe(2);
		expect(count('patient-data')).toBe(1);
		expect(count('patient')).toBe(3);
		expect(count('indication-facet')).toBe(dataset.indications.length * dataset.facets.length);
	});

	it('names the line and column of a broken curve point', () => {
		const lines = text.split('\r\n');
		const header = lines[0].replace(/^\uFEFF/, '').split(',');
		const at = lines.findIndex((l) => l.startsWith('curve-point,')) + 2; // the second point
		const cells = lines[at - 1].split(',');
		cells[header.indexOf('survival')] = '120';
		lines[at - 1] = cells.join(',');
		const broken = lines.join('\r\n');
		// Lines as an editor counts them: a quoted cell above holds a line break of its own.
		const line = broken.slice(0, broken.indexOf(lines[at - 1])).split('\n').length;
		expect(line).toBe(at + 1);
		const outcome = importDataset(broken, { fileName: 'x.csv' });
		expect(outcome.ok).toBe(false);
		if (!outcome.ok)
			expect(outcome.issues).toContainEqual(
				expect.objectContaining({
					line,
					columnName: 'survival',
					message: 'survival must not increase: 120 after 100'
				})
			);
	});
});

describe('the landscape dataset, with its indirect comparison', () => {
	const dataset = loadLandscapeDataset();
	const text = exportDatasetCsv(dataset);

	it('writes one indirect-comparison row per comparison', () => {
		const rows = datasetToCsvRows(dataset);
		const header = rows[0];
		const itcRows = rows.filter((r) => r[0] === 'indirect-comparison');
		expect(itcRows).toHaveLength(dataset.indirectComparisons!.length);
		const published = JSON.parse(itcRows[0][header.indexOf('published_comparisons')]);
		expect(published.map((p: { funding: string }) => p.funding)).toEqual(
			dataset.indirectComparisons![0].published.map((p) => p.funding)
		);
	});

	it('round-trips through the tidy CSV exactly, comparisons included', () => {
		const back = importDataset(text, { fileName: 'x.csv' });
		if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 5), null, 1));
		expect(back.dataset.indirectComparisons).toStrictEqual(dataset.indirectComparisons);
		expect(back.dataset).toStrictEqual(dataset);
	});

	it('refuses a comparison whose input is not an effect against the common comparator', () => {
		const header = datasetToCsvRows(dataset)[0];
		const rows = datasetToCsvRows(dataset).map((r) => {
			if (r[0] !== 'indirect-comparison') return r;
			const cells = [...r];
			const main = JSON.parse(cells[header.indexOf('main_analysis')]);
			cells[header.indexOf('main_analysis')] = JSON.stringify({
				...main,
				cbResultId: 'ino-vate-cr-cri-itt218-inotuzumab'
			});
			return cells;
		});
		const outcome = importDataset(serialiseCsv(rows), { fileName: 'x.csv' });
		expect(outcome.ok).toBe(false);
		if (!outcome.ok)
			expect(outcome.issues.map((i) => i.path)).toContain('indirectComparisons[0].main.cbResultId');
	});
});

describe('a dataset without indirect comparisons', () => {
	it('gets no indirectComparisons key back from the CSV', () => {
		const back = importDataset(exportDatasetCsv(everyType()), { fileName: 'x.csv' });
		expect(back.ok && 'indirectComparisons' in back.dataset).toBe(false);
	});
});
