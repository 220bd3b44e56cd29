/**
 * The second synthetic example (static/examples/synthetic-solid-tumour.json): it validates, it is
 * marked synthetic, and its survival figures are those R computed from the committed seeded data
 * (tests/reference/solid-tumour-survival.R → solid-tumour-survival.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset, Result } from '$lib/evidence/schema';
import { validateDataset } from '$lib/evidence/validate';

const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, 'static', 'examples', 'synthetic-solid-tumour.json'), 'utf8');
const reference = JSON.parse(
	readFileSync(join(root, 'tests', 'reference', 'solid-tumour-survival.json'), 'utf8')
) as {
	trials: Record<
		string,
		{
			experimentalArm: string;
			comparatorArm: string;
			hr: number;
			hrLow: number;
			hrHigh: number;
			arms: Record<
				string,
				{
					n: number;
					events: number;
					time: number[];
					survival: number[];
					atRiskTime: number[];
					atRisk: number[];
					median: number;
					medianLow: number;
					medianHigh: number | null;
				}
			>;
		}
	>;
};
const ipdRows = readFileSync(join(root, 'tests', 'reference', 'solid-tumour-ipd.csv'), 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(','));

const outcome = validateDataset(JSON.parse(text));
if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues.slice(0, 5)));
const dataset: Dataset = outcome.dataset;
const results = dataset.studies.flatMap((s) => s.endpoints.flatMap((e) => e.results));
const result = (id: string): Result => results.find((r) => r.id === id)!;

/** Words of the embedded dataset's disease and medicine that must not leak into this example. */
const B_ALL_WORDS = [
	/blinatumomab/i,
	/blincyto/i,
	/\bB-ALL\b/,
	/\bALL\b/,
	/leuka?emia/i,
	/lymphoblastic/i,
	/philadelphia/i,
	/\bPh[+−-]/,
	/\bMRD\b/,
	/residual disease/i,
	/\bCD19\b/,
	/\bCAR-T\b/i,
	/\bTKI/,
	/stem cell/i
];

describe('the synthetic solid-tumour example', () => {
	it('validates as schema version 2 and is marked synthetic', () => {
		expect(JSON.parse(text).schemaVersion).toBe(2);
		expect(dataset.synthetic).toBe(true);
		expect(dataset.medicines.map((m) => m.name)).toEqual(['Fictumab', 'Imaginib']);
	});

	it.each(B_ALL_WORDS)('holds no word of the B-ALL vocabulary (%s)', (word) => {
		expect(text).not.toMatch(word);
	});

	it('lays its evidence map out on its own facets: Zeta-score group × line of therapy', () => {
		expect(dataset.evidenceMap).toEqual({ rows: 'zeta', columns: ['therapy-line'] });
		expect(dataset.facets.map((f) => f.id)).toEqual(['zeta', 'therapy-line', 'stage']);
	});

	it('two medicines are compared with one shared chemotherapy in two randomised trials', () => {
		const comparators = dataset.studies
			.filter((s) => s.design === 'randomised')
			.map((s) => s.arms.find((a) => a.role === 'comparator')!.treatmentId);
		expect(comparators).toEqual(['doublet-chemotherapy', 'doublet-chemotherapy']);
		const experimental = dataset.studies
			.filter((s) => s.design === 'randomised')
			.map((s) => s.arms.find((a) => a.role === 'experimental')!.treatmentId);
		expect(experimental).toEqual(['fictumab', 'imaginib']);
	});

	it('doses one medicine by mouth once daily, without a rest', () => {
		const oral = dataset.dosing.find((d) => d.route === 'oral')!;
		expect(oral).toMatchObject({ medicineId: 'imaginib', frequency: 'once daily' });
		expect(oral.cycle).toEqual({ treatmentDays: 28, restDays: 0 });
	});

	it('has an open-ended CI: the Fictumab median overall survival has no upper limit (NE)', () => {
		const r = result('fic-301-os-median-experimental');
		expect(r.ci).toMatchObject({
			high: null,
			highOpen: { reason: 'not-estimable', printed: 'NE' }
		});
		expect(reference.trials['fic-301'].arms['fic-301-fictumab'].medianHigh).toBeNull();
		expect(r.printed).toMatch(/–NE\)$/);
	});

	describe.each(['fic-301', 'ima-302'])('%s survival matches R (survival package)', (trial) => {
		const ref = reference.trials[trial];
		const hr = result(`${trial}-os-hr-cox`);

		it('hazard ratio and CI, rounded to two decimals', () => {
			expect(hr.value).toBeCloseTo(ref.hr, 2);
			expect(hr.ci?.low).toBeCloseTo(ref.hrLow, 2);
			expect(hr.ci?.high).toBeCloseTo(ref.hrHigh, 2);
		});

		it.each([ref.experimentalArm, ref.comparatorArm])(
			'arm %s: Kaplan–Meier points within 1e-6, risk table and events exact',
			(armId) => {
				const arm = ref.arms[armId];
				const curve = hr.curves!.find((c) => c.armId === armId)!;
				expect(curve.points.map((p) => p.time)).toEqual(arm.time);
				curve.points.forEach((p, k) =>
					expect(Math.abs(p.survival - arm.survival[k])).toBeLessThan(1e-6)
				);
				expect(curve.atRisk).toEqual(arm.atRiskTime.map((time, k) => ({ time, n: arm.atRisk[k] })));
				expect(curve.atRisk![0].n).toBe(arm.n);
				expect(curve.totalEvents).toBe(arm.events);
			}
		);

		it.each([ref.experimentalArm, ref.comparatorArm])(
			'arm %s: patient-level data are the committed seeded rows',
			(armId) => {
				const data = hr.patientData!.find((d) => d.armId === armId)!;
				const rows = ipdRows.filter((r) => r[1] === armId);
				expect(data.time).toEqual(rows.map((r) => Number(r[2])));
				expect(data.event).toEqual(rows.map((r) => Number(r[3])));
				expect(data.event.filter((e) => e === 1)).toHaveLength(ref.arms[armId].events);
			}
		);
	});
});
