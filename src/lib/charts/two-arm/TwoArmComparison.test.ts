import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../snapshot';
import EffectForest from './EffectForest.svelte';
import TwoArmComparison from './TwoArmComparison.svelte';
import { fixtureDataset, fixtureRandomised } from './fixtures';
import { armPairs, effectRows } from './two-arm-rows';

const props = { dataset: fixtureDataset, study: fixtureRandomised };
const markCount = (svg: string) =>
	(svg.match(/<g class="mark[^"]*"[^>]*tabindex="0"/g) ?? []).length;

describe('TwoArmComparison (server-rendered on the fixture)', () => {
	const { svg } = renderChartSvg(TwoArmComparison, props);

	it('matches the reviewed SVG snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/two-arm-comparison.svg');
	});

	it('draws one mark per arm figure, percent and months in separate panels', () => {
		const figures = armPairs(fixtureDataset, fixtureRandomised).flatMap((p) =>
			[p.experimental, p.comparator].filter(Boolean)
		);
		expect(markCount(svg)).toBe(figures.length);
		expect(svg).toMatch(/class="panel panel-percent"/);
		expect(svg).toMatch(/class="panel panel-months"/);
	});
});

describe('EffectForest (server-rendered on the fixture)', () => {
	const { svg } = renderChartSvg(EffectForest, props);

	it('matches the reviewed SVG snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/effect-forest.svg');
	});

	it('draws one mark per effect, with a null line and favours labels', () => {
		expect(markCount(svg)).toBe(effectRows(fixtureDataset, fixtureRandomised).length);
		expect(svg).toMatch(/class="null-line"/);
		expect(svg).toContain('favours Examplimab');
		expect(svg).toContain('favours Chemotherapy');
	});
});
