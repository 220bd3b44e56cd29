/**
 * Typed errors of the statistics module and the input checks every function runs first.
 * A function of this module never returns NaN for bad input: it throws {@link StatsInputError}.
 */

/**
 * Thrown when an argument of a statistics function is invalid (events above total,
 * negative or non-integer counts, a level outside (0, 1), too few studies, …).
 * `argument` names the offending argument, e.g. `"b.total"` or `"studies[2].events"`.
 */
export class StatsInputError extends Error {
	readonly argument: string;

	constructor(argument: string, message: string) {
		super(`${argument}: ${message}`);
		this.name = 'StatsInputError';
		this.argument = argument;
	}
}

/**
 * Thrown when an iterative estimator does not converge (REML Fisher scoring), so that a
 * result is never reported from an unfinished iteration.
 */
export class StatsConvergenceError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StatsConvergenceError';
	}
}

function describe(value: unknown): string {
	return typeof value === 'number' ? String(value) : `${typeof value} ${JSON.stringify(value)}`;
}

/** A count: a finite integer ≥ 0. */
export function assertCount(name: string, value: unknown): asserts value is number {
	if (typeof value !== 'number' || !Number.isFinite(value))
		throw new StatsInputError(name, `must be a finite number (got ${describe(value)})`);
	if (!Number.isInteger(value))
		throw new StatsInputError(name, `must be an integer (got ${value})`);
	if (value < 0) throw new StatsInputError(name, `must be ≥ 0 (got ${value})`);
}

/** Events out of a total: integers with 0 ≤ events ≤ total and total ≥ 1. */
export function assertBinomial(prefix: string, events: unknown, total: unknown): void {
	const eventsName = prefix ? `${prefix}.events` : 'events';
	const totalName = prefix ? `${prefix}.total` : 'total';
	assertCount(eventsName, events);
	assertCount(totalName, total);
	if (total === 0) throw new StatsInputError(totalName, 'must be at least 1 (got 0)');
	if (events > total)
		throw new StatsInputError(
			eventsName,
			`must not exceed ${totalName} (got ${events} > ${total})`
		);
}

/** A two-sided confidence level strictly between 0 and 1, e.g. 0.95. */
export function assertLevel(level: unknown, name = 'level'): asserts level is number {
	if (typeof level !== 'number' || !Number.isFinite(level) || level <= 0 || level >= 1)
		throw new StatsInputError(
			name,
			`must be a number strictly between 0 and 1, such as 0.95 (got ${describe(level)})`
		);
}

/** An arm `{ events, total }` given as an object. */
export function assertArm(
	name: string,
	arm: unknown
): asserts arm is { events: number; total: number } {
	if (typeof arm !== 'object' || arm === null)
		throw new StatsInputError(name, 'must be an object { events, total }');
	const { events, total } = arm as Record<string, unknown>;
	assertBinomial(name, events, total);
}

/** Checks a method name against the allowed list. */
export function assertMethod<T extends string>(
	name: string,
	value: unknown,
	allowed: readonly T[]
): asserts value is T {
	if (!allowed.includes(value as T))
		throw new StatsInputError(
			name,
			`must be one of ${allowed.map((a) => `'${a}'`).join(', ')} (got ${describe(value)})`
		);
}
