import { describe, expect, it } from 'vitest';
import { traceCurve, parseHex, pickColour, toHex, colourDistance } from './trace';
import { blankImage, drawPlus, drawSteps, fillRect } from './test-raster';

const blue = parseHex('#1f5fa8')!;
const red = parseHex('#c0392b')!;
const region = { left: 10, top: 10, right: 390, bottom: 290 };

describe('traceCurve', () => {
	const xs = [10, 60, 120, 121 + 40, 250, 330, 390];
	const levels = [20, 60, 64, 120, 200, 230];

	it('finds every drop of a clean step curve, with corners at both ends of each drop', () => {
		const image = blankImage(400, 300);
		drawSteps(image, xs, levels, blue);
		const result = traceCurve(image, { colour: blue, region });
		expect(result.drops).toBe(levels.length - 1);
		// Corner pairs: (x, old level), (x, new level); centre of a 2-px line is top + 0.5.
		const expected = [{ x: 10, y: 20.5 }];
		for (let i = 1; i < levels.length; i++)
			expected.push(
				{ x: xs[i] + 0.5, y: levels[i - 1] + 0.5 },
				{ x: xs[i] + 0.5, y: levels[i] + 0.5 }
			);
		expected.push({ x: 390, y: 230.5 });
		expect(result.points.length).toBe(expected.length);
		result.points.forEach((p, i) => {
			expect(p.x).toBeCloseTo(expected[i].x, 0);
			expect(p.y).toBeCloseTo(expected[i].y, 0);
		});
	});

	it('ignores censor ticks on the line, and text of the same colour elsewhere', () => {
		const image = blankImage(400, 300);
		drawSteps(image, xs, levels, blue);
		drawPlus(image, 40, 20, blue);
		drawPlus(image, 200, 120, blue);
		drawPlus(image, 300, 200, blue);
		// "Text": blocks in the curve's colour above and below the curve.
		fillRect(image, 280, 40, 300, 52, blue);
		fillRect(image, 150, 250, 175, 262, blue);
		const result = traceCurve(image, { colour: blue, region });
		expect(result.ticksIgnored).toBe(3);
		expect(result.drops).toBe(levels.length - 1);
		expect(result.points.at(-1)!.y).toBeCloseTo(230.5, 0);
	});

	it('follows its own colour where another curve crosses it', () => {
		const image = blankImage(400, 300);
		drawSteps(image, xs, levels, blue);
		// A red curve drawn afterwards, crossing the blue one at x = 160 (blue hidden there).
		drawSteps(image, [10, 160, 390], [100, 220], red);
		const result = traceCurve(image, { colour: blue, region });
		expect(result.drops).toBe(levels.length - 1);
		expect(result.points.at(-1)!.y).toBeCloseTo(230.5, 0);
		const redTrace = traceCurve(image, { colour: red, region });
		expect(redTrace.drops).toBe(1);
		expect(redTrace.points.map((p) => Math.round(p.y))).toEqual([101, 101, 221, 221]);
	});

	it('sees drops as small as one pixel', () => {
		const image = blankImage(400, 300);
		const smallLevels = [20, 21, 23, 26, 30];
		drawSteps(image, [10, 50, 90, 130, 170, 390], smallLevels, blue, 3);
		const result = traceCurve(image, { colour: blue, region });
		expect(result.drops).toBe(4);
		expect(result.points.at(-1)!.y).toBeCloseTo(31, 0);
	});

	it('starts at a picked point and walks back to the left end of the curve, past censor ticks', () => {
		const image = blankImage(400, 300);
		drawSteps(image, xs, levels, blue);
		drawPlus(image, 90, 60, blue);
		drawPlus(image, 30, 20, blue);
		const result = traceCurve(image, { colour: blue, region, start: { x: 200, y: 121 } });
		expect(result.points[0]).toEqual({ x: 10, y: 20.5 });
		expect(result.drops).toBe(levels.length - 1);
	});

	it('says so when the colour is not there', () => {
		const image = blankImage(100, 100);
		expect(
			traceCurve(image, { colour: red, region: { left: 0, top: 0, right: 99, bottom: 99 } })
		).toMatchObject({
			notFound: true,
			points: []
		});
	});
});

describe('colours', () => {
	it.each([
		['#1f5fa8', { r: 31, g: 95, b: 168 }],
		['C0392B', { r: 192, g: 57, b: 43 }]
	])('parses %s', (hex, rgb) => {
		expect(parseHex(hex)).toEqual(rgb);
		expect(toHex(rgb)).toBe('#' + hex.replace('#', '').toLowerCase());
	});

	it('rejects a malformed colour', () => expect(parseHex('blue')).toBeNull());

	it('picks the line colour next to a click, not the paper', () => {
		const image = blankImage(20, 20);
		fillRect(image, 0, 10, 19, 11, blue);
		expect(colourDistance(pickColour(image, { x: 5, y: 8 }), blue)).toBe(0);
	});
});
