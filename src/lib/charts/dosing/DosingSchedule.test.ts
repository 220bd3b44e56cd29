import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../snapshot';
import { examplimab } from '../fixtures/examplimab';
import DosingSchedule from './DosingSchedule.svelte';
import { scheduleRows } from './dosing-rows';

describe('DosingSchedule (server-rendered on the fixture)', () => {
	const { svg, html } = renderChartSvg(DosingSchedule, { dataset: examplimab });
	const rows = scheduleRows(examplimab.dosing);

	it('matches the reviewed SVG snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/dosing-schedule.svg');
	});

	it('draws a focusable period per infusion and rest of every cycle drawn', () => {
		const marks = svg.match(/<g class="mark[^"]*"[^>]*tabindex="0"/g) ?? [];
		expect(marks).toHaveLength(rows.reduce((sum, r) => sum + r.segments.length, 0));
		expect(svg.match(/data-kind="rest"/g)).toHaveLength(
			rows.reduce((sum, r) => sum + r.segments.filter((s) => s.kind === 'rest').length, 0)
		);
	});

	it('writes every recorded dose step with its unit, and no other', () => {
		const steps = [
			...svg.matchAll(
				/data-dose="([\d.]+)" data-unit="([^"]+)" data-from-day="(\d+)" data-to-day="(\d+)"/g
			)
		].map((m) => `${m[1]} ${m[2]} ${m[3]}-${m[4]}`);
		expect(steps).toEqual(
			examplimab.dosing.flatMap((r) =>
				r.steps.map((s) => `${s.dose} ${s.unit} ${s.fromDay}-${s.toDay}`)
			)
		);
		expect(svg).toContain('9 µg/day');
		expect(svg).toContain('15 µg/m²/day');
	});

	it('draws a single course without a rest period', () => {
		expect(svg).not.toMatch(/data-regimen-id="consolidation" data-kind="rest"/);
	});

	it('has captions in the SVG and the tidy rows in the table', () => {
		expect(svg).toMatch(/<g class="footer"/);
		const trs = html.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g) ?? [];
		expect(trs).toHaveLength(
			examplimab.dosing.length * 2 + examplimab.dosing.reduce((s, r) => s + r.steps.length, 0)
		);
	});
});
