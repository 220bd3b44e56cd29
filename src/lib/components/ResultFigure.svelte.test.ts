import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Dataset, Result, Study } from '$lib/evidence/schema';
import ResultFigure from './ResultFigure.svelte';

const source = {
	id: 'pub',
	kind: 'publication' as const,
	shortCitation: 'Author 2020',
	citation: 'Author A. Journal 2020',
	language: 'en',
	date: '2020'
};

function located(result: Partial<Result>) {
	const full = {
		id: 'r1',
		unit: 'percent',
		basis: 'reported',
		approximate: false,
		headline: true,
		provenance: { sourceId: 'pub', locator: 'Table 2' },
		...result
	} as Result;
	const study = { id: 's', name: 'Study S', arms: [{ id: 'a', label: 'Arm' }] } as Study;
	return {
		located: {
			study,
			endpoint: {
				id: 'e',
				kind: 'response' as const,
				label: 'CR',
				definition: 'CR',
				primary: true,
				results: [full]
			},
			result: full,
			source
		},
		dataset: { sources: [source], discrepancies: [] } as unknown as Dataset
	};
}

describe('ResultFigure shows the interval a reader can trust', () => {
	it.each([
		{
			name: 'a printed CI stays the printed one',
			result: {
				value: 35.6,
				events: 16,
				total: 45,
				ci: { low: 21.9, high: 51.2, level: 0.95, method: 'not stated' }
			},
			expected: '95% CI 21.9–51.2%',
			computed: false
		},
		{
			name: 'counts without a printed CI get a computed Clopper–Pearson CI, labelled',
			result: { value: 43, events: 81, total: 189 },
			expected: '95% CI 35.7–50.2%',
			computed: true
		}
	])('$name', ({ result, expected, computed }) => {
		const { container } = render(ResultFigure, located(result));
		const ci = container.querySelector('.ci');
		expect(ci?.textContent).toContain(expected);
		expect(ci?.getAttribute('data-ci-origin')).toBe(computed ? 'computed' : 'printed');
		expect(ci?.textContent?.includes('computed, Clopper–Pearson 95%')).toBe(computed);
	});

	it('shows no interval when there is neither a CI nor counts', () => {
		const { container } = render(ResultFigure, located({ value: 33 }));
		expect(container.querySelector('.ci')).toBeNull();
	});
});
