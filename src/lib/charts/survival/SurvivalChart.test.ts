import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../snapshot';
import SurvivalChart from './SurvivalChart.svelte';
import { fixtureDataset, fixtureRandomised } from './fixtures';
import { survivalData } from './survival-rows';

describe('SurvivalChart (server-rendered on the fixture)', () => {
	const { svg } = renderChartSvg(SurvivalChart, {
		dataset: fixtureDataset,
		study: fixtureRandomised
	});
	const data = survivalData(fixtureDataset, fixtureRandomised);

	it('matches the reviewed SVG snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/survival-chart.svg');
	});

	it('draws a mark per landmark figure and per median, and a line per arm', () => {
		const marks = svg.match(/<g class="mark[^"]*"[^>]*tabindex="0"/g) ?? [];
		expect(marks).toHaveLength(data.points.length + data.medians.length);
		expect(svg.match(/<g class="lines"[\s\S]*?<\/g>/)![0].match(/<path/g)).toHaveLength(2);
	});

	it('dashes the comparator line and states the follow-up', () => {
		expect(svg).toMatch(/<path d="M[^"]*" stroke-dasharray="6 4"/);
		expect(svg).toContain('follow-up: median 22 months (Gamma 2023)');
	});
});
