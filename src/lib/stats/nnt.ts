/**
 * Number needed to treat from a risk difference, with Altman's interval.
 */
import { StatsInputError } from './errors';
import { levelPercent } from './labels';
import type { RiskDifferenceResult } from './two-arm';

/** Whether the counted event is one the experimental treatment should make more or less frequent. */
export type OutcomeDirection = 'desirable' | 'undesirable';

/** Options of {@link numberNeededToTreat}. */
export interface NntOptions {
	/**
	 * 'desirable' (default: response, remission): more events on the experimental arm is benefit.
	 * 'undesirable' (death, relapse, adverse event): fewer events on the experimental arm is benefit.
	 */
	outcome?: OutcomeDirection;
}

/** Number needed to treat with its interval. */
export interface NntResult {
	/** 1 / |risk difference|; Infinity when the difference is 0. */
	nnt: number;
	/** NNT to benefit (NNTB) or to harm (NNTH); 'none' when the difference is exactly 0. */
	kind: 'benefit' | 'harm' | 'none';
	/** True when the risk-difference interval includes 0. */
	crossesZero: boolean;
	/**
	 * Interval excluding 0: the smaller of 1/|RD limits|, in units of `kind`.
	 * Interval crossing 0: the NNTH limit; the interval runs from NNTH `low` through ∞ to NNTB `high`.
	 */
	low: number;
	/**
	 * Interval excluding 0: the larger of 1/|RD limits|, in units of `kind`.
	 * Interval crossing 0: the NNTB limit.
	 */
	high: number;
	level: number;
	/** The risk-difference method the interval comes from. */
	method: RiskDifferenceResult['method'];
	outcome: OutcomeDirection;
	/** English summary, e.g. "NNTB 4.2 (95 % CI 2.5 to 18.9)" or "NNTB 12.0 (95 % CI NNTH 30.1 to ∞ to NNTB 4.4)". */
	description: string;
}

function format(value: number): string {
	return Number.isFinite(value) ? value.toFixed(1) : '∞';
}

/**
 * Number needed to treat, 1/|RD|, with the interval of Altman 1998 (BMJ 317:1309):
 * when the risk-difference interval excludes 0 the limits are 1/|RD limits| sorted; when it
 * includes 0 the interval is not continuous and runs from NNTH through infinity to NNTB,
 * reported as `crossesZero` with `low` = NNTH limit and `high` = NNTB limit.
 *
 * @throws {StatsInputError} when the risk difference result is not finite or not ordered.
 */
export function numberNeededToTreat(
	rd: RiskDifferenceResult,
	{ outcome = 'desirable' }: NntOptions = {}
): NntResult {
	if (typeof rd !== 'object' || rd === null)
		throw new StatsInputError('riskDifference', 'must be a riskDifference() result');
	for (const key of ['estimate', 'low', 'high'] as const) {
		const v = rd[key];
		if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1)
			throw new StatsInputError(
				`riskDifference.${key}`,
				`must be a finite number in [−1, 1] (got ${String(v)})`
			);
	}
	if (!(rd.low <= rd.estimate && rd.estimate <= rd.high))
		throw new StatsInputError('riskDifference', 'must satisfy low ≤ estimate ≤ high');
	if (outcome !== 'desirable' && outcome !== 'undesirable')
		throw new StatsInputError(
			'outcome',
			`must be 'desirable' or 'undesirable' (got ${String(outcome)})`
		);

	// Benefit on the risk-difference scale: positive for a desirable event, negative otherwise.
	const sign = outcome === 'desirable' ? 1 : -1;
	const benefit = (d: number) => sign * d;
	const b = benefit(rd.estimate);
	const kind = b > 0 ? 'benefit' : b < 0 ? 'harm' : 'none';
	const nnt = 1 / Math.abs(rd.estimate);
	const crossesZero = rd.low <= 0 && rd.high >= 0;
	const pct = `${levelPercent(rd.level)} % CI`;
	const short = (k: 'benefit' | 'harm') => (k === 'benefit' ? 'NNTB' : 'NNTH');
	const head = kind === 'none' ? 'NNT ∞ (no difference)' : `${short(kind)} ${format(nnt)}`;
	const base = { nnt, kind, crossesZero, level: rd.level, method: rd.method, outcome } as const;

	if (!crossesZero) {
		const [low, high] = [1 / Math.abs(rd.low), 1 / Math.abs(rd.high)].sort((x, y) => x - y);
		return {
			...base,
			low,
			high,
			description: `${head} (${pct} ${format(low)} to ${format(high)})`
		};
	}
	// The limit on the benefit side gives the NNTB bound, the other the NNTH bound.
	const [harmLimit, benefitLimit] = sign > 0 ? [rd.low, rd.high] : [rd.high, rd.low];
	const low = 1 / Math.abs(harmLimit);
	const high = 1 / Math.abs(benefitLimit);
	return {
		...base,
		low,
		high,
		description: `${head} (${pct} NNTH ${format(low)} to ∞ to NNTB ${format(high)})`
	};
}
