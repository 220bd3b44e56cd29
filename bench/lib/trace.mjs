/**
 * Splits the main-thread time of one update into scripting, style, layout, paint and
 * the rest, from a Chromium performance trace (the categories DevTools' Performance
 * panel records): self time of each trace event on the page's main thread, between
 * the first and last event of the update.
 */

const CATEGORY = [
	[
		/^(FunctionCall|EvaluateScript|EventDispatch|FireAnimationFrame|TimerFire|RunMicrotasks|V8\.Execute|v8\.callFunction|v8\.run|MajorGC|MinorGC|V8\.GC.*|BlinkGC.*|ThreadState::.*)$/,
		'script'
	],
	[/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|Document::updateStyle)$/, 'style'],
	[
		/^(Layout|UpdateLayout|IntersectionObserverController::computeIntersections|ResizeObserverController::.*)$/,
		'layout'
	],
	[
		/^(PrePaint|Paint|PaintImage|Layerize|Commit|UpdateLayer|UpdateLayerTree|CompositeLayers|Rasterize.*|Decode.*|RasterTask|PaintArtifactCompositor.*)$/,
		'paint'
	]
];

function categoryOf(name) {
	for (const [re, category] of CATEGORY) if (re.test(name)) return category;
	return 'other';
}

/**
 * @param {{ traceEvents?: object[] } | object[]} trace parsed trace JSON
 * @returns {{ script: number, style: number, layout: number, paint: number, other: number, total: number }}
 */
export function mainThreadBreakdown(trace) {
	const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
	// The renderer's main thread: the thread named CrRendererMain with the most events.
	const mains = events.filter(
		(e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
	);
	const counts = new Map();
	for (const e of events) {
		if (e.ph !== 'X') continue;
		const key = `${e.pid}:${e.tid}`;
		if (mains.some((m) => `${m.pid}:${m.tid}` === key)) counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
	const slices = events
		.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && typeof e.dur === 'number')
		.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
	const totals = { script: 0, style: 0, layout: 0, paint: 0, other: 0 };
	const stack = [];
	const close = (until) => {
		while (stack.length && stack.at(-1).end <= until) stack.pop();
	};
	for (const e of slices) {
		close(e.ts);
		const parent = stack.at(-1);
		// Unnamed detail inherits its parent's category (performLayout inside Layout is layout).
		const own = categoryOf(e.name);
		const category = own === 'other' && parent ? parent.category : own;
		// Self time: charge the slice, and take its time out of its parent's.
		totals[category] += e.dur;
		if (parent) totals[parent.category] -= Math.min(e.dur, parent.end - e.ts);
		stack.push({ end: e.ts + e.dur, category });
	}
	const ms = (us) => Math.max(0, Math.round(us / 100) / 10);
	const out = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, ms(v)]));
	out.total = Math.round((out.script + out.style + out.layout + out.paint + out.other) * 10) / 10;
	return out;
}
