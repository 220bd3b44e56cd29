import { describe, expect, it } from 'vitest';
import { facetOf, survivalData, toMonths } from './survival-rows';
import { fixtureDataset, fixtureRandomised } from './fixtures';

describe('toMonths', () => {
	it.each([
		[{ value: 5, unit: 'years', label: '5 years' }, 60],
		[{ value: 18, unit: 'months', label: '18 months' }, 18],
		[{ value: 12, unit: 'weeks', label: '12 weeks' }, 2.76],
		[{ value: 2, unit: 'cycles', label: '2 cycles' }, undefined]
	] as const)('%j → %s months', (timepoint, months) => {
		const result = toMonths(timepoint);
		if (months === undefined) expect(result).toBeUndefined();
		else expect(result).toBeCloseTo(months, 2);
	});
});

describe('facetOf', () => {
	it.each([
		['Overall survival at 5 years', 'Overall survival'],
		['Event-free survival at 6 months', 'Event-free survival'],
		['Disease-free survival', 'Disease-free survival']
	])('%s → %s', (label, facet) => {
		expect(facetOf(label)).toBe(facet);
	});
});

describe('survivalData', () => {
	const data = survivalData(fixtureDataset, fixtureRandomised);

	it('puts the 1- and 2-year figures of an outcome in one facet', () => {
		expect(data.facets).toEqual(['Overall survival']);
	});

	it('draws one line per arm through its timepoints, in time order', () => {
		expect(data.lines.map((l) => [l.armRole, l.points.map((p) => [p.months, p.value])])).toEqual([
			[
				'experimental',
				[
					[12, 96],
					[24, 90]
				]
			],
			[
				'comparator',
				[
					[12, 84],
					[24, 71]
				]
			]
		]);
	});

	it('keeps the printed CI of a landmark figure', () => {
		expect(data.points.find((p) => p.resultId === 'gamma-os-1y-exp')?.ci).toMatchObject({
			low: 85,
			high: 99,
			origin: 'printed'
		});
	});

	it('lists the medians per arm, with a CI only where printed', () => {
		expect(data.medians.map((m) => [m.armRole, m.value, m.ci?.origin])).toEqual([
			['experimental', 30.5, 'printed'],
			['comparator', 14.2, undefined]
		]);
	});

	it('collects the follow-up the sources state', () => {
		expect(data.followUp).toEqual(['median 22 months (Gamma 2023)']);
	});
});
