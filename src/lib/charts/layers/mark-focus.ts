/**
 * Keyboard and pointer behaviour of focusable marks, for a whole layer at once: put
 * `use:markFocus` on the layer's group and give each mark `class="mark"`,
 * `tabindex="0"`, `role`, `aria-label` and `data-key` in the markup (so the
 * prerendered SVG is accessible before any script runs). One set of listeners per layer
 * (delegated), not five closures per mark:
 *
 * - pointer over or keyboard focus on a mark activates it (the chart shows its tooltip);
 *   leaving it or blurring deactivates;
 * - ←/↑ and →/↓ move focus to the previous or next mark of the same `<svg>`;
 * - Escape dismisses the tooltip.
 */
import type { ActionReturn } from 'svelte/action';

export interface MarkFocusOptions {
	/** Called with the `data-key` of the mark that became active, or null. */
	onactivate?: (key: string | null) => void;
}

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/** The mark an event happened in, if it belongs to this layer. */
function markOf(layer: Element, target: EventTarget | null): Element | null {
	const mark = target instanceof Element ? target.closest('.mark') : null;
	return mark && layer.contains(mark) ? mark : null;
}

export function markFocus(
	layer: Element,
	options: MarkFocusOptions = {}
): ActionReturn<MarkFocusOptions> {
	let current = options;
	const activate = (mark: Element | null) =>
		current.onactivate?.(mark ? (mark.getAttribute('data-key') ?? null) : null);

	const over = (e: Event) => {
		const mark = markOf(layer, e.target);
		if (mark) activate(mark);
	};
	const out = (e: Event) => {
		const mark = markOf(layer, e.target);
		// Moving between the parts of one mark is not leaving it.
		if (mark && !mark.contains((e as PointerEvent).relatedTarget as Node | null)) activate(null);
	};
	const focusin = (e: Event) => {
		const mark = markOf(layer, e.target);
		if (mark) activate(mark);
	};
	const focusout = (e: Event) => {
		if (markOf(layer, e.target)) activate(null);
	};
	const keydown = (e: Event) => {
		const event = e as KeyboardEvent;
		const mark = markOf(layer, event.target);
		if (!mark) return;
		if (event.key === 'Escape') {
			activate(null);
			return;
		}
		const step = STEPS[event.key];
		if (!step) return;
		const svg = (mark as SVGElement).ownerSVGElement ?? layer;
		const marks = [...svg.querySelectorAll<SVGElement | HTMLElement>('.mark')];
		const next = marks[marks.indexOf(mark as SVGElement) + step];
		if (next) {
			event.preventDefault();
			next.focus();
		}
	};

	const listeners: [string, (e: Event) => void][] = [
		['pointerover', over],
		['pointerout', out],
		['focusin', focusin],
		['focusout', focusout],
		['keydown', keydown]
	];
	for (const [type, fn] of listeners) layer.addEventListener(type, fn);
	return {
		update(next) {
			current = next;
		},
		destroy() {
			for (const [type, fn] of listeners) layer.removeEventListener(type, fn);
		}
	};
}
