import { describe, expect, it } from 'vitest';
import { captionLayout, textWidth, wrapText } from './anatomy';

describe('wrapText', () => {
	it.each([
		// text, width, font size, expected lines
		['', 400, 13, []],
		['Short title', 400, 13, ['Short title']],
		[
			'Complete remission within two cycles in adults with relapsed or refractory B-ALL',
			200,
			13,
			['Complete remission within', 'two cycles in adults with', 'relapsed or refractory', 'B-ALL']
		],
		['a  b   c', 400, 13, ['a b c']]
	])('wraps %j at %d px', (text, width, size, lines) => {
		expect(wrapText(text, width, size)).toEqual(lines);
	});

	it('never returns a line longer than the width allows', () => {
		const text = 'Response and event rates of every study, grouped by indication, with 95% CIs';
		for (const width of [120, 200, 375, 960]) {
			for (const line of wrapText(text, width, 13)) {
				expect(textWidth(line, 13)).toBeLessThanOrEqual(Math.max(width, 8 * 13 * 0.6));
			}
		}
	});

	it('cuts a word longer than a line', () => {
		expect(wrapText('x'.repeat(30), 8 * 13 * 0.56, 13)).toEqual([
			'xxxxxxxx',
			'xxxxxxxx',
			'xxxxxxxx',
			'xxxxxx'
		]);
	});
});

describe('captionLayout', () => {
	const input = {
		title: 'Response rates across the pivotal studies of blinatumomab',
		subtitle:
			'Adults and children with B-cell precursor ALL; CR/CRh and MRD response; latest data cut',
		footer: ['Sources: Topp 2015; EMA overview', 'Dataset 2025.01-1 (24 November 2026)']
	};

	it('needs more room above and below on a narrow screen than on a wide one', () => {
		const wide = captionLayout(input, 960, 13);
		const narrow = captionLayout(input, 375, 13);
		expect(wide.title).toHaveLength(1);
		expect(narrow.title.length).toBeGreaterThan(1);
		expect(narrow.top).toBeGreaterThan(wide.top);
		expect(narrow.bottom).toBeGreaterThanOrEqual(wide.bottom);
	});

	it('grows with the type size (projector)', () => {
		expect(captionLayout(input, 960, 16).top).toBeGreaterThan(captionLayout(input, 960, 13).top);
	});

	it('takes no footer space without footer lines', () => {
		expect(captionLayout({ ...input, footer: [] }, 960, 13).bottom).toBe(0);
	});
});
