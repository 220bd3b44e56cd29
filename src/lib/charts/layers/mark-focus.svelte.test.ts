import { afterEach, describe, expect, it } from 'vitest';
import { markFocus } from './mark-focus';

const NS = 'http://www.w3.org/2000/svg';

/** An svg with one layer of three focusable marks (a hit circle and a shape each). */
function layer() {
	const svg = document.createElementNS(NS, 'svg');
	const g = document.createElementNS(NS, 'g');
	for (const key of ['a', 'b', 'c']) {
		const mark = document.createElementNS(NS, 'g');
		mark.setAttribute('class', 'mark');
		mark.setAttribute('tabindex', '0');
		mark.setAttribute('data-key', key);
		mark.append(document.createElementNS(NS, 'circle'), document.createElementNS(NS, 'path'));
		g.append(mark);
	}
	svg.append(g);
	document.body.append(svg);
	const marks = [...g.querySelectorAll<SVGGElement>('.mark')];
	const seen: (string | null)[] = [];
	const action = markFocus(g, { onactivate: (key) => seen.push(key) });
	return { g, marks, seen, action };
}

afterEach(() => document.body.replaceChildren());

describe('markFocus (one set of listeners per layer)', () => {
	it.each([
		{ key: 'ArrowDown', from: 0, to: 1 },
		{ key: 'ArrowRight', from: 1, to: 2 },
		{ key: 'ArrowUp', from: 2, to: 1 },
		{ key: 'ArrowLeft', from: 1, to: 0 },
		{ key: 'ArrowUp', from: 0, to: 0 },
		{ key: 'ArrowDown', from: 2, to: 2 }
	])('$key from mark $from focuses mark $to', ({ key, from, to }) => {
		const { marks } = layer();
		marks[from].focus();
		marks[from].dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
		expect(document.activeElement).toBe(marks[to]);
	});

	it('activates on focus and pointer, deactivates on blur, leaving and Escape', () => {
		const { marks, seen } = layer();
		marks[0].focus();
		marks[0].blur();
		const [hit, shape] = marks[1].children;
		hit.dispatchEvent(new MouseEvent('pointerover', { bubbles: true }));
		// Moving from the hit circle to the shape of the same mark is not leaving it.
		hit.dispatchEvent(new MouseEvent('pointerout', { bubbles: true, relatedTarget: shape }));
		shape.dispatchEvent(new MouseEvent('pointerout', { bubbles: true, relatedTarget: null }));
		marks[2].focus();
		marks[2].dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
		expect(seen).toEqual(['a', null, 'b', null, 'c', null]);
	});

	it('stops listening when destroyed', () => {
		const { marks, seen, action } = layer();
		action.destroy?.();
		marks[0].focus();
		expect(seen).toEqual([]);
	});
});
