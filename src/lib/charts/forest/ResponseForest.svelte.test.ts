import { cleanup, render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticDataset } from '$lib/evidence/synthetic';
import { COMPACT_MARKS } from '../anatomy';
import { EXPORT_BEGIN, EXPORT_END } from '../export-events';
import ResponseForest from './ResponseForest.svelte';
import { forestResults } from './forest-rows';

afterEach(cleanup);

/** Rows drawn with text: the cells of the fullest text column (every layout has one per figure). */
const estimateCells = (svg: SVGSVGElement) =>
	Math.max(
		...[...svg.querySelectorAll('g.text-column')].map(
			(g) => g.querySelectorAll('text:not(.header)').length
		)
	);

describe('ResponseForest in the browser, small and large', () => {
	it.each([
		{ results: 40, compact: false },
		{ results: COMPACT_MARKS + 200, compact: true }
	])(
		'$results results: compact $compact',
		async ({ results, compact }) => {
			const dataset = syntheticDataset({ results, seed: 7 });
			const figures = forestResults(dataset).length;
			const { container } = render(ResponseForest, { dataset });
			await tick();
			const svg = container.querySelector('svg') as SVGSVGElement;

			const focusable = svg.querySelectorAll('g.mark[tabindex="0"]').length;
			const layer = svg.querySelector('g.points.compact');
			const desc = svg.querySelector('desc')?.textContent ?? '';
			const tableRows = container.querySelectorAll('[data-testid="chart-table"] tbody tr').length;
			if (compact) {
				// No focusable marks: the marks are a few paths that still count every figure…
				expect(focusable).toBe(0);
				expect(Number(layer?.getAttribute('data-marks'))).toBe(figures);
				expect(layer?.getAttribute('aria-hidden')).toBe('true');
				expect(layer!.querySelectorAll('path').length).toBeLessThan(10);
				// …the description sends readers to the table…
				expect(desc).toContain('data table below the chart lists every figure');
				// …and text is drawn only for the rows near the viewport.
				const drawn = estimateCells(svg);
				expect(drawn).toBeGreaterThan(0);
				expect(drawn).toBeLessThan(figures / 4);

				// An export draws every row while it copies the svg, then returns to the window.
				svg.dispatchEvent(new CustomEvent(EXPORT_BEGIN));
				expect(estimateCells(svg)).toBe(figures);
				svg.dispatchEvent(new CustomEvent(EXPORT_END));
				await tick();
				expect(estimateCells(svg)).toBe(drawn);
			} else {
				expect(focusable).toBe(figures);
				expect(layer).toBeNull();
				expect(desc).not.toContain('data table below the chart');
				expect(estimateCells(svg)).toBe(figures);
			}

			// The table (every figure, either way) is built when it is opened.
			expect(tableRows).toBe(0);
			const details = container.querySelector('details') as HTMLDetailsElement;
			details.open = true;
			details.dispatchEvent(new Event('toggle'));
			await tick();
			expect(container.querySelectorAll('[data-testid="chart-table"] tbody tr').length).toBe(
				figures
			);
		},
		// jsdom lays out 1,200 rows with all their text for the export step: seconds, not a target.
		30_000
	);
});
