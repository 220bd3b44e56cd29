/**
 * The tidy CSV covers the whole version-2 model: every leaf of the schema has a column, and a
 * dataset that uses every new type (several medicines, facets with short labels, open-ended CI
 * limits and estimates, curves with at-risk tables, patient data, a discrepancy between label
 * versions, an oral daily regimen) goes out and comes back exactly.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { RECORD_SPECS, datasetToCsvRows, exportDatasetCsv } from '$lib/evidence/dataset-csv';
import { importDataset } from '$lib/evidence/dataset-import';
import { loadEmbeddedDataset } from '$lib/evidence/load';
import { DatasetSchema, type Dataset } from '$lib/evidence/schema';
import { validateDataset } from '$lib/evidence/validate';

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
	'dose-step': 'dosing[].steps[]'
};

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
		const leaves = schemaLeaves(DatasetSchema).sort();
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
			'dosing[].cycle.restDays'
		])
			expect(leaves).toContain(leaf);
		expect(v.is(DatasetSchema, {})).toBe(false);
	});
});

/** The embedded dataset with every version-2 type in use (test data, never shown). */
function everyType(): Dataset {
	const d = structuredClone(loadEmbeddedDataset()) as any;
	const subject = d.medicines[0].id;
	d.medicines.push({
		id: 'comparator-medicine',
		name: 'Comparatab "=1+1"',
		inn: 'comparatab',
		mechanism: 'A comparator, for the test; text with ; and, "quotes"\nand a new line.',
		role: 'comparator',
		provenance: { ...d.medicines[0].provenance, sourceId: 'topp-2015', quote: undefined }
	});
	delete d.medicines[1].provenance.quote;
	delete d.medicines[1].provenance.gloss;
	d.treatments.push({
		id: 'comparatab-oral',
		label: 'Comparatab tablets',
		kind: 'medicine',
		medicineIds: ['comparator-medicine'],
		description: 'Once daily, by mouth.'
	});
	for (const item of [...d.safety, ...d.dosing]) item.medicineId = subject;
	d.timeline[0].medicineId = subject;
	d.dosing.push({
		id: 'comparatab-daily',
		medicineId: 'comparator-medicine',
		label: 'Comparatab, daily',
		population: 'Adults',
		indicationIds: [],
		route: 'oral',
		frequency: 'once daily',
		cycle: { treatmentDays: 21, restDays: 0 },
		steps: [{ fromDay: 1, toDay: 21, dose: 0.5, unit: 'mg/day' }],
		provenance: { sourceId: 'topp-2015', locator: 'Methods' }
	});
	const ph = d.facets.find((f: any) => f.id === 'ph');
	ph.values[0].short = { en: 'neg.' };
	ph.label = { en: 'Status' };
	const tower = d.studies.find((s: any) => s.id === 'tower');
	const os = tower.endpoints.flatMap((e: any) => e.results);
	const hr = os.find((r: any) => r.id === 'tower-os-hr-kantarjian');
	hr.ci = { ...hr.ci, high: null, highOpen: { reason: 'not-estimable', printed: 'NE' } };
	const median = os.find((r: any) => r.id === 'tower-os-median-chemotherapy');
	delete median.value;
	median.valueOpen = { reason: 'not-reached', printed: 'not reached' };
	median.ci = {
		low: null,
		high: null,
		lowOpen: { reason: 'not-estimable', printed: 'NE' },
		highOpen: { reason: 'not-reached', printed: 'niet bereikt' },
		level: 0.95,
		method: 'not stated'
	};
	const blina = os.find((r: any) => r.id === 'tower-os-median-blinatumomab');
	const prov = { sourceId: blina.provenance.sourceId, locator: 'Figure 1A' };
	blina.curves = [
		{
			armId: 'tower-blinatumomab',
			timeUnit: 'months',
			yScale: 'percent',
			points: [
				{ time: 0, survival: 100 },
				{ time: 1.25, survival: 90.5 },
				{ time: 7.7, survival: 50 },
				{ time: 12, survival: 0.1 + 0.2 }
			],
			atRisk: [
				{ time: 0, n: 271 },
				{ time: 6, n: 176 }
			],
			totalEvents: 164,
			digitisation: { figure: 'Figure 1, panel A', by: 'test', tool: 'none 1.0', on: '2026-12' },
			provenance: prov
		},
		{
			armId: 'tower-chemotherapy',
			timeUnit: 'months',
			yScale: 'proportion',
			points: [
				{ time: 0, survival: 1 },
				{ time: 4, survival: 0.5 }
			],
			provenance: prov
		}
	];
	blina.patientData = [
		{
			armId: 'tower-blinatumomab',
			timeUnit: 'months',
			time: [0.5, 1e-7, 30],
			event: [1, 0, 1],
			method: 'reconstructed (Guyot 2012)',
			provenance: prov
		}
	];
	d.discrepancies.push({
		id: 'label-versions',
		itemIds: [d.safety[0].reactions[0].id, d.safety[1].reactions[0].id],
		explanation: 'Two label versions give different frequencies.'
	});
	const outcome = validateDataset(d);
	if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues.slice(0, 5), null, 1));
	return outcome.dataset;
}

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
