import { describe, expect, it } from 'vitest';
import { forestLayout } from './forest-layout';

describe('forestLayout', () => {
	it.each([
		// width, mode, columns
		[1200, 'wide', ['study', 'endpoint', 'counts', 'estimate', 'note', 'source']],
		[1000, 'wide', ['study', 'endpoint', 'counts', 'estimate', 'note', 'source']],
		[960, 'medium', ['study', 'endpoint', 'estimate', 'note']],
		[700, 'medium', ['study', 'endpoint', 'estimate', 'note']],
		[343, 'narrow', ['study', 'estimate']]
	])('at %d px: %s layout', (width, mode, ids) => {
		const layout = forestLayout(width, 13);
		expect(layout.mode).toBe(mode);
		expect(layout.columns.map((c) => c.id)).toEqual(ids);
	});

	it.each([1200, 1000, 960, 700, 343])(
		'leaves room for the plot and fits the width at %d px',
		(width) => {
			const layout = forestLayout(width, 13);
			expect(layout.plotWidth).toBeGreaterThanOrEqual(100);
			expect(layout.left + layout.plotWidth + layout.right).toBeLessThanOrEqual(width);
			// Left columns sit left of the plot, right ones right of it, none overlapping.
			for (const col of layout.columns) {
				if (col.x < 0) expect(col.x + col.width).toBeLessThanOrEqual(0);
				else expect(col.x).toBeGreaterThan(0);
			}
		}
	);

	it('makes room for larger type (projector)', () => {
		expect(forestLayout(1200, 14).left).toBeGreaterThan(forestLayout(1200, 13).left);
	});

	it.each([
		// width, type size, mode: the breaks are in ems, so larger type changes layout sooner
		[1200, 16, 'medium'],
		[1600, 20, 'wide'],
		[880, 20, 'narrow'],
		[1000, 20, 'medium']
	])('at %d px with %d px type: %s layout', (width, fontSize, mode) => {
		expect(forestLayout(width, fontSize).mode).toBe(mode);
	});

	it('keeps the plot over 40% of a slide-sized chart (880 px, 20 px type)', () => {
		const layout = forestLayout(880, 20);
		expect(layout.plotWidth).toBeGreaterThanOrEqual(380);
	});

	it('draws a slide (880 px, 18 px type) as one-line rows of study, endpoint and estimate', () => {
		const layout = forestLayout(880, 18, 'slide');
		expect(layout.mode).toBe('slide');
		expect(layout.columns.map((c) => c.id)).toEqual(['study', 'endpoint', 'estimate']);
		// Shorter rows than on screen, and the endpoint gets what the plot leaves.
		expect(layout.rowHeight).toBeLessThan(forestLayout(1200, 18).rowHeight);
		const endpoint = layout.columns.find((c) => c.id === 'endpoint')!;
		expect(endpoint.width).toBeGreaterThan(26 * 18 * 0.6);
		expect(layout.plotWidth).toBeGreaterThanOrEqual(170);
		expect(layout.left + layout.plotWidth + layout.right).toBeLessThanOrEqual(880);
	});
});
