/**
 * Vertical stacking of a chart's panels (each with a header line, its rows and its
 * own axis), so one SVG can hold, say, a percent panel above a months panel.
 */
export interface PanelSpec {
	id: string;
	rows: number;
}

export interface PanelBox {
	id: string;
	/** Top of the panel's header, plot coordinates. */
	top: number;
	/** Top of its first row. */
	rowsTop: number;
	/** Baseline of its axis (bottom of its last row). */
	axisY: number;
	/** Bottom of the panel, axis labels included. */
	bottom: number;
}

export function stackPanels(
	panels: PanelSpec[],
	sizes: { rowHeight: number; header: number; axis: number; gap: number }
): { boxes: PanelBox[]; height: number } {
	let y = 0;
	const boxes = panels.map((panel, i) => {
		const top = y + (i > 0 ? sizes.gap : 0);
		const rowsTop = top + sizes.header;
		const axisY = rowsTop + panel.rows * sizes.rowHeight;
		const bottom = axisY + sizes.axis;
		y = bottom;
		return { id: panel.id, top, rowsTop, axisY, bottom };
	});
	return { boxes, height: y };
}

/** Nice tick values of a log scale within a domain: 0.1, 0.2, 0.5, 1, 2, 5… */
export function logTicks(domain: [number, number]): number[] {
	const [lo, hi] = domain;
	const ticks: number[] = [];
	for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)) + 1; e++) {
		for (const m of [1, 2, 5]) {
			const t = Number((m * 10 ** e).toPrecision(3));
			if (t >= lo && t <= hi) ticks.push(t);
		}
	}
	return ticks;
}

/** A log domain around the values that always includes 1 (no effect). */
export function logDomain(values: number[]): [number, number] {
	const positive = values.filter((v) => v > 0 && Number.isFinite(v));
	const lo = Math.min(1, ...positive);
	const hi = Math.max(1, ...positive);
	return [lo / 1.35, hi * 1.35];
}

/** A linear domain around the values that includes `include` (0: no difference). */
export function linearDomain(values: number[], include = 0): [number, number] {
	const finite = values.filter(Number.isFinite);
	const lo = Math.min(include, ...finite);
	const hi = Math.max(include, ...finite);
	const pad = (hi - lo || 1) * 0.08;
	return [lo - pad, hi + pad];
}
