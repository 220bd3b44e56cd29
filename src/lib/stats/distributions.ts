/**
 * Thin wrappers around the stdlib special functions the module relies on, so each is
 * imported in one place. No numerics are hand-rolled here.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import gammainc from '@stdlib/math-base-special-gammainc';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Two-sided standard-normal critical value: qnorm(1 − (1 − level)/2). */
export function zCritical(level: number): number {
	return normalQuantile(1 - (1 - level) / 2, 0, 1);
}

/** Two-sided Student t critical value with `df` degrees of freedom: qt(1 − (1 − level)/2, df). */
export function tCritical(level: number, df: number): number {
	return tQuantile(1 - (1 - level) / 2, df);
}

/** Beta quantile qbeta(p, a, b). */
export function qbeta(p: number, a: number, b: number): number {
	return betaQuantile(p, a, b);
}

/** Upper-tail chi-square probability P(X ≥ x) with `df` degrees of freedom: the regularised upper incomplete gamma Q(df/2, x/2). */
export function chiSquareUpper(x: number, df: number): number {
	return gammainc(x / 2, df / 2, true, true);
}

/** Hypergeometric probability dhyper(x; population N, K successes in it, n draws). */
export function dhyper(
	x: number,
	populationSize: number,
	successes: number,
	draws: number
): number {
	return hypergeometricPmf(x, populationSize, successes, draws);
}

/** Standard-normal two-sided p-value for a z statistic, 2·(1 − Φ(|z|)), via the chi-square(1) tail. */
export function normalTwoSidedP(z: number): number {
	return chiSquareUpper(z * z, 1);
}
