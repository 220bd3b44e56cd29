import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../snapshot';
import KaplanMeierChart from './KaplanMeierChart.svelte';
import { kmFixtureArms, kmFixtureEffects, kmFixtureSpec } from './fixtures';
import { kmModel } from './km-model';

const props = {
	arms: kmFixtureArms,
	effects: kmFixtureEffects,
	spec: kmFixtureSpec,
	showMedians: true,
	ticks: [0, 6, 12, 18, 24, 30, 36]
};

describe('KaplanMeierChart (server-rendered on the seeded synthetic fixture)', () => {
	const { svg } = renderChartSvg(KaplanMeierChart, props);
	const model = kmModel(kmFixtureArms, kmFixtureEffects, { showMedians: true, ticks: props.ticks });

	it('matches the reviewed SVG snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/kaplan-meier-chart.svg');
	});

	it('draws one focusable curve per arm, with its band and censor ticks', () => {
		expect(svg.match(/<g class="mark km-arm"[^>]*tabindex="0"/g)).toHaveLength(2);
		expect(svg.match(/<path class="band"/g)).toHaveLength(2);
		expect(svg.match(/<path class="censors"/g)).toHaveLength(2);
		expect(svg.match(/<path class="median"/g)).toHaveLength(2);
	});

	it('puts a risk-table number under every tick for every arm and row', () => {
		const counts = svg.match(/<text class="count"[^>]*data-time="[^"]*">[^<]*</g) ?? [];
		expect(counts).toHaveLength(2 * 3 * props.ticks.length);
		const atRiskA = model.arms[0].riskRow.map((c) => String(c.atRisk));
		const block = svg.match(/<g class="risk-row" data-row="atRisk">[\s\S]*?<\/g>/)![0];
		expect([...block.matchAll(/data-time="[^"]*">([^<]*)</g)].map((m) => m[1])).toEqual(atRiskA);
	});

	it('labels each effect with how it was obtained', () => {
		const panel = svg.match(/<g class="km-lines km-effects"[\s\S]*?<\/g>/)![0];
		const text = [...panel.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]).join(' ');
		expect(text).toContain('0.62 (95 % CI 0.45 to 0.86) — printed by the source');
		expect(text.match(/computed from reconstructed data \(Guyot\)/g)).toHaveLength(2);
	});

	it('keeps the published points hidden until the overlay is on, then shows the fit', () => {
		expect(svg).not.toContain('class="published"');
		const overlay = renderChartSvg(KaplanMeierChart, { ...props, showPublished: true }).svg;
		expect(overlay.match(/<circle class="published"/g)).toHaveLength(
			kmFixtureArms[1].publishedPoints!.length
		);
		expect(overlay).toContain('published points: RMSE');
	});

	it('carries the caption and the dataset stamp, with no ellipsis anywhere', () => {
		expect(svg).toContain(kmFixtureSpec.title);
		expect(svg).toContain('Synthetic report 2024 (synthetic)');
		expect(svg).not.toContain('…');
	});
});
