/**
 * Automatic tracing of one Kaplan–Meier curve on an image's pixel data, by colour.
 *
 * The curve is followed from left to right at its current level (the pixel row of the
 * horizontal run it is on). Where the matching pixels in a column reach below that level,
 * the columns after the vertical part decide what it was: if the line carries on at the old
 * level it was a censor tick (or a crossing mark) and is ignored; if it does not, it was a
 * drop and the curve continues at the level below. Only the neighbourhood of the current
 * level is ever looked at, and the level never rises, so text and legends in the same
 * colour elsewhere in the plot are not picked up. The result keeps the step shape: a corner
 * at each end of every drop.
 */
import type { PixelPoint } from './calibration';

/** Pixel data as a canvas gives it (`ImageData`): RGBA, row by row. */
export interface RasterImage {
	width: number;
	height: number;
	data: ArrayLike<number>;
}

export interface Rgb {
	r: number;
	g: number;
	b: number;
}

/** Pixel box to search in, inclusive, in image pixels. */
export interface PixelRegion {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

export interface TraceOptions {
	colour: Rgb;
	/** Largest RGB distance (0–441) of a pixel still counted as the curve's colour. */
	tolerance?: number;
	region: PixelRegion;
	/** Where to start (for example the pixel the colour was picked at); else the top-left match. */
	start?: PixelPoint;
	/** Columns without the colour after which the curve is taken to have ended. */
	maxGap?: number;
	/**
	 * From a start point, first find the curve's left end (default true): the curve is
	 * followed leftwards, which is the same as following it rightwards on the image turned
	 * by 180 degrees, so ticks and rises are told apart exactly as ticks and drops are.
	 */
	walkBack?: boolean;
}

export interface TraceResult {
	/** Corners of the step curve, left to right, in image pixels. */
	points: PixelPoint[];
	/** Number of drops found. */
	drops: number;
	/** Number of marks reaching below the line that were not drops (censor ticks). */
	ticksIgnored: number;
	/** Set when nothing of the colour was found where the trace had to start. */
	notFound?: true;
}

export const DEFAULT_TOLERANCE = 90;

export function parseHex(hex: string): Rgb | null {
	const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
	if (!m) return null;
	const n = parseInt(m[1], 16);
	return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

export function toHex({ r, g, b }: Rgb): string {
	return '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}

export function colourAt(image: RasterImage, x: number, y: number): Rgb {
	const i = (Math.round(y) * image.width + Math.round(x)) * 4;
	return { r: image.data[i], g: image.data[i + 1], b: image.data[i + 2] };
}

export const colourDistance = (a: Rgb, b: Rgb) => Math.hypot(a.r - b.r, a.g - b.g, a.b - b.b);

/**
 * The most saturated colour within `radius` pixels of a click, so a click next to a thin,
 * anti-aliased line still picks the line's own colour rather than its blend with the paper.
 */
export function pickColour(image: RasterImage, at: PixelPoint, radius = 3): Rgb {
	let best = colourAt(image, at.x, at.y);
	let bestScore = -1;
	for (let dy = -radius; dy <= radius; dy++)
		for (let dx = -radius; dx <= radius; dx++) {
			const x = Math.round(at.x) + dx;
			const y = Math.round(at.y) + dy;
			if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
			const c = colourAt(image, x, y);
			const score = Math.max(c.r, c.g, c.b) - Math.min(c.r, c.g, c.b);
			if (score > bestScore) {
				bestScore = score;
				best = c;
			}
		}
	return best;
}

interface Run {
	top: number;
	bottom: number;
}

/** Follows one curve; see the module comment for how drops and ticks are told apart. */
export function traceCurve(image: RasterImage, options: TraceOptions): TraceResult {
	if (options.start && options.walkBack !== false) {
		const { width: w, height: h } = image;
		const turned = turn(image);
		const back = traceCurve(turned, {
			...options,
			walkBack: false,
			start: { x: w - 1 - options.start.x, y: h - 1 - options.start.y },
			region: {
				left: w - 1 - options.region.right,
				right: w - 1 - options.region.left,
				top: h - 1 - options.region.bottom,
				bottom: h - 1 - options.region.top
			}
		});
		const end = back.points[back.points.length - 1];
		if (end)
			return traceCurve(image, {
				...options,
				walkBack: false,
				start: { x: w - 1 - end.x, y: h - 1 - end.y }
			});
	}
	const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
	const maxGap = options.maxGap ?? 12;
	const region = clampRegion(options.region, image);
	const { colour } = options;
	const tol2 = tolerance * tolerance;
	const matches = (x: number, y: number) => {
		const i = (y * image.width + x) * 4;
		const dr = image.data[i] - colour.r;
		const dg = image.data[i + 1] - colour.g;
		const db = image.data[i + 2] - colour.b;
		return dr * dr + dg * dg + db * db <= tol2;
	};
	const runCache = new Map<number, Run[]>();
	const runsAt = (x: number): Run[] => {
		let runs = runCache.get(x);
		if (runs) return runs;
		runs = [];
		let top = -1;
		for (let y = region.top; y <= region.bottom; y++) {
			if (matches(x, y)) {
				if (top < 0) top = y;
			} else if (top >= 0) {
				runs.push({ top, bottom: y - 1 });
				top = -1;
			}
		}
		if (top >= 0) runs.push({ top, bottom: region.bottom });
		runCache.set(x, runs);
		return runs;
	};

	// Where to start: the run nearest the given point, else the topmost run of the first column.
	let x = region.left;
	let startRun: Run | undefined;
	if (options.start) {
		const sx = Math.round(options.start.x);
		for (const cx of [sx, sx - 1, sx + 1, sx - 2, sx + 2]) {
			if (cx < region.left || cx > region.right) continue;
			const runs = runsAt(cx);
			if (!runs.length) continue;
			startRun = runs.reduce((a, b) =>
				distanceToRun(a, options.start!.y) <= distanceToRun(b, options.start!.y) ? a : b
			);
			if (distanceToRun(startRun, options.start.y) > 6) {
				startRun = undefined;
				continue;
			}
			x = cx;
			break;
		}
	}
	if (!startRun) {
		for (x = region.left; x <= region.right; x++) {
			const runs = runsAt(x);
			if (runs.length) {
				startRun = runs[0];
				break;
			}
		}
	}
	if (!startRun) return { points: [], drops: 0, ticksIgnored: 0, notFound: true };

	// Line thickness from the first run that is a plain horizontal piece.
	let width = startRun.bottom - startRun.top + 1;
	for (let cx = x; cx <= Math.min(region.right, x + 20); cx++) {
		const run = runsAt(cx).find((r) => r.top <= startRun.bottom && r.bottom >= startRun.top);
		if (run) width = Math.min(width, run.bottom - run.top + 1);
	}
	width = Math.max(1, Math.min(8, width));
	const half = (width - 1) / 2;
	// A run is "on the line" when it overlaps the line's rows around the level.
	const onLine = (run: Run, level: number) =>
		run.top <= level + half + 0.5 && run.bottom >= level - half - 0.5;
	const lineRun = (cx: number, level: number) => runsAt(cx).find((r) => onLine(r, level));

	let level = startRun.top + half;
	// The start run may already be a drop (curve starts on a vertical): take its top.
	const points: PixelPoint[] = [{ x, y: level }];
	let drops = 0;
	let ticksIgnored = 0;
	let lastSeen = x;
	const drop = (at: number, to: number) => {
		const previous = points[points.length - 1];
		// A drop seen in two pieces (a column apart) is one drop.
		if (drops > 0 && points.length >= 3 && at - previous.x <= width) {
			previous.y = to;
			level = to;
			return;
		}
		points.push({ x: at, y: level }, { x: at, y: to });
		level = to;
		drops++;
	};

	while (x <= region.right) {
		const run = lineRun(x, level);
		if (run) {
			lastSeen = x;
			const clean = (r: Run) => r.bottom - r.top + 1 <= width + 1;
			if (run.bottom > level + half + 1.5 && !clean(run)) {
				// Something reaches below the line: a drop or a tick. Find where the vertical ends.
				let end = x + 1;
				while (end <= region.right) {
					const next = lineRun(end, level);
					if (!next || clean(next)) break;
					end++;
				}
				// The vertical runs to the edge of the search region: the trace ends here.
				if (end > region.right) break;
				const after = lineRun(end, level);
				if (after && centre(after) < level + 0.75) {
					ticksIgnored++;
					x = end;
					continue;
				}
				const dropAt = (x + end - 1) / 2;
				if (after) {
					drop(dropAt, centre(after));
					x = end;
					continue;
				}
				const below = runsAt(end)
					.filter((r) => r.top > level + half - 0.5)
					.sort((a, b) => a.top - b.top)[0];
				if (!below) {
					// The line stops at a vertical: the curve ends with a drop to its bottom.
					const deepest = Math.max(
						...range(x, end - 1).map((cx) => lineRun(cx, level)?.bottom ?? 0)
					);
					drop(dropAt, deepest - half);
					lastSeen = end - 1;
					x = end;
					continue;
				}
				drop(dropAt, below.top + half);
				x = end;
				continue;
			}
			// A small drop (about a line's thickness) only moves the line's centre down.
			if (clean(run) && centre(run) >= level + 0.75) {
				drop(x, centre(run));
			}
			x++;
			continue;
		}
		// No colour on the line: a gap (another curve drawn over this one, or the end).
		if (x - lastSeen > maxGap) break;
		const resumed = runsAt(x)
			.filter((r) => r.top > level && r.top - level < (region.bottom - region.top) / 3)
			.sort((a, b) => a.top - b.top)[0];
		if (
			resumed &&
			x + 1 <= region.right &&
			runsAt(x + 1).some((r) => Math.abs(r.top - resumed.top) <= 1)
		) {
			drop(x, resumed.top + half);
			continue;
		}
		x++;
	}
	const endX = Math.min(lastSeen, region.right);
	const last = points[points.length - 1];
	if (endX > last.x) points.push({ x: endX, y: level });
	return { points, drops, ticksIgnored };
}

const centre = (run: Run) => (run.top + run.bottom) / 2;
const distanceToRun = (run: Run, y: number) =>
	y < run.top ? run.top - y : y > run.bottom ? y - run.bottom : 0;
const range = (from: number, to: number) =>
	Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** The image turned by 180 degrees. */
function turn(image: RasterImage): RasterImage {
	const n = image.width * image.height;
	const data = new Uint8ClampedArray(n * 4);
	for (let i = 0; i < n; i++) {
		const j = (n - 1 - i) * 4;
		data[i * 4] = image.data[j];
		data[i * 4 + 1] = image.data[j + 1];
		data[i * 4 + 2] = image.data[j + 2];
		data[i * 4 + 3] = image.data[j + 3];
	}
	return { width: image.width, height: image.height, data };
}

function clampRegion(region: PixelRegion, image: RasterImage): PixelRegion {
	const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));
	return {
		left: clamp(Math.min(region.left, region.right), image.width - 1),
		right: clamp(Math.max(region.left, region.right), image.width - 1),
		top: clamp(Math.min(region.top, region.bottom), image.height - 1),
		bottom: clamp(Math.max(region.top, region.bottom), image.height - 1)
	};
}
