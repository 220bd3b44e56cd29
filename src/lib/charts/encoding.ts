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

/** SVG path of a mark shape centred on 0,0 with about `size` px across. */
export function shapePath(shape: MarkShape, size: number): string {
	// d3 symbols are sized by area; match the visual weight of a circle of diameter `size`.
	const area = (Math.PI * size * size) / 4;
	const scale = shape === 'triangle' ? 1.25 : shape === 'square' ? 0.85 : 1;
	return symbol(symbolTypes[shape], area * scale)() ?? '';
}

/** A small pennant centred on 0,0, about `size` px tall: "the sources disagree". */
export function flagPath(size: number): string {
	const h = size / 2;
	return `M${-h * 0.6},${h} L${-h * 0.6},${-h} L${h * 0.9},${-h * 0.45} L${-h * 0.6},${h * 0.1}`;
}
