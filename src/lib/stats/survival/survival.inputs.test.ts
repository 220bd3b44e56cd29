/**
 * Bad input to the survival functions: a StatsInputError naming the offending argument, or a
 * StatsConvergenceError where the model has no finite answer. Nothing returns NaN.
 */
import { describe, expect, it } from 'vitest';
import { StatsConvergenceError, StatsInputError } from '../errors';
import { coxPH } from './cox';
import { kaplanMeier, medianSurvival, riskTableAt, rmst, rmstDifference } from './kaplan-meier';
import { logRank } from './log-rank';

function argumentOf(run: () => unknown): string | undefined {
	try {
		run();
	} catch (error) {
		if (error instanceof StatsInputError) return error.argument;
		throw error;
	}
	return undefined;
}

const ok = { time: [1, 2, 3], event: [1, 0, 1] as (0 | 1)[] };
const km = kaplanMeier(ok);

describe('survival functions reject bad input with the path of the argument', () => {
	it.each([
		['kaplanMeier: lengths differ', () => kaplanMeier({ time: [1, 2], event: [1] }), 'data.event'],
		['kaplanMeier: no patients', () => kaplanMeier({ time: [], event: [] }), 'data.time'],
		['kaplanMeier: negative time', () => kaplanMeier({ time: [-1], event: [1] }), 'data.time[0]'],
		['kaplanMeier: NaN time', () => kaplanMeier({ time: [NaN], event: [1] }), 'data.time[0]'],
		['kaplanMeier: event 2', () => kaplanMeier({ time: [1], event: [2 as 1] }), 'data.event[0]'],
		['kaplanMeier: unknown conf', () => kaplanMeier(ok, { conf: 'arcsin' as 'log' }), 'conf'],
		['kaplanMeier: level 95', () => kaplanMeier(ok, { level: 95 }), 'level'],
		['medianSurvival: not a curve', () => medianSurvival({} as typeof km), 'km.time'],
		['rmst: tau 0', () => rmst(km, 0), 'tau'],
		['rmstDifference: level 0', () => rmstDifference(km, km, 2, 0), 'level'],
		['riskTableAt: negative time', () => riskTableAt(km, [-1]), 'times[0]'],
		['logRank: one group', () => logRank([ok]), 'groups'],
		['logRank: bad second group', () => logRank([ok, { time: [1], event: [] }]), 'groups[1].event'],
		['coxPH: group 2', () => coxPH({ ...ok, group: [0, 1, 2 as 1] }), 'data.group[2]'],
		['coxPH: one group only', () => coxPH({ ...ok, group: [1, 1, 1] }), 'data.group'],
		['coxPH: no events', () => coxPH({ time: [1, 2], event: [0, 0], group: [0, 1] }), 'data.event'],
		[
			'coxPH: unknown ties',
			() => coxPH({ ...ok, group: [0, 1, 0] }, { ties: 'exact' as 'efron' }),
			'ties'
		]
	])('%s', (_, run, argument) => {
		expect(argumentOf(run)).toBe(argument);
	});

	it('coxPH: no finite maximum when one group has no events (monotone likelihood)', () => {
		expect(() => coxPH({ time: [1, 2, 3, 4], event: [1, 1, 0, 0], group: [0, 0, 1, 1] })).toThrow(
			StatsConvergenceError
		);
	});

	it('a curve that reaches 0 has null limits and standard error there, never NaN', () => {
		const all = kaplanMeier({ time: [1, 2], event: [1, 1] });
		expect(all.surv).toEqual([0.5, 0]);
		expect(all.stdErr[1]).toBeNull();
		expect(all.lower[1]).toBeNull();
		const values = [...all.surv, ...all.stdErr, ...all.lower, ...all.upper];
		expect(values.some((v) => typeof v === 'number' && Number.isNaN(v))).toBe(false);
		// area after time 1 is 0.5 at survival 0.5; the last death (n = d) adds no variance, as in R
		expect(rmst(all, 3)).toEqual({ rmst: 1.5, se: Math.sqrt(0.125) });
	});
});
