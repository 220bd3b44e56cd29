/** Tiny raster drawing for tests: a white RGBA image with filled rectangles. */
import type { RasterImage, Rgb } from './trace';

export function blankImage(
	width: number,
	height: number
): RasterImage & { data: Uint8ClampedArray } {
	const data = new Uint8ClampedArray(width * height * 4).fill(255);
	return { width, height, data };
}

export function fillRect(
	image: RasterImage & { data: Uint8ClampedArray },
	x0: number,
	y0: number,
	x1: number,
	y1: number,
	{ r, g, b }: Rgb
) {
	for (
		let y = Math.max(0, Math.min(y0, y1));
		y <= Math.min(image.height - 1, Math.max(y0, y1));
		y++
	)
		for (
			let x = Math.max(0, Math.min(x0, x1));
			x <= Math.min(image.width - 1, Math.max(x0, x1));
			x++
		) {
			const i = (y * image.width + x) * 4;
			image.data[i] = r;
			image.data[i + 1] = g;
			image.data[i + 2] = b;
		}
}

/**
 * Draws a step curve with a line `width` pixels thick: levels[i] from xs[i] to xs[i+1],
 * joined by verticals. Returns nothing; the truth is the input.
 */
export function drawSteps(
	image: RasterImage & { data: Uint8ClampedArray },
	xs: number[],
	levels: number[],
	colour: Rgb,
	width = 2
) {
	for (let i = 0; i < levels.length; i++) {
		fillRect(image, xs[i], levels[i], xs[i + 1] + width - 1, levels[i] + width - 1, colour);
		if (i + 1 < levels.length)
			fillRect(
				image,
				xs[i + 1],
				levels[i],
				xs[i + 1] + width - 1,
				levels[i + 1] + width - 1,
				colour
			);
	}
}

/** A censor mark "+" centred on (x, y). */
export function drawPlus(
	image: RasterImage & { data: Uint8ClampedArray },
	x: number,
	y: number,
	colour: Rgb,
	size = 5,
	width = 2
) {
	fillRect(image, x, y - size, x + width - 1, y + size, colour);
	fillRect(image, x - size, y, x + size, y + width - 1, colour);
}
