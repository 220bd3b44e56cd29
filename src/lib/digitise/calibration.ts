/**
 * Axis calibration of a figure: two reference points on the x-axis and two on the y-axis,
 * each placed on the image (in image pixels) with the value printed there. Linear scales
 * only. A value is read by projecting the pixel onto the line through the two reference
 * points of its axis, so a slightly rotated scan still reads right along each axis.
 */

export type YScale = 'percent' | 'proportion';
export type TimeUnit = 'days' | 'weeks' | 'months' | 'years';
export const TIME_UNITS: readonly TimeUnit[] = ['days', 'weeks', 'months', 'years'];

export interface PixelPoint {
	/** Image pixel column (0 at the left edge), fractional allowed. */
	x: number;
	/** Image pixel row (0 at the top edge). */
	y: number;
}

export interface AxisReference extends PixelPoint {
	/** The value printed at this position on the axis. */
	value: number;
}

export interface Calibration {
	x1: AxisReference | null;
	x2: AxisReference | null;
	y1: AxisReference | null;
	y2: AxisReference | null;
	/** How the y-axis is printed: 0–100 or 0–1. Survival is always returned as a proportion. */
	yScale: YScale;
	timeUnit: TimeUnit;
}

export type ReferenceKey = 'x1' | 'x2' | 'y1' | 'y2';
export const REFERENCE_KEYS: readonly ReferenceKey[] = ['x1', 'x2', 'y1', 'y2'];

export const emptyCalibration = (): Calibration => ({
	x1: null,
	x2: null,
	y1: null,
	y2: null,
	yScale: 'percent',
	timeUnit: 'months'
});

/** What is wrong with a calibration, as message keys the page can translate. */
export type CalibrationProblem =
	| { kind: 'missing'; key: ReferenceKey }
	| { kind: 'not-finite'; key: ReferenceKey }
	| { kind: 'same-value'; axis: 'x' | 'y' }
	| { kind: 'same-position'; axis: 'x' | 'y' }
	| { kind: 'axes-parallel' };

/** A calibration ready to map pixels to data and back. */
export interface AxisMapping {
	/** Time at an image pixel. */
	time(p: PixelPoint): number;
	/** Survival (as a proportion) at an image pixel. */
	survival(p: PixelPoint): number;
	/** The y value as printed on the axis (percent or proportion) at an image pixel. */
	printedY(p: PixelPoint): number;
	/** The image pixel of a (time, survival-as-proportion) point. */
	toPixel(time: number, survival: number): PixelPoint;
}

/** Every problem of a calibration; an empty list means {@link axisMapping} will succeed. */
export function calibrationProblems(c: Calibration): CalibrationProblem[] {
	const problems: CalibrationProblem[] = [];
	for (const key of REFERENCE_KEYS) {
		const ref = c[key];
		if (!ref) problems.push({ kind: 'missing', key });
		else if (![ref.x, ref.y, ref.value].every(Number.isFinite))
			problems.push({ kind: 'not-finite', key });
	}
	if (problems.length) return problems;
	const { x1, x2, y1, y2 } = c as Required<{ [K in ReferenceKey]: AxisReference }>;
	if (x1.value === x2.value) problems.push({ kind: 'same-value', axis: 'x' });
	if (y1.value === y2.value) problems.push({ kind: 'same-value', axis: 'y' });
	if (Math.hypot(x2.x - x1.x, x2.y - x1.y) < 1) problems.push({ kind: 'same-position', axis: 'x' });
	if (Math.hypot(y2.x - y1.x, y2.y - y1.y) < 1) problems.push({ kind: 'same-position', axis: 'y' });
	if (!problems.length) {
		const cross = (x2.x - x1.x) * (y2.y - y1.y) - (x2.y - x1.y) * (y2.x - y1.x);
		const norm = Math.hypot(x2.x - x1.x, x2.y - x1.y) * Math.hypot(y2.x - y1.x, y2.y - y1.y);
		// Axes closer than ~6 degrees to parallel cannot be told apart.
		if (Math.abs(cross) < 0.1 * norm) problems.push({ kind: 'axes-parallel' });
	}
	return problems;
}

/** The y value as printed, turned into a proportion. */
export const toProportion = (printed: number, scale: YScale) =>
	scale === 'percent' ? printed / 100 : printed;
/** A proportion written on the printed y scale. */
export const fromProportion = (proportion: number, scale: YScale) =>
	scale === 'percent' ? proportion * 100 : proportion;

/**
 * The mapping between image pixels and data, or `null` with the problems when the calibration
 * is incomplete or degenerate.
 */
export function axisMapping(c: Calibration): AxisMapping | null {
	if (calibrationProblems(c).length) return null;
	const { x1, x2, y1, y2 } = c as Required<{ [K in ReferenceKey]: AxisReference }>;
	const dx = { x: x2.x - x1.x, y: x2.y - x1.y };
	const dy = { x: y2.x - y1.x, y: y2.y - y1.y };
	const dx2 = dx.x * dx.x + dx.y * dx.y;
	const dy2 = dy.x * dy.x + dy.y * dy.y;
	// Fraction of the way from reference 1 to reference 2 of each axis.
	const tx = (p: PixelPoint) => ((p.x - x1.x) * dx.x + (p.y - x1.y) * dx.y) / dx2;
	const ty = (p: PixelPoint) => ((p.x - y1.x) * dy.x + (p.y - y1.y) * dy.y) / dy2;
	const time = (p: PixelPoint) => x1.value + tx(p) * (x2.value - x1.value);
	const printedY = (p: PixelPoint) => y1.value + ty(p) * (y2.value - y1.value);
	return {
		time,
		printedY,
		survival: (p) => toProportion(printedY(p), c.yScale),
		toPixel(t, s) {
			const fx = (t - x1.value) / (x2.value - x1.value);
			const fy = (fromProportion(s, c.yScale) - y1.value) / (y2.value - y1.value);
			// Solve (p - x1)·dx = fx·|dx|² and (p - y1)·dy = fy·|dy|² for p.
			const a = fx * dx2 + x1.x * dx.x + x1.y * dx.y;
			const b = fy * dy2 + y1.x * dy.x + y1.y * dy.y;
			const det = dx.x * dy.y - dx.y * dy.x;
			return { x: (a * dy.y - b * dx.y) / det, y: (dx.x * b - dy.x * a) / det };
		}
	};
}

/** Evenly spaced "nice" values between two axis values, for the grid overlay. */
export function gridValues(from: number, to: number, target = 8): number[] {
	const lo = Math.min(from, to);
	const hi = Math.max(from, to);
	if (!(hi > lo)) return [lo];
	const raw = (hi - lo) / target;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
	const values: number[] = [];
	for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
		values.push(Number(v.toPrecision(12)));
	return values;
}
