// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { counterpart, handOver } from './island-handover';

/** Two copies of the same chart markup: the prerendered one and the live one. */
function copies(html: string) {
	const from = document.createElement('div');
	const to = document.createElement('div');
	from.innerHTML = html;
	to.innerHTML = html;
	document.body.replaceChildren(from, to);
	return { from, to };
}

const CHART = `
	<select name="sort"><option value="indication" selected>Indication</option><option value="value">Value</option></select>
	<input type="checkbox" name="pool" value="blast"><input type="checkbox" name="pool" value="tower">
	<details data-testid="chart-table"><summary>Show data as table</summary></details>
	<svg><g class="mark" tabindex="0" data-key="r1"></g><g class="mark" tabindex="0" data-key="r2"></g></svg>
	<button type="button">Export</button>`;

describe('counterpart', () => {
	it.each([
		['an element with a key', 'g[data-key="r2"]'],
		['a checkbox by name and value', 'input[value="tower"]'],
		['a select by name', 'select'],
		['a disclosure by test id', 'details'],
		['a button by position', 'button']
	])('finds %s', (_, selector) => {
		const { from, to } = copies(CHART);
		expect(counterpart(from.querySelector(selector)!, from, to)).toBe(to.querySelector(selector));
	});

	it('matches by name and value even when the live chart has more controls before it', () => {
		const { from, to } = copies(CHART);
		to.insertAdjacentHTML('afterbegin', '<input type="checkbox" name="other">');
		const box = from.querySelector('input[value="blast"]')!;
		expect(counterpart(box, from, to)).toBe(to.querySelector('input[value="blast"]'));
	});

	it('prefers the element that can take focus when a key is shared', () => {
		const { from, to } = copies(
			'<g data-key="r1" class="hover"></g><g data-key="r1" tabindex="0"></g>'
		);
		const mark = from.querySelector('[tabindex]')!;
		expect(counterpart(mark, from, to)).toBe(to.querySelector('[tabindex]'));
	});

	it('quotes values that would break a selector', () => {
		const { from, to } = copies('<g data-key="a&quot;]b\\c"></g>');
		expect(counterpart(from.firstElementChild!, from, to)).toBe(to.firstElementChild);
	});
});

describe('handOver', () => {
	it('replays a ticked box as a click on the live chart, and only that one', () => {
		const { from, to } = copies(CHART);
		(from.querySelector('input[value="tower"]') as HTMLInputElement).checked = true;
		const clicked = vi.fn();
		to.addEventListener('click', (event) => clicked((event.target as HTMLInputElement).value));
		handOver(from, to);
		expect(clicked.mock.calls).toEqual([['tower']]);
		expect((to.querySelector('input[value="tower"]') as HTMLInputElement).checked).toBe(true);
		expect((to.querySelector('input[value="blast"]') as HTMLInputElement).checked).toBe(false);
	});

	it('carries a chosen option with a change event, and an unchanged one without', () => {
		const { from, to } = copies(CHART);
		const changes = vi.fn();
		to.addEventListener('change', changes);
		handOver(from, to);
		expect(changes).not.toHaveBeenCalled();
		from.querySelector('select')!.value = 'value';
		handOver(from, to);
		expect(to.querySelector('select')!.value).toBe('value');
		expect(changes).toHaveBeenCalledTimes(1);
	});

	it('moves focus to the same mark after the prerendered copy has left the page', () => {
		const { from, to } = copies(CHART);
		const mark = from.querySelector('g[data-key="r1"]') as unknown as HTMLElement;
		mark.focus();
		from.remove();
		handOver(from, to, mark);
		expect(document.activeElement).toBe(to.querySelector('g[data-key="r1"]'));
	});

	it('keeps an opened data table open and moves focus to the same mark', () => {
		const { from, to } = copies(CHART);
		from.querySelector('details')!.open = true;
		(from.querySelector('g[data-key="r2"]') as unknown as HTMLElement).focus();
		handOver(from, to);
		expect(to.querySelector('details')!.open).toBe(true);
		expect(document.activeElement).toBe(to.querySelector('g[data-key="r2"]'));
	});
});
