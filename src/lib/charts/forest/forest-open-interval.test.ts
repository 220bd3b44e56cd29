import { describe, expect, it } from 'vitest';
import type { Dataset } from '$lib/evidence/schema';
import { BASE_FONT_SIZE, SSR_WIDE } from '../anatomy';
import { renderChartSvg } from '../snapshot';
import ResponseForest from './ResponseForest.svelte';
import { fixtureDataset } from './fixtures';
import { forestLayout } from './forest-layout';

/** The fixture with one printed CI made open-ended, as a source printing "NE" would give it. */
function withOpenLimit(side: 'low' | 'high'): Dataset {
	const dataset = structuredClone(fixtureDataset);
	const result = dataset.studies
		.flatMap((s) => s.endpoints.flatMap((e) => e.results))
		.find((r) => r.id === 'alpha-cr-pub')!;
	result.ci = {
		...result.ci!,
		[side]: null,
		[`${side}Open`]: { reason: 'not-estimable', printed: 'NE' }
	};
	return dataset;
}

/** Arrow heads in the intervals' cap paths: `M x,y-4 L tip,y L x,y+4`. */
const arrows = (svg: string) =>
	[...svg.matchAll(/M(-?[\d.]+),(-?[\d.]+)L(-?[\d.]+),(-?[\d.]+)L\1,(-?[\d.]+)/g)]
		.filter((m) => Math.abs(Number(m[5]) - Number(m[2]) - 8) < 0.01)
		.map((m) => ({ from: Number(m[1]), tip: Number(m[3]) }));

describe('an open-ended interval in the forest', () => {
	const plotWidth = forestLayout(SSR_WIDE, BASE_FONT_SIZE).plotWidth;
	it.each([
		{ side: 'high' as const, tip: plotWidth, pointsRight: true },
		{ side: 'low' as const, tip: 0, pointsRight: false }
	])('an open $side limit runs to the axis end with an arrow', ({ side, tip, pointsRight }) => {
		const { svg } = renderChartSvg(ResponseForest, { dataset: withOpenLimit(side) });
		const closed = renderChartSvg(ResponseForest, { dataset: fixtureDataset }).svg;
		const added = arrows(svg).filter((a) => a.tip === tip);
		expect(added.length).toBe(arrows(closed).filter((a) => a.tip === tip).length + 1);
		const arrow = added.at(-1)!;
		expect(arrow.from < arrow.tip).toBe(pointsRight);
		expect(svg).toMatch(/data-result-id="alpha-cr-pub"/);
	});
});
