/**
 * The computing side of `intervals.ts`: Clopper–Pearson intervals and between-arm effects
 * with the statistics module (and its special functions). The browser loads this module only
 * when it has something to compute that the build did not (an imported dataset, pooling, the
 * methods page); the server and Node use it directly. Pages import from `intervals.ts`.
 */
import {
	fisherExact,
	methodLabel,
	methodName,
	numberNeededToTreat,
	oddsRatio,
	proportionCI,
	riskDifference,
	riskRatio,
	type Arm
} from '../stats';
import {
	effectsKey,
	intervalCounts,
	printedInterval,
	proportionKey,
	studyTwoArmPairs,
	type DisplayInterval,
	type StudyTwoArmEffect,
	type TwoArmEffects,
	type TwoArmOptions
} from './intervals-common';
import type { Dataset, Result, Study } from './schema';

export { poolProportions } from '../stats';

/**
 * The interval to display for a result. A printed interval always wins and is passed through
 * unchanged; otherwise a result with events, total and unit 'percent' gets a Clopper–Pearson 95 %
 * interval in percent (Clopper & Pearson 1934), marked as computed. Anything else: undefined.
 *
 * @throws {StatsInputError} when events and total are inconsistent (the validator rejects such data).
 */
export function displayInterval(result: Result): DisplayInterval | undefined {
	const printed = printedInterval(result);
	if (printed) return printed;
	const counts = intervalCounts(result);
	return counts ? computedInterval(counts) : undefined;
}

/** The Clopper–Pearson 95 % interval of events/total, in percent, marked as computed. */
export function computedInterval({ events, total }: Arm): DisplayInterval {
	const ci = proportionCI(events, total, { method: 'clopper-pearson', level: 0.95 });
	return {
		low: 100 * ci.low,
		high: 100 * ci.high,
		level: ci.level,
		method: methodName('clopper-pearson'),
		origin: 'computed'
	};
}

/**
 * Risk difference (Newcombe 1998, method 10), risk ratio and odds ratio (log-scale Wald),
 * Fisher's exact p and the NNT (Altman 1998) for experimental vs comparator, all at 95 %.
 *
 * @throws {StatsInputError} for invalid counts.
 */
export function twoArmEffects(
	experimental: Arm,
	comparator: Arm,
	{ outcome = 'desirable' }: TwoArmOptions = {}
): TwoArmEffects {
	const rd = riskDifference(experimental, comparator, { method: 'newcombe', level: 0.95 });
	const rr = riskRatio(experimental, comparator, { level: 0.95 });
	const or = oddsRatio(experimental, comparator, { level: 0.95 });
	const nnt = numberNeededToTreat(rd, { outcome });
	return {
		riskDifference: { ...rd, label: methodLabel(rd.method, rd.level) },
		riskRatio: { ...rr, label: methodLabel(rr.method, rr.level) },
		oddsRatio: { ...or, label: methodLabel(or.method, or.level) },
		fisher: {
			p: fisherExact(experimental, comparator),
			method: 'fisher-exact',
			label: 'Fisher exact test, two-sided'
		},
		nnt: { ...nnt, label: `Altman, from ${methodLabel(rd.method, rd.level)}` }
	};
}

/** Between-arm effects for every comparable pair of arms of a study (see `studyTwoArmPairs`). */
export function studyTwoArmEffects(study: Study): StudyTwoArmEffect[] {
	return studyTwoArmPairs(study).map((pair) => ({
		...pair,
		effects: twoArmEffects(pair.experimental, pair.comparator, { outcome: pair.outcome })
	}));
}

/**
 * Every interval and two-arm effect a dataset shows, computed once (at build time for the
 * embedded dataset) and keyed by the counts they depend on, so that the browser can show
 * them without loading the statistics module. Plain data: it serialises exactly.
 */
export interface PrecomputedFigures {
	/** Computed intervals by `proportionKey`. */
	intervals: Record<string, DisplayInterval>;
	/** Two-arm effects by `effectsKey`. */
	effects: Record<string, TwoArmEffects>;
}

export function precomputeFigures(dataset: Dataset): PrecomputedFigures {
	const figures: PrecomputedFigures = { intervals: {}, effects: {} };
	for (const study of dataset.studies) {
		for (const endpoint of study.endpoints)
			for (const result of endpoint.results) {
				const counts = intervalCounts(result);
				if (counts) figures.intervals[proportionKey(counts)] ??= computedInterval(counts);
			}
		for (const pair of studyTwoArmPairs(study)) {
			const key = effectsKey(pair.experimental, pair.comparator, pair.outcome);
			figures.effects[key] ??= twoArmEffects(pair.experimental, pair.comparator, {
				outcome: pair.outcome
			});
		}
	}
	return figures;
}
