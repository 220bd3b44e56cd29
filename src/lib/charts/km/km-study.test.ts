/**
 * The study adapter of the Kaplan–Meier chart on the synthetic solid-tumour example: a result
 * with published curves is reconstructed (Guyot) with the printed risk table and HR, a result
 * with patient data only is drawn from that data with a Cox HR, and a study without curves
 * gives no chart (the landmark chart stays).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset, Study } from '$lib/evidence/schema';
import { loadEmbeddedDataset } from '$lib/evidence/load';
import { validateDataset } from '$lib/evidence/validate';
import { reconstructedIpdCsv, IPD_CSV_HEADER } from './ipd-csv';
import { studyKmEndpoints, studyKmInput } from './km-study';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const example = JSON.parse(
	readFileSync(join(root, 'static', 'examples', 'synthetic-solid-tumour.json'), 'utf8')
) as unknown;

function dataset(): Dataset {
	const result = validateDataset(example);
	if (!result.ok) throw new Error('example does not validate');
	return result.dataset;
}

const studyOf = (d: Dataset, id: string) => d.studies.find((s) => s.id === id) as Study;

describe('studyKmInput', () => {
	it.each([
		['fic-301', 0.43],
		['ima-302', 0.88]
	])('%s: reconstructed arms, printed risk table and printed HR', (id, printedHr) => {
		const d = dataset();
		const study = studyOf(d, id);
		const [entry, ...rest] = studyKmEndpoints(study);
		expect(rest).toHaveLength(0);
		const input = studyKmInput(d, study, entry);
		expect(input.arms).toHaveLength(2);
		for (const arm of input.arms) {
			const curve = entry.result.curves!.find((c) => c.armId === arm.id)!;
			expect(arm.reconstructed).toBe(true);
			expect(arm.riskTable).toEqual(curve.atRisk!.map((r) => ({ time: r.time, atRisk: r.n })));
			expect(arm.km!.nEvent.reduce((a, b) => a + b, 0)).toBe(curve.totalEvents);
			expect(arm.km!.nRisk[0]).toBe(curve.atRisk![0].n);
		}
		expect(input.ticks).toEqual(entry.result.curves![0].atRisk!.map((r) => r.time));
		const hr = input.effects.filter((e) => e.measure === 'hr');
		expect(hr).toEqual([expect.objectContaining({ basis: 'source', estimate: printedHr })]);
		const rmst = input.effects.find((e) => e.measure === 'rmst-difference');
		expect(rmst?.basis).toBe('reconstructed');
		expect(input.exploratory).toBe(true);
		expect(input.ipd).toHaveLength(2);
		const lines = reconstructedIpdCsv(input.ipd).trim().split(/\r?\n/);
		expect(lines[0].split(',')).toEqual(IPD_CSV_HEADER);
		expect(lines).toHaveLength(1 + entry.result.curves!.reduce((n, c) => n + c.atRisk![0].n, 0));
	});

	it('patient data alone: KM from the data, HR from Cox, no IPD download', () => {
		const d = dataset();
		const study = structuredClone(studyOf(d, 'fic-301'));
		const result = study.endpoints.flatMap((e) => e.results).find((r) => r.curves)!;
		delete result.curves;
		result.basis = 'computed';
		const [entry] = studyKmEndpoints(study);
		const input = studyKmInput(d, study, entry);
		expect(input.arms.map((a) => a.reconstructed)).toEqual([undefined, undefined]);
		expect(input.ipd).toEqual([]);
		const hr = input.effects.find((e) => e.measure === 'hr')!;
		expect(hr.basis).toBe('patient-data');
		expect(hr.estimate).toBeGreaterThan(0.3);
		expect(hr.estimate).toBeLessThan(0.6);
	});

	it('a study without curves or patient data has no Kaplan–Meier chart', () => {
		const d = dataset();
		expect(studyKmEndpoints(studyOf(d, 'fic-201'))).toEqual([]);
	});

	it('the embedded dataset has no curves: every study keeps its landmark view', () => {
		const embedded = loadEmbeddedDataset();
		expect(embedded.studies.length).toBeGreaterThan(0);
		expect(embedded.studies.flatMap(studyKmEndpoints)).toEqual([]);
	});
});
