import { describe, expect, it } from 'vitest';
import * as stats from './index';

describe('public API of $lib/stats', () => {
	it('exports exactly the agreed runtime names', () => {
		expect(Object.keys(stats).sort()).toEqual(
			[
				'COX_TIES',
				'bucher',
				'standardErrorFromInterval',
				'KM_CONF_TYPES',
				'MAX_RECONSTRUCTION_ITERATIONS',
				'cleanCurvePoints',
				'curveCorners',
				'reconstructIPD',
				'reconstructionFit',
				'riskTableAt',
				'simulateSurvival',
				'survivalAt',
				'PROPORTION_METHODS',
				'coxPH',
				'kaplanMeier',
				'logRank',
				'medianSurvival',
				'rmst',
				'rmstDifference',
				'StatsConvergenceError',
				'StatsInputError',
				'fisherExact',
				'methodLabel',
				'methodName',
				'numberNeededToTreat',
				'oddsRatio',
				'poolProportions',
				'proportionCI',
				'riskDifference',
				'riskRatio'
			].sort()
		);
	});

	it('StatsInputError is an Error subclass with the argument name', () => {
		const error = new stats.StatsInputError('level', 'must be in (0, 1)');
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('StatsInputError');
		expect(error.argument).toBe('level');
		expect(error.message).toBe('level: must be in (0, 1)');
	});

	it('never returns NaN: every result field of every function is a number or throws', () => {
		const a = { events: 0, total: 1 };
		const b = { events: 1, total: 1 };
		const values = [
			...Object.values(stats.proportionCI(0, 1)),
			...Object.values(stats.riskDifference(a, b)),
			...Object.values(stats.riskRatio(a, b)),
			...Object.values(stats.oddsRatio(a, b)),
			stats.fisherExact(a, b),
			...Object.values(stats.numberNeededToTreat(stats.riskDifference(a, b)))
		];
		expect(values.filter((v) => typeof v === 'number' && Number.isNaN(v))).toEqual([]);
	});
});
