import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../snapshot';
import { examplimab } from '../fixtures/examplimab';
import SafetyDotChart from './SafetyDotChart.svelte';
import { profileRoles, safetyRows } from './safety-rows';

describe('SafetyDotChart (server-rendered on the fixture)', () => {
	const roles = profileRoles(examplimab.safety);
	const props = { dataset: examplimab, primary: roles.primary!, comparisons: roles.comparisons };
	const { svg, html } = renderChartSvg(SafetyDotChart, props);
	const rows = safetyRows(roles.primary!, roles.comparisons);
	const compared = rows.reduce((sum, r) => sum + r.others.length, 0);

	it('matches the reviewed SVG snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/safety-dots.svg');
	});

	it('draws a mark per reaction and per matching earlier figure', () => {
		expect(svg.match(/data-series="primary"/g)).toHaveLength(rows.length);
		expect(svg.match(/data-series="comparison"/g)).toHaveLength(compared);
	});

	it('sorts the marks by frequency', () => {
		const values = [...svg.matchAll(/data-value="([\d.]+)" data-category/g)].map((m) =>
			Number(m[1])
		);
		expect(values).toEqual([...values].sort((a, b) => b - a));
	});

	it('tags the most serious reactions with words, not colour alone', () => {
		const serious = rows.filter((r) => r.serious).length;
		expect(svg.match(/>most serious</g)).toHaveLength(serious);
	});

	it('names each label version in the subtitle', () => {
		expect(svg).toContain('Label section 4.8 (current)');
		expect(svg).toContain('2016 label');
		expect(html).toContain('N = 500');
	});
});
