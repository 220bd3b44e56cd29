/**
 * Helpers shared by the statistics tests: tolerant comparison and typed access to the
 * R reference file `tests/fixtures/stats-reference.json`.
 */
import { expect } from 'vitest';
import reference from '../../../tests/fixtures/stats-reference.json';
import { StatsInputError } from './errors';

/** The reference file as plain JSON, to be iterated key by key. */
export const REFERENCE = reference as unknown as Record<string, unknown>;

/** Relative tolerance for values that need special functions (beta/t quantiles, hypergeometric, iteration). */
export const REL_SPECIAL = 1e-6;
/** Relative tolerance for closed forms (Wilson, Wald, Agresti–Coull, Newcombe). */
export const REL_CLOSED = 1e-9;
/** Absolute floor, so that 0 and 1e-17 (a closed form's rounding at a boundary) agree. */
const ABS_FLOOR = 1e-15;

/** Asserts |actual − expected| ≤ rel·|expected| + 1e-15. */
export function expectClose(actual: number, expected: number, rel: number, what: string): void {
	expect(Number.isFinite(actual), `${what}: ${actual} is not finite`).toBe(true);
	const tolerance = rel * Math.abs(expected) + ABS_FLOOR;
	expect(
		Math.abs(actual - expected),
		`${what}: got ${actual}, R gives ${expected} (tolerance ${tolerance})`
	).toBeLessThanOrEqual(tolerance);
}

/** Asserts a `[low, high]` pair. */
export function expectPair(
	actual: { low: number; high: number },
	expected: unknown,
	rel: number,
	what: string
): void {
	const [low, high] = pair(expected, what);
	expectClose(actual.low, low, rel, `${what} low`);
	expectClose(actual.high, high, rel, `${what} high`);
}

/** A number from the reference, or a thrown error naming the key. */
export function num(value: unknown, what: string): number {
	if (typeof value !== 'number') throw new Error(`${what}: expected a number in the reference`);
	return value;
}

/** A `[low, high]` pair from the reference. */
export function pair(value: unknown, what: string): [number, number] {
	if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number'))
		throw new Error(`${what}: expected [low, high] in the reference`);
	return [value[0], value[1]];
}

/** An object from the reference. */
export function obj(value: unknown, what: string): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new Error(`${what}: expected an object in the reference`);
	return value as Record<string, unknown>;
}

/**
 * Runs the checker of every key of a reference block. A key with no checker and no documented
 * reason for skipping fails, so a value added to the reference cannot go untested by accident.
 */
export function checkEveryKey(
	block: Record<string, unknown>,
	checkers: Record<string, (value: unknown, key: string) => void>,
	notCovered: Record<string, string>,
	where: string
): void {
	for (const [key, value] of Object.entries(block)) {
		const checker = checkers[key];
		if (checker) checker(value, `${where}.${key}`);
		else
			expect(
				notCovered[key],
				`${where}.${key} has neither a check nor a documented reason for skipping`
			).toBeTypeOf('string');
	}
}

/**
 * Asserts that `call` throws a StatsInputError naming `argument`, both in its `argument` field
 * and at the start of its message (which is how the pages report it).
 */
export function expectInputError(call: () => unknown, argument: string): void {
	let thrown: unknown;
	try {
		call();
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(StatsInputError);
	expect((thrown as StatsInputError).argument).toBe(argument);
	expect((thrown as Error).message).toMatch(
		new RegExp(`^${argument.replace(/[.[\]]/g, '\\$&')}: `)
	);
}
