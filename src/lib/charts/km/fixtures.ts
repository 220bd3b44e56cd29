/**
 * A fixed, seeded synthetic example for the Kaplan–Meier chart's tests and snapshot: two arms
 * of simulated patients (NOT evidence; invented names, marked synthetic). Arm B is shown as a
 * reconstruction (Guyot) from its own curve's corners and numbers at risk, so the overlay and
 * the fit measures have something to check.
 */
import {
	coxPH,
	curveCorners,
	kaplanMeier,
	reconstructIPD,
	riskTableAt,
	rmstDifference,
	simulateSurvival
} from '$lib/stats';
import type { ChartSpec } from '../spec';
import type { KmArmInput, KmEffectInput } from './km-model';

export const SYNTHETIC = true;

const TICKS = [0, 6, 12, 18, 24, 30, 36];
const armA = kaplanMeier(
	simulateSurvival({ n: 120, median: 11, accrual: 18, followUp: 18, seed: 7 })
);
const truthB = kaplanMeier(
	simulateSurvival({ n: 120, median: 17, accrual: 18, followUp: 18, seed: 8 })
);
const publishedB = curveCorners(truthB);
const ipdB = reconstructIPD({
	points: publishedB,
	atRisk: riskTableAt(
		truthB,
		TICKS.filter((t) => t <= truthB.time[truthB.time.length - 1])
	).map((r) => ({ time: r.time, n: r.atRisk }))
});
const armB = kaplanMeier(ipdB);

export const kmFixtureArms: KmArmInput[] = [
	{ id: 'a', label: 'Control (synthetic)', timeUnit: 'months', role: 'comparator', km: armA },
	{
		id: 'b',
		label: 'Synthetimab (synthetic)',
		timeUnit: 'months',
		role: 'experimental',
		km: armB,
		reconstructed: true,
		publishedPoints: publishedB
	}
];

const pooled = (() => {
	const ipdA = simulateSurvival({ n: 120, median: 11, accrual: 18, followUp: 18, seed: 7 });
	return {
		time: [...ipdA.time, ...ipdB.time],
		event: [...ipdA.event, ...ipdB.event],
		group: [...ipdA.time.map(() => 0 as const), ...ipdB.time.map(() => 1 as const)]
	};
})();
const cox = coxPH(pooled);
const rmstB = rmstDifference(armB, armA, 24);

export const kmFixtureEffects: KmEffectInput[] = [
	{
		measure: 'hr',
		comparison: 'Synthetimab vs control',
		estimate: 0.62,
		lower: 0.45,
		upper: 0.86,
		level: 0.95,
		basis: 'source',
		source: 'Synthetic report 2024 (synthetic)'
	},
	{
		measure: 'hr',
		comparison: 'Synthetimab vs control',
		estimate: cox.hr,
		lower: cox.lower,
		upper: cox.upper,
		level: 0.95,
		basis: 'reconstructed',
		detail: 'Cox, Efron ties'
	},
	{
		measure: 'rmst-difference',
		comparison: 'Synthetimab − control',
		estimate: rmstB.difference,
		lower: rmstB.lower,
		upper: rmstB.upper,
		level: 0.95,
		basis: 'reconstructed',
		detail: 'τ = 24 months'
	}
];

export const kmFixtureSpec: Omit<ChartSpec, 'id'> = {
	title: 'Overall survival in a synthetic trial (synthetic example)',
	subtitle: 'Seeded simulated patients; not evidence',
	description:
		'Kaplan–Meier curves of two synthetic arms with the number at risk, events and censored.',
	sources: ['Synthetic report 2024 (synthetic)'],
	medicine: 'Synthetimab (synthetic)',
	datasetVersion: '0.0.0-synthetic',
	datasetReleased: '2024-01-01'
};
