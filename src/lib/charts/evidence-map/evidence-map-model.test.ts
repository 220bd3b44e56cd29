import { describe, expect, it } from 'vitest';
import { examplimab } from '../fixtures/examplimab';
import {
	cellBox,
	evidenceContent,
	evidenceFrame,
	evidenceMarkAttrs,
	markCentre,
	markRadius,
	sizeSentence
} from './evidence-map-model';

const content = evidenceContent(examplimab, 'evidence-map', 'en');
const frame = (width: number, fontSize = 13) => evidenceFrame(content, width, fontSize, 'en');
const placed = content.grid.cells.reduce((sum, c) => sum + c.studies.length, 0);

describe('evidenceContent: what the map draws', () => {
	it('has a tidy row per study and cell, names each source once and stamps the dataset', () => {
		expect(content.tidy).toHaveLength(placed);
		expect(new Set(content.spec.sources).size).toBe(content.spec.sources.length);
		expect(content.spec.datasetVersion).toBe(examplimab.version);
	});

	it('has a legend entry per design that occurs, and one for "n not reported"', () => {
		expect(content.legendItems.map((i) => i.key)).toEqual([...content.grid.designs, 'no-n']);
	});

	it('names a cell by its rows and columns', () => {
		const spanning = content.grid.cells.find((c) => c.rowValues.length > 1)!;
		expect(content.names.cell(spanning)).toMatch(/Children, Infants.* · /);
	});
});

describe('evidenceFrame: where it goes', () => {
	it.each([
		{ width: 960, narrow: false },
		{ width: 619, narrow: true },
		{ width: 360, narrow: true }
	])(
		'at $width px (narrow $narrow): a band per column and row, every mark inside its cell',
		(c) => {
			const f = frame(c.width);
			expect(f.narrow).toBe(c.narrow);
			expect(f.xScale.domain()).toEqual(content.grid.columns.map((col) => col.key));
			expect(f.yScale.domain()).toEqual(content.grid.rowValues);
			expect(f.marks).toHaveLength(placed);
			for (const d of f.marks) {
				const box = cellBox(d.cell, f.xScale, f.yScale);
				const at = markCentre(d, f.xScale, f.yScale);
				expect(at.x).toBeGreaterThan(box.x);
				expect(at.x).toBeLessThan(box.x + box.w);
				expect(at.y).toBeGreaterThan(box.y);
				expect(at.y).toBeLessThan(box.y + box.h);
				// The study's name wraps whole under its mark (no ellipsis; a word longer than a
				// line breaks), inside the cell.
				const letters = (t: string) => t.replace(/\s+/g, '');
				expect(letters(d.lines.join(''))).toBe(letters(d.study.name));
				expect(at.y + (d.lines.length + 1) * f.markFont * 1.15).toBeLessThan(box.y + box.h + 1);
			}
			expect(f.height).toBe(f.padding.top + f.plotHeight + f.padding.bottom);
		}
	);

	it('spans a cell over the rows its indications name, with its age range on top', () => {
		const f = frame(960);
		const spanning = content.grid.cells.find((c) => c.rowValues.length > 1)!;
		const box = cellBox(spanning, f.xScale, f.yScale);
		expect(box.h).toBeGreaterThan(f.yScale.step());
		expect(f.spanNotes.get(spanning.key)).toEqual(['1 month and older']);
	});

	it('sizes marks by n on the r scale, and an unsized study at a fixed small radius', () => {
		const f = frame(960);
		const r = (n: number) => f.rScale(n);
		const sized = f.marks.filter((d) => d.size).sort((a, b) => a.size!.value - b.size!.value);
		expect(markRadius(sized.at(-1)!, r)).toBe(f.rScale.range()[1]);
		const unsized = f.marks.find((d) => !d.size)!;
		expect(markRadius(unsized, r)).toBe(6);
		expect(unsized.note).toBe('n not reported');
		expect(sizeSentence(unsized, 'en')).toMatch(/no number of patients/);
		expect(evidenceMarkAttrs(unsized)['data-n']).toBeUndefined();
	});

	it('puts the size key under the legend, its circles on the r scale', () => {
		const f = frame(960);
		expect(f.sizeKey.values.length).toBeGreaterThan(0);
		expect(f.sizeKey.y).toBeGreaterThan(-f.padding.top + f.caption.top + f.legend.height);
		expect(f.sizeKey.y).toBeLessThan(-f.headerHeight);
	});

	it('names the source of n in a mark label when there is one', () => {
		for (const d of frame(960).marks.filter((m) => m.size?.provenance))
			expect(d.label).toContain(content.names.source(d.size!.provenance!.sourceId));
	});
});
