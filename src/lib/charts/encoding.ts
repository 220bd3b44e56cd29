/**
 * Visual encodings shared by every chart: colour from the theme's CSS variables
 * (Paul Tol's palette) plus a second, colour-free cue (shape, dash) for arm role.
 */
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';

export type ArmRole = 'experimental' | 'comparator' | 'historical-control';
export type MarkShape = 'circle' | 'square' | 'triangle' | 'diamond';

/** CSS colour of an arm role, from the theme (light, dark, projector). */
export function roleColor(role: ArmRole | undefined): string {
	switch (role) {
		case 'comparator':
			return 'var(--comparator)';
		case 'historical-control':
			return 'var(--historical)';
		default:
			return 'var(--experimental)';
	}
}

/** Shape of an arm role's point: the second cue, for print and colour-blind readers. */
export function roleShape(role: ArmRole | undefined): MarkShape {
	switch (role) {
		case 'comparator':
			return 'square';
		case 'historical-control':
			return 'triangle';
		default:
			return 'circle';
	}
}

/** stroke-dasharray of an arm role's lines (survival curves): solid, dashed, dotted. */
export function roleDash(role: ArmRole | undefined): string | undefined {
	switch (role) {
		case 'comparator':
			return '6 4';
		case 'historical-control':
			return '2 3';
		default:
			return undefined;
	}
}

/** Dash of an interval the dashboard computed (not printed by the source). */
export const COMPUTED_DASH = '4 3';

const symbolTypes = {
	circle: symbolCircle,
	square: symbolSquare,
	triangle: symbolTriangle,
	diamond: symbolDiamond
};

const shapePaths = new Map<string, string>();

/** SVG path of a mark shape centred on 0,0 with about `size` px across (cached). */
export function shapePath(shape: MarkShape, size: number): string {
	const id = `${shape}|${size}`;
	let path = shapePaths.get(id);
	if (path === undefined) {
		// d3 symbols are sized by area; match the visual weight of a circle of diameter `size`.
		const area = (Math.PI * size * size) / 4;
		const scale = shape === 'triangle' ? 1.25 : shape === 'square' ? 0.85 : 1;
		path = symbol(symbolTypes[shape], area * scale)() ?? '';
		shapePaths.set(id, path);
	}
	return path;
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * A d3 symbol path (absolute M, L, A; relative h, v; Z) as its start point and the rest
 * in relative commands, so one shape can be placed anywhere by writing a new start.
 */
function relativeShape(path: string): { x: number; y: number; rest: string } {
	let x = 0;
	let y = 0;
	let startX = 0;
	let startY = 0;
	let rest = '';
	for (const [, cmd, args] of path.matchAll(/([MLAhvZ])([^MLAhvZ]*)/g)) {
		const n = args.split(/[ ,]+/).filter(Boolean).map(Number);
		if (cmd === 'M') [x, y, startX, startY] = [n[0], n[1], n[0], n[1]];
		else if (cmd === 'L') {
			rest += `l${round(n[0] - x)},${round(n[1] - y)}`;
			[x, y] = [n[0], n[1]];
		} else if (cmd === 'A') {
			rest += `a${n.slice(0, 5).join(',')},${round(n[5] - x)},${round(n[6] - y)}`;
			[x, y] = [n[5], n[6]];
		} else if (cmd === 'h') {
			rest += `h${n[0]}`;
			x += n[0];
		} else if (cmd === 'v') {
			rest += `v${n[0]}`;
			y += n[0];
		} else {
			rest += 'z';
			[x, y] = [startX, startY];
		}
	}
	const start = path.match(/^M([^,]+),([^A-Za-z]+)/);
	return { x: Number(start?.[1] ?? 0), y: Number(start?.[2] ?? 0), rest };
}

const placedShapes = new Map<string, { x: number; y: number; rest: string }>();

/**
 * The same shape as `shapePath`, centred on `cx`,`cy`: many of them concatenate into
 * one `<path>` (the compact drawing of large charts).
 */
export function placedShapePath(shape: MarkShape, size: number, cx: number, cy: number): string {
	const id = `${shape}|${size}`;
	let placed = placedShapes.get(id);
	if (!placed) {
		placed = relativeShape(shapePath(shape, size));
		placedShapes.set(id, placed);
	}
	return `M${round(cx + placed.x)},${round(cy + placed.y)}${placed.rest}`;
}

/** A small pennant centred on 0,0, about `size` px tall: "the sources disagree". */
export function flagPath(size: number): string {
	const h = size / 2;
	return `M${-h * 0.6},${h} L${-h * 0.6},${-h} L${h * 0.9},${-h * 0.45} L${-h * 0.6},${h * 0.1}`;
}

/** The pennant of `flagPath`, centred on `cx`,`cy`, for one path holding many. */
export function placedFlagPath(size: number, cx: number, cy: number): string {
	const h = size / 2;
	return `M${round(cx - h * 0.6)},${round(cy + h)}v${round(-2 * h)}l${round(1.5 * h)},${round(0.55 * h)}l${round(-1.5 * h)},${round(0.55 * h)}`;
}
