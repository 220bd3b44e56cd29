/**
 * Wiring between the evidence schema and the statistics module: which interval a result shows,
 * and the between-arm effects computed from two arms' events and totals.
 *
 * This module is light on purpose (it is on the first load of every page): it computes
 * nothing itself. A figure is looked up in the table the server computed for the embedded
 * dataset (`primeFigures`, from `precomputeFigures` in `interval-engine.ts`), or computed by
 * the engine once loaded (`loadStatsEngine`). On the server and in Node the engine is always
 * there; in the browser it is loaded on demand: before an imported dataset is shown, when
 * pooling is asked for, and by the methods page. The numbers are the same either way: the
 * table holds what the engine computed, keyed by the counts they depend on.
 */
import type * as Engine from './interval-engine';
import type { PrecomputedFigures } from './interval-engine';
import type { Arm, PooledProportion, PoolingOptions, PoolingStudy } from '../stats';
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
import type { Result, Study } from './schema';

export { outcomeDirection } from './intervals-common';
export type {
	DisplayInterval,
	Labelled,
	StudyTwoArmEffect,
	TwoArmEffects,
	TwoArmOptions
} from './intervals-common';
export type { PrecomputedFigures } from './interval-engine';

type StatsEngine = typeof Engine;

let engine: StatsEngine | undefined;
// Server-side rendering, prerendering and Node tests compute directly. In the client build
// this branch is dead code, so the engine and the statistics module stay out of first load.
if (import.meta.env.SSR) engine = await import('./interval-engine');

const intervals = new Map<string, DisplayInterval>();
const effects = new Map<string, TwoArmEffects>();

/** Adds figures computed elsewhere (by the server, for the embedded dataset) to the table. */
export function primeFigures(figures: PrecomputedFigures | undefined): void {
	if (!figures) return;
	for (const [key, value] of Object.entries(figures.intervals)) intervals.set(key, value);
	for (const [key, value] of Object.entries(figures.effects)) effects.set(key, value);
}

let loading: Promise<StatsEngine> | undefined;

/** Loads the engine (and the statistics module) once; resolves when figures can be computed. */
export function loadStatsEngine(): Promise<StatsEngine> {
	if (engine) return Promise.resolve(engine);
	loading ??= import('./interval-engine').then(
		(loaded) => (engine = loaded),
		(error) => {
			loading = undefined;
			throw error;
		}
	);
	return loading;
}

/** Whether figures missing from the table can be computed now. */
export function statsEngineLoaded(): boolean {
	return engine !== undefined;
}

function missing(what: string): undefined {
	// Nothing is guessed: the figure is left out, and the engine is loaded for the next render.
	console.warn(`${what} is not precomputed; loading the statistics module`);
	void loadStatsEngine();
	return undefined;
}

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
	if (!counts) return undefined;
	const known = intervals.get(proportionKey(counts));
	if (known) return { ...known };
	if (engine) return engine.computedInterval(counts);
	return missing(`The interval of ${proportionKey(counts)}`);
}

/**
 * Risk difference (Newcombe 1998, method 10), risk ratio and odds ratio (log-scale Wald),
 * Fisher's exact p and the NNT (Altman 1998) for experimental vs comparator, all at 95 %.
 *
 * @throws {StatsInputError} for invalid counts.
 * @throws {Error} in the browser when neither precomputed nor the engine loaded.
 */
export function twoArmEffects(
	experimental: Arm,
	comparator: Arm,
	options: TwoArmOptions = {}
): TwoArmEffects {
	const known = effects.get(effectsKey(experimental, comparator, options.outcome ?? 'desirable'));
	if (known) return structuredClone(known);
	if (engine) return engine.twoArmEffects(experimental, comparator, options);
	void loadStatsEngine();
	throw new Error('twoArmEffects: the statistics module is not loaded (await loadStatsEngine())');
}

/**
 * Between-arm effects for every endpoint of a study where an experimental-role arm and a
 * comparator-role arm both have a result with events and total from the same source (and the
 * same timepoint, when one is given). Historical controls are not compared. Mixing sources is
 * never done: each effect names the one source both counts come from.
 */
export function studyTwoArmEffects(study: Study): StudyTwoArmEffect[] {
	return studyTwoArmPairs(study).flatMap((pair) => {
		const key = effectsKey(pair.experimental, pair.comparator, pair.outcome);
		const known = effects.get(key);
		if (known) return [{ ...pair, effects: structuredClone(known) }];
		if (engine)
			return [
				{
					...pair,
					effects: engine.twoArmEffects(pair.experimental, pair.comparator, {
						outcome: pair.outcome
					})
				}
			];
		return missing(`The effects of ${key}`) ?? [];
	});
}

/**
 * Random-effects pooling of proportions (see `poolProportions` in the statistics module), or
 * undefined while the engine is not loaded (the call starts loading it).
 */
export function poolProportions(
	studies: PoolingStudy[],
	options?: PoolingOptions
): PooledProportion | undefined {
	if (engine) return engine.poolProportions(studies, options);
	void loadStatsEngine();
	return undefined;
}
