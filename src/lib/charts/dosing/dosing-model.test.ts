import { describe, expect, it } from 'vitest';
import { textWidth } from '../anatomy';
import { examplimab } from '../fixtures/examplimab';
import { dosingContent, dosingFrame, dosingPeriodAttrs, dosingStepAttrs } from './dosing-model';

const content = dosingContent(examplimab, 'dosing-schedule');
const frame = (width: number, fontSize = 13) => dosingFrame(content, width, fontSize, 'en');

describe('dosingContent: what the schedule draws', () => {
	it('keeps every regimen, names each source once and stamps the dataset', () => {
		expect(content.rows.map((r) => r.regimen.id)).toEqual(examplimab.dosing.map((r) => r.id));
		expect(new Set(content.spec.sources).size).toBe(content.spec.sources.length);
		expect(content.spec.datasetVersion).toBe(examplimab.version);
	});

	it.each([
		{ id: 'general', color: 'var(--muted)' },
		{ id: 'adult', color: 'var(--tol-blue)' },
		{ id: 'children', color: 'var(--tol-green)' }
	])('colours $id by its dose unit ($color)', ({ id, color }) => {
		expect(content.color(content.rows.find((r) => r.regimen.id === id)!)).toBe(color);
	});

	it('has a legend entry per unit, one for "no dose recorded" and one for rest', () => {
		const keys = content.legendItems.map((i) => i.key);
		expect(keys).toEqual([...content.units, 'no-dose', 'rest']);
	});
});

describe('dosingFrame: where it goes', () => {
	it.each([
		{ width: 960, narrow: false, labelLeft: true },
		{ width: 619, narrow: true, labelLeft: false },
		{ width: 360, narrow: true, labelLeft: false }
	])('at $width px: narrow $narrow, label left of the strip $labelLeft', (c) => {
		const f = frame(c.width);
		expect(f.narrow).toBe(c.narrow);
		expect(f.labelX < 0).toBe(c.labelLeft);
		expect(f.height).toBe(f.padding.top + f.plotHeight + f.padding.bottom);
	});

	it.each([{ width: 960 }, { width: 360 }])(
		'at $width px: strips in order, each below the one before, periods and steps inside the plot',
		({ width }) => {
			const f = frame(width);
			const tops = f.strips.map((s) => f.yScale(s.row));
			expect(tops).toEqual([...tops].sort((a, b) => a - b));
			for (const s of f.strips) {
				for (const p of s.periods) expect(f.xScale(p.toDay)).toBeLessThanOrEqual(f.plotWidth);
				for (const d of s.steps) {
					const w = textWidth(d.text, f.doseFont, 'bold');
					const x0 = d.anchor === 'start' ? d.textX : d.textX - w;
					expect(x0).toBeGreaterThanOrEqual(0);
				}
			}
			expect(f.yScale(f.strips.at(-1)!.row) + f.barHeight).toBeLessThan(f.plotHeight);
		}
	);

	it('writes each regimen name whole, wrapped, beside its strip, above it on phones', () => {
		const [wide, phone] = [frame(960), frame(360)];
		for (const f of [wide, phone]) {
			const names = f.labelColumns.filter((c) => c.key.startsWith('name-'));
			expect(f.labelColumns.at(-1)!.key).toBe('note');
			expect(names[0].data).toHaveLength(content.rows.length);
			// Line by line, the name columns give back every regimen's whole name.
			for (const r of content.rows) {
				const lines = names.flatMap((c) => c.data.filter((l) => l.key === r.regimen.id));
				expect(lines.map((l) => l.text).join(' ')).toBe(
					r.regimen.label.trim().split(/\s+/).join(' ')
				);
			}
		}
		for (const s of phone.strips) {
			const line = phone.labelColumns[0].data.find((l) => l.key === s.key)!;
			expect(phone.yScale(line.row)).toBeLessThan(phone.yScale(s.row));
		}
	});

	it('wraps period captions to the period, whole, and names the source in each period label', () => {
		const f = frame(360);
		const font = Math.round(13 * 0.9);
		for (const s of f.strips)
			for (const p of s.periods) {
				const room = f.xScale(p.toDay) - f.xScale(p.fromDay - 1) - 6;
				// Every word is kept; a line is no wider than the period (or one 8-character word).
				expect(p.captionLines.join(' ')).toBe(p.caption);
				for (const line of p.captionLines)
					expect(textWidth(line, font)).toBeLessThanOrEqual(
						Math.max(room, textWidth('x'.repeat(8), font)) + 13
					);
				expect(p.label).toContain(content.names.source(s.regimen.provenance.sourceId));
			}
	});

	it('puts the figures on the marks as data attributes', () => {
		const s = frame(960).strips.find((r) => r.steps.length)!;
		expect(dosingPeriodAttrs(s, s.periods[0])).toMatchObject({
			'data-regimen-id': s.regimen.id,
			'data-kind': 'infusion',
			'data-from-day': 1
		});
		expect(dosingStepAttrs(s.steps[0])).toMatchObject({ 'data-dose': s.steps[0].dose });
	});
});
