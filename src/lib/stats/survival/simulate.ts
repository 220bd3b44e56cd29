/**
 * Seeded simulation of right-censored survival data with a known truth, for the reconstruction
 * round trip, the benchmark and synthetic chart examples. NOT evidence: anything built from it
 * must be marked synthetic.
 */
import { StatsInputError } from '../errors';
import type { SurvivalData } from './kaplan-meier';

/** A small seedable PRNG (mulberry32): uniform numbers in [0, 1). */
export function seededUniform(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Options of {@link simulateSurvival}. */
export interface SimulationOptions {
	/** Patients. */
	n: number;
	/** Median of the exponential event time (time units of the output). */
	median: number;
	/** Patients enter uniformly over [0, accrual] and are followed until `accrual + followUp`. */
	accrual: number;
	followUp: number;
	/** Seed of the PRNG; the same options give the same data. */
	seed: number;
	/** Times are rounded to this many decimals (ties as in published data); default 2. */
	decimals?: number;
}

/**
 * Exponential event times (hazard ln 2 / median) with administrative censoring from uniform
 * accrual: patient i is censored at the end of the study if still event-free.
 */
export function simulateSurvival({
	n,
	median,
	accrual,
	followUp,
	seed,
	decimals = 2
}: SimulationOptions): SurvivalData & { time: number[]; event: (0 | 1)[] } {
	if (!Number.isInteger(n) || n < 1)
		throw new StatsInputError('n', `must be an integer ≥ 1 (got ${n})`);
	if (!(median > 0)) throw new StatsInputError('median', `must be > 0 (got ${median})`);
	if (!(accrual >= 0) || !(followUp > 0))
		throw new StatsInputError('followUp', 'accrual must be ≥ 0 and followUp > 0');
	const random = seededUniform(seed);
	const rate = Math.LN2 / median;
	const scale = 10 ** decimals;
	const time: number[] = [];
	const event: (0 | 1)[] = [];
	for (let i = 0; i < n; i++) {
		const eventTime = -Math.log(1 - random()) / rate;
		const censorTime = accrual + followUp - random() * accrual;
		const t = Math.min(eventTime, censorTime);
		time.push(Math.max(Math.round(t * scale) / scale, 1 / scale));
		event.push(eventTime <= censorTime ? 1 : 0);
	}
	return { time, event };
}
