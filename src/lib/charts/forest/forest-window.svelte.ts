/**
 * The rows a compact forest draws with text: those within a screen above and below the
 * viewport, in chunks, and every row while an export copies the SVG (and on the server,
 * whose render is the whole figure). Create during a component's set-up.
 */
import { flushSync, untrack } from 'svelte';
import { EXPORT_BEGIN, EXPORT_END } from '../export-events';

const CHUNK = 40;

export class RowWindow {
	/** [first, end) row indices drawn with text while windowed. */
	span = $state<[number, number]>([0, 2 * CHUNK]);
	/** Every row: during an export, and on the server. */
	full = $state(typeof window === 'undefined');

	/** The rows to draw with text now: all of them unless windowed. */
	visible<T>(rows: T[], windowed: boolean): T[] {
		return !windowed || this.full ? rows : rows.slice(this.span[0], this.span[1]);
	}

	constructor(
		svg: () => SVGElement | undefined,
		windowed: () => boolean,
		rowHeight: () => number,
		count: () => number
	) {
		$effect(() => {
			const el = svg();
			if (!windowed() || !el) return;
			const height = rowHeight();
			const rows = count();
			let frame = 0;
			const measure = () => {
				frame = 0;
				const top = -el.getBoundingClientRect().top;
				const screen = window.innerHeight;
				const first = Math.max(0, Math.floor((top - screen) / height / CHUNK) * CHUNK);
				const end = Math.min(rows, Math.ceil((top + 2 * screen) / height / CHUNK) * CHUNK);
				if (first !== this.span[0] || end !== this.span[1])
					this.span = [first, Math.max(first, end)];
			};
			const schedule = () => {
				if (!frame) frame = requestAnimationFrame(measure);
			};
			untrack(measure);
			window.addEventListener('scroll', schedule, { passive: true });
			window.addEventListener('resize', schedule);
			return () => {
				if (frame) cancelAnimationFrame(frame);
				window.removeEventListener('scroll', schedule);
				window.removeEventListener('resize', schedule);
			};
		});
		// Exports copy the svg: draw every row for the copy, synchronously.
		$effect(() => {
			const el = svg();
			if (!el) return;
			const begin = () => flushSync(() => (this.full = true));
			const end = () => (this.full = false);
			el.addEventListener(EXPORT_BEGIN, begin);
			el.addEventListener(EXPORT_END, end);
			return () => {
				el.removeEventListener(EXPORT_BEGIN, begin);
				el.removeEventListener(EXPORT_END, end);
			};
		});
	}
}
