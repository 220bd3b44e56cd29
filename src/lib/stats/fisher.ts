/**
 * Fisher's exact test for a 2×2 table of two independent binomial arms.
 */
import { dhyper } from './distributions';
import { assertArm, assertMethod } from './errors';
import type { Arm } from './two-arm';

/** Alternative hypotheses, named as in R's `fisher.test` (odds ratio of a vs b). */
export type FisherAlternative = 'two-sided' | 'less' | 'greater';

/** Options of {@link fisherExact}. */
export interface FisherOptions {
	/** Default 'two-sided'. 'less': odds ratio < 1 (fewer events in a); 'greater': > 1. */
	alternative?: FisherAlternative;
}

/** R's relative tolerance for "as or less probable than the observed table". */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * P-value of Fisher's exact test (Fisher 1935, J R Stat Soc 98:39) for the table
 * `[[a.events, a.total − a.events], [b.events, b.total − b.events]]`, conditional on both margins.
 * Two-sided, as R's `fisher.test`: the sum of the probabilities of all tables whose probability
 * is ≤ the observed one × (1 + 1e-7). Hypergeometric probabilities from stdlib.
 *
 * @throws {StatsInputError} for invalid arms or alternative.
 */
export function fisherExact(
	a: Arm,
	b: Arm,
	{ alternative = 'two-sided' }: FisherOptions = {}
): number {
	assertArm('a', a);
	assertArm('b', b);
	assertMethod('alternative', alternative, ['two-sided', 'less', 'greater'] as const);
	const population = a.total + b.total;
	const successes = a.events + b.events;
	const draws = a.total;
	const lo = Math.max(0, draws - (population - successes));
	const hi = Math.min(draws, successes);
	const density: number[] = [];
	let sum = 0;
	for (let x = lo; x <= hi; x++) {
		const d = dhyper(x, population, successes, draws);
		density.push(d);
		sum += d;
	}
	const observed = a.events - lo;
	let p = 0;
	if (alternative === 'less') for (let i = 0; i <= observed; i++) p += density[i];
	else if (alternative === 'greater')
		for (let i = observed; i < density.length; i++) p += density[i];
	else {
		const limit = density[observed] * RELATIVE_TOLERANCE;
		for (const d of density) if (d <= limit) p += d;
	}
	return Math.max(0, Math.min(1, p / sum));
}
