import { describe, expect, it } from 'vitest';
import { isRegisteredChart, loadChart } from './registry';
import { loadEmbeddedDataset } from '$lib/evidence/load';

describe('chart registry', () => {
	it.each([
		['response-forest', true],
		['evidence-map', true],
		['timeline', true],
		['dosing-schedule', true],
		['safety-dots', true],
		['two-arm-tower', true],
		['effects-tower', true],
		['survival-tower', true],
		['two-arm-', false],
		['unknown-chart', false],
		['response-forest-2', false]
	])('%s is registered: %s', (id, registered) => {
		expect(isRegisteredChart(id)).toBe(registered);
	});

	it('builds study chart props from the dataset, and says which study is missing', async () => {
		const dataset = loadEmbeddedDataset();
		const randomised = dataset.studies.find((s) => s.design === 'randomised')!;
		const chart = await loadChart(`two-arm-${randomised.id}`);
		expect(chart?.props(dataset, new URLSearchParams())).toMatchObject({ study: randomised });
		const missing = await loadChart('two-arm-no-such-study');
		expect(() => missing?.props(dataset, new URLSearchParams())).toThrow(/no-such-study/);
	}, 30_000); // compiling the chart component on first import takes a few seconds
});
