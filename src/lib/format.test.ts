import { describe, expect, it } from 'vitest';
import { decimalsOf, formatIsoDate, formatPercent, formatPercentRange } from './format';

describe('formatPercent keeps the printed precision per locale', () => {
	it.each([
		[35.6, 'en', '35.6%'],
		[35.6, 'nl', '35,6 %'],
		[43, 'en', '43%'],
		[43, 'nl', '43 %'],
		[-24.1, 'en', '−24.1%']
	])('%s in %s is %s', (value, locale, expected) => {
		expect(formatPercent(value, locale)).toBe(expected);
	});
});

describe('formatIsoDate formats at the precision of the source', () => {
	it.each([
		['2018-06-18', 'nl', '18 juni 2018'],
		['2018-06-18', 'en', '18 June 2018'],
		['2025-01', 'nl', 'januari 2025'],
		['2017', 'en', '2017']
	])('%s in %s is %s', (iso, locale, expected) => {
		expect(formatIsoDate(iso, locale)).toBe(expected);
	});
});

describe('ranges and decimals', () => {
	it('prints a CI range with its unit once', () => {
		expect(formatPercentRange(21.9, 51.2, 'nl')).toBe('21,9–51,2 %');
		expect(formatPercentRange(36, 50, 'en')).toBe('36–50%');
	});
	it('counts decimals of a printed figure', () => {
		expect([decimalsOf(43), decimalsOf(35.6), decimalsOf(82.4), decimalsOf(0.355)]).toEqual([
			0, 1, 1, 3
		]);
	});
});
