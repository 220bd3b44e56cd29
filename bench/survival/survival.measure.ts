/**
 * Entry of the survival benchmark under Vitest (`bench/vitest.config.ts`): reconstruction of
 * patient data from two published curves of 1,000 patients each (Guyot), and Kaplan–Meier
 * plus Cox on 10,000 patients, and the server-side render of the Kaplan–Meier chart with two arms of
 * 1,000 patients (about 2 × 1,000 steps), on seeded simulated data. Writes to BENCH_SURVIVAL_OUT.
 * Run through `npm run bench`, not on its own.
 */
import { expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import {
	coxPH,
	curveCorners,
	kaplanMeier,
	reconstructIPD,
	riskTableAt,
	simulateSurvival
} from '../../src/lib/stats';
import { summarise } from '../lib/stats.mjs';
import { renderChartSvg } from '../../src/lib/charts/snapshot';
import KaplanMeierChart from '../../src/lib/charts/km/KaplanMeierChart.svelte';

const quick = process.env.BENCH_SURVIVAL_CONFIG === 'quick';
const WARMUP = quick ? 2 : 10;
const SAMPLES = quick ? 5 : 40;

function time(run: () => unknown): ReturnType<typeof summarise> {
	for (let i = 0; i < WARMUP; i++) run();
	const samples: number[] = [];
	for (let i = 0; i < SAMPLES; i++) {
		globalThis.gc?.();
		const t0 = performance.now();
		run();
		samples.push(performance.now() - t0);
	}
	return summarise(samples);
}

function publishedArm(n: number, median: number, seed: number) {
	const km = kaplanMeier(simulateSurvival({ n, median, accrual: 24, followUp: 24, seed }));
	const last = km.time[km.time.length - 1];
	const times = [0, 6, 12, 18, 24, 30, 36, 42, 48].filter((t) => t <= last);
	return {
		points: curveCorners(km),
		atRisk: riskTableAt(km, times).map((r) => ({ time: r.time, n: r.atRisk }))
	};
}

it('reconstructs two arms of 1,000 and fits KM + Cox on 10,000 patients', () => {
	const arms = [publishedArm(1000, 12, 11), publishedArm(1000, 18, 12)];
	const reconstruction = time(() => arms.map((arm) => reconstructIPD(arm)));
	const a = simulateSurvival({ n: 5000, median: 12, accrual: 24, followUp: 24, seed: 21 });
	const b = simulateSurvival({ n: 5000, median: 18, accrual: 24, followUp: 24, seed: 22 });
	const pooled = {
		time: [...a.time, ...b.time],
		event: [...a.event, ...b.event],
		group: [...a.time.map(() => 0 as const), ...b.time.map(() => 1 as const)]
	};
	const kmCox = time(() => [kaplanMeier(a), kaplanMeier(b), coxPH(pooled)]);
	const chartArms = [
		{
			id: 'a',
			label: 'Arm A (synthetic)',
			timeUnit: 'months',
			role: 'comparator' as const,
			km: kaplanMeier(
				simulateSurvival({ n: 1000, median: 12, accrual: 24, followUp: 24, seed: 31 })
			)
		},
		{
			id: 'b',
			label: 'Arm B (synthetic)',
			timeUnit: 'months',
			role: 'experimental' as const,
			km: kaplanMeier(
				simulateSurvival({ n: 1000, median: 18, accrual: 24, followUp: 24, seed: 32 })
			)
		}
	];
	const chartSpec = {
		title: 'Synthetic benchmark curves',
		subtitle: 'Seeded simulated patients; not evidence',
		description: 'Two synthetic arms',
		sources: ['Synthetic (bench)'],
		medicine: 'Synthetic',
		datasetVersion: 'bench',
		datasetReleased: '2024-01-01'
	};
	let svgBytes = 0;
	const chart = time(() => {
		svgBytes = renderChartSvg(KaplanMeierChart, { arms: chartArms, spec: chartSpec }).svg.length;
	});
	const result = {
		reconstruction: {
			arms: 2,
			patientsPerArm: 1000,
			points: arms.map((arm) => arm.points.length),
			ms: reconstruction
		},
		kmCox: { patients: 10_000, ms: kmCox },
		chart: {
			arms: 2,
			patientsPerArm: 1000,
			steps: chartArms.map((a) => a.km.nEvent.filter((d) => d > 0).length),
			svgKb: Math.round(svgBytes / 1024),
			ms: chart
		}
	};
	process.stdout.write(
		`[bench] survival: reconstruction 2 × 1,000 median ${reconstruction.median} ms; KM + Cox 10,000 median ${kmCox.median} ms; chart SSR 2 × 1,000 median ${chart.median} ms\n`
	);
	expect(reconstruction.n).toBe(SAMPLES);
	const out = process.env.BENCH_SURVIVAL_OUT;
	if (out) writeFileSync(out, JSON.stringify(result, null, '\t'));
});
