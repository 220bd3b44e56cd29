/**
 * Step curves in data units: cleaning digitised points the way IPDfromKM's `preprocess`
 * does (sorted, inside [0, 1], never rising, no repeats), turning a cloud of clicked points
 * into the corners of a step function, and reading a step function at any time.
 */

export interface CurvePoint {
	time: number;
	/** Survival as a proportion. */
	survival: number;
}

/**
 * Sorted by time (higher survival first at equal times), survival clamped into [0, 1] and
 * time to ≥ 0, forced non-increasing (a point above an earlier one is lowered to it), and
 * repeated points dropped. Non-finite points are dropped too; the count of dropped points
 * is returned so a page can say so.
 */
export function cleanCurve(points: CurvePoint[]): { points: CurvePoint[]; dropped: number } {
	const finite = points.filter((p) => Number.isFinite(p.time) && Number.isFinite(p.survival));
	const sorted = finite
		.map((p) => ({ time: Math.max(0, p.time), survival: Math.min(1, Math.max(0, p.survival)) }))
		.sort((a, b) => a.time - b.time || b.survival - a.survival);
	const out: CurvePoint[] = [];
	let lowest = 1;
	for (const p of sorted) {
		lowest = Math.min(lowest, p.survival);
		const last = out[out.length - 1];
		if (last && last.time === p.time && last.survival === lowest) continue;
		out.push({ time: p.time, survival: lowest });
	}
	return { points: out, dropped: points.length - out.length };
}

/**
 * The corners of a step function through noisy points (clicked by hand, or read off a blurred
 * scan): consecutive points whose survival is within `tolerance` of their run's first point
 * are one horizontal run at their mean; between runs the curve drops at the first point of the next run.
 */
export function detectSteps(points: CurvePoint[], tolerance = 0.004): CurvePoint[] {
	const clean = cleanCurve(points).points;
	if (clean.length === 0) return [];
	const runs: {
		start: number;
		end: number;
		first: number;
		level: number;
		sum: number;
		n: number;
	}[] = [];
	for (const p of clean) {
		const run = runs[runs.length - 1];
		if (run && run.first - p.survival <= tolerance) {
			run.end = p.time;
			run.sum += p.survival;
			run.n++;
			run.level = run.sum / run.n;
		} else
			runs.push({
				start: p.time,
				end: p.time,
				first: p.survival,
				level: p.survival,
				sum: p.survival,
				n: 1
			});
	}
	const corners: CurvePoint[] = [{ time: runs[0].start, survival: runs[0].level }];
	for (let i = 1; i < runs.length; i++) {
		corners.push({ time: runs[i].start, survival: runs[i - 1].level });
		corners.push({ time: runs[i].start, survival: runs[i].level });
	}
	const last = runs[runs.length - 1];
	if (last.end > last.start) corners.push({ time: last.end, survival: last.level });
	return corners;
}

/**
 * Survival of the step function through sorted corners at time `t`: the lowest value at the
 * last corner time ≤ t (right-continuous, as a Kaplan–Meier curve is). Before the first
 * corner it is the first corner's value; `null` when there are no corners.
 */
export function stepSurvivalAt(corners: CurvePoint[], t: number): number | null {
	if (!corners.length) return null;
	let value = corners[0].survival;
	for (const c of corners) {
		if (c.time > t) break;
		value = Math.min(value, c.survival);
	}
	return value;
}
