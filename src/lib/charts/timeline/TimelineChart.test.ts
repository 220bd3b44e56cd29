import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../snapshot';
import { examplimab } from '../fixtures/examplimab';
import TimelineChart from './TimelineChart.svelte';
import { timelineItems } from './timeline-rows';

describe('TimelineChart (server-rendered on the fixture)', () => {
	const { svg, html } = renderChartSvg(TimelineChart, { dataset: examplimab });
	const items = timelineItems(examplimab.timeline);

	it('matches the reviewed SVG snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/timeline.svg');
	});

	it('draws one focusable marker per event, in date order', () => {
		const ids = [
			...svg.matchAll(/<g class="mark[^"]*"[^>]*tabindex="0"[^>]*data-event-id="([^"]+)"/g)
		].map((m) => m[1]);
		expect(ids).toEqual(items.map((i) => i.event.id));
	});

	it('puts regulatory events and evidence on separate lanes', () => {
		for (const item of items)
			expect(svg).toMatch(
				new RegExp(`data-event-id="${item.event.id}"[^>]*data-lane="${item.lane}"`)
			);
	});

	it('marks dates known to the year or month only', () => {
		expect(svg).toMatch(/data-event-id="alpha-published" data-date="2015" data-precision="year"/);
		expect(svg).toMatch(/data-event-id="pos-opinion" data-date="2020-10" data-precision="month"/);
		expect(svg.match(/class="span"/g)).toHaveLength(
			items.filter((i) => i.span.precision !== 'day').length
		);
	});

	it('never stacks two same-day events on one level', () => {
		const level = (id: string) =>
			svg.match(new RegExp(`data-event-id="${id}"[^>]*data-level="(\\d+)"`))![1];
		expect(level('paed-opinion')).not.toBe(level('mrd-negative'));
	});

	it('has captions in the SVG and one table row per event', () => {
		expect(svg).toMatch(/<g class="title"/);
		expect(svg).toMatch(/<g class="footer"/);
		const rows = html.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g) ?? [];
		expect(rows).toHaveLength(items.length);
	});
});
